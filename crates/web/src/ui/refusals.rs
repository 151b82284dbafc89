//! Refusals in the reader's language, for every form: the domain and the app refuse with a
//! typed [`Refusal`] (a field, a kind of reason and the values it names); each form says
//! where its fields are (the input and its label); this module words the reason by one
//! Fluent message per kind (`refusal-<kind>`), the values it names in the reader's words
//! (a date written out, a state by its word, a check by the profile's label), and names
//! the field by the form's label, linked to its input. No form reads an English sentence
//! back, so a reworded rule cannot fall back to English on a page.
use fluent_bundle::FluentArgs;
use resettle_app::{AppError, Caller};
use resettle_domain::policy::PolicyProfile;
use resettle_domain::refusal::{Anchor, Vocabulary};
use resettle_domain::{Refusal, RefusalKind};
use serde::Serialize;

use super::Lang;

/// Where each field a form may be refused on is: the field as a refusal names it
/// (`reason_code`; `members.full_name` for a field of each member), the name of its input
/// (`{i}` standing for the member's index), and the message id of its label.
pub(crate) type FormFields = &'static [(&'static str, &'static str, &'static str)];

/// A refusal as a page shows it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub(crate) struct Worded {
    /// The name of the input it is about, marked invalid and the target of the label's
    /// link; `None` when it names no field of the form.
    pub(crate) input: Option<String>,
    /// The field, as the form labels it, in the reader's language.
    pub(crate) label: Option<String>,
    /// Why, in the reader's language.
    pub(crate) reason: String,
}

/// `error` in the reader's words for a form with `fields`: a refusal of its input with its
/// field; a refused role with what the role may not do; a storage fault as such. `names`
/// is the profile whose checks and reasons the refusal may list.
pub(crate) fn worded(
    lang: Lang,
    error: &AppError,
    caller: &Caller,
    fields: FormFields,
    names: Option<&PolicyProfile>,
) -> Worded {
    match error {
        AppError::Refused(r) => refusal(lang, r, fields, names),
        AppError::Forbidden {
            lacking: Some(lacking),
            ..
        } => Worded {
            reason: super::not_allowed(lang, caller, *lacking),
            ..Worded::default()
        },
        AppError::Storage(_) | AppError::Internal(_) => Worded {
            reason: message(lang, "refusal-storage", &FluentArgs::new()),
            ..Worded::default()
        },
        other => {
            // Not a refusal the domain types (yet): its English words, logged so that it
            // can be given a kind.
            tracing::warn!(error = %other, "a refusal without a kind, shown in English");
            Worded {
                reason: other.to_string(),
                ..Worded::default()
            }
        }
    }
}

/// A typed refusal in the reader's words, its field placed on the form.
pub(crate) fn refusal(
    lang: Lang,
    r: &Refusal,
    fields: FormFields,
    names: Option<&PolicyProfile>,
) -> Worded {
    let (input, label) = match place(&r.field, fields) {
        Some((input, label_id, member)) => {
            let field = message(lang, label_id, &FluentArgs::new());
            let label = match member {
                None => field,
                Some(i) => {
                    let mut args = FluentArgs::new();
                    args.set("number", i + 1);
                    args.set("field", field);
                    message(lang, "refusal-field-of-member", &args)
                }
            };
            (Some(input), Some(label))
        }
        None => (None, None),
    };
    Worded {
        input,
        label,
        reason: reason(lang, &r.kind, names),
    }
}

/// The input, label id and member index of the field a refusal names: the field itself,
/// a member's (`members[1].date_of_birth`), or the list it is an element of
/// (`checks.humanitarian_visa` is on `checks`).
fn place(field: &str, fields: FormFields) -> Option<(String, &'static str, Option<usize>)> {
    let (member, rest) = match field
        .strip_prefix("members[")
        .and_then(|r| r.split_once("]."))
        .and_then(|(i, rest)| Some((i.parse::<usize>().ok()?, rest)))
    {
        Some((i, rest)) => (Some(i), format!("members.{rest}")),
        None => (None, field.to_string()),
    };
    let head = rest.split('.').next().unwrap_or_default();
    let (_, input, label) = fields
        .iter()
        .find(|(f, _, _)| *f == rest)
        .or_else(|| fields.iter().find(|(f, _, _)| *f == head))?;
    let input = match member {
        Some(i) => input.replace("{i}", &i.to_string()),
        None => input.to_string(),
    };
    Some((input, label, member))
}

/// Why, in the reader's language: the message of the kind, with the values it names.
pub(crate) fn reason(lang: Lang, kind: &RefusalKind, names: Option<&PolicyProfile>) -> String {
    use RefusalKind::*;
    let mut args = FluentArgs::new();
    let day = |d: &time::Date| lang.date(*d).unwrap_or_else(|_| d.to_string());
    let word = |kind: &str, code: &str| lang.word(kind, code).unwrap_or_else(|_| code.into());
    let list = |values: &[String], of: Vocabulary| -> String {
        values
            .iter()
            .map(|v| value(lang, v, of, names))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match kind {
        NoneChosen { allowed, of } => args.set("allowed", list(allowed, *of)),
        NotInList { given, allowed, of } => {
            args.set("given", given.clone());
            args.set("allowed", list(allowed, *of));
        }
        NotADay { given }
        | NotANumber { given }
        | NotNameAndDay { given }
        | NotACountry { given }
        | NotALanguage { given }
        | NotACaseNumber { given }
        | NotDefined { given }
        | MemberTwice { given }
        | Duplicate { given }
        | ListedTwice { given }
        | NotAListPosition { given }
        | NotAWebAddress { given }
        | NotAnEmail { given }
        | NotAPhone { given } => args.set("given", given.clone()),
        Characters { given, others } => {
            args.set("given", given.clone());
            args.set("others", others.clone());
        }
        TooShort { min, got } => {
            args.set("min", *min);
            args.set("got", *got);
        }
        RoleNotHeld { role } => args.set("role", word("role", role)),
        NoRate { instrument } => args.set("instrument", word("claim-page-instrument", instrument)),
        Several { found } => args.set("found", list(found, Vocabulary::Plain)),
        OneOf { fields } | AtMostOne { fields } => {
            args.set("fields", list(fields, Vocabulary::Plain))
        }
        NotCombined { with } => args.set("with", list(with, Vocabulary::Plain)),
        Figures { detail } | Untrustworthy { detail } => args.set("detail", detail.clone()),
        NoScenarioFor { model } => args.set("model", model.clone()),
        NewerSchema { version, latest } => {
            args.set("version", *version);
            args.set("latest", *latest);
        }
        NoLonger { was } => args.set("was", word("reunification-status", was)),
        PlaceNotOfKind { place, is, wanted } => {
            args.set("place", place.clone());
            args.set("is", word("stay", is.as_str()));
            args.set("wanted", word("stay", wanted.as_str()));
        }
        TooLong { max, got } | TooMany { max, got } => {
            args.set("max", *max);
            args.set("got", *got);
        }
        OverCapacity {
            place,
            present,
            capacity,
            persons,
        } => {
            args.set("place", place.clone());
            args.set("present", *present);
            args.set("capacity", *capacity);
            args.set("persons", *persons);
            args.set("after", present.saturating_add(*persons));
        }
        OutOfRange { min, max, got } => {
            for (name, v) in [("min", min), ("max", max), ("got", got)] {
                args.set(name, number(lang, v));
            }
        }
        InFuture { day: d, today } => {
            args.set("day", day(d));
            args.set("today", day(today));
        }
        BeforeLastStep { day: d, last } => {
            args.set("day", day(d));
            args.set("last", day(last));
        }
        Before {
            day: d,
            anchor,
            other,
        }
        | After {
            day: d,
            anchor,
            other,
        } => {
            args.set("day", day(d));
            args.set("anchor", anchor_words(lang, *anchor));
            args.set("other", day(other));
        }
        TooOld { day: d, age } => {
            args.set("day", day(d));
            args.set("age", *age);
        }
        PrincipalApplicants { found } => args.set("found", *found),
        StepNotAllowed { from, to, allowed } => {
            args.set("from", word("state", from.as_str()));
            args.set("to", word("state", to.as_str()));
            let allowed: Vec<String> = allowed.iter().map(|s| s.to_string()).collect();
            args.set("allowed", list(&allowed, Vocabulary::Word("state")));
        }
        DecisionWithoutReason { to } => args.set("to", word("state", to.as_str())),
        NoReasonList { from, to } => {
            args.set("from", word("state", from.as_str()));
            args.set("to", word("state", to.as_str()));
        }
        SlipWithoutReason { promise } => args.set("promise", word("promise", promise.as_str())),
        OtherWithoutWords { list: reasons } => {
            let of = Vocabulary::Named(resettle_domain::policy::NameList::Reason(*reasons));
            args.set(
                "reason",
                value(lang, resettle_domain::policy::OTHER, of, names),
            );
        }
        SplitDecision { members } => args.set("members", *members),
        ReceptionFirst { sponsor_exception } => {
            args.set("sponsor", if *sponsor_exception { "yes" } else { "no" })
        }
        ChecksOutstanding { missing } => args.set(
            "missing",
            list(
                missing,
                Vocabulary::Named(resettle_domain::policy::NameList::PreDeparture),
            ),
        ),
        NoSuchCase { number } => args.set("number", number.clone()),
        ChangedSince { version, seen } => {
            args.set("version", *version);
            args.set("seen", *seen);
        }
        ChannelRefuses { priority, channel } => {
            args.set("priority", word("priority", priority.as_str()));
            args.set("channel", word("channel", channel.as_str()));
        }
        // A year is a name, not grouped as 2,026.
        NoTarget { year } | NoNeeds { year } => args.set("year", year.to_string()),
        NotStateReception { kind } | NoHome { kind } => {
            args.set("kind", word("stay", kind.as_str()))
        }
        RequestNotAllowed { from, to, allowed } => {
            args.set("from", word("reunification-status", from));
            args.set("to", word("reunification-status", to));
            args.set(
                "allowed",
                list(allowed, Vocabulary::Word("reunification-status")),
            );
            args.set("final", if allowed.is_empty() { "yes" } else { "no" });
        }
        ResolvedWhileRequested { day: d } => args.set("day", day(d)),
        HoldTooLong { max, days } => {
            args.set("max", *max);
            args.set("days", *days);
        }
        Unreadable { detail } => args.set("detail", detail.clone()),
        DiffersInCase { row, first } => {
            args.set("row", *row);
            args.set("first", first.clone());
        }
        MembersNotNumbered { case, count } => {
            args.set("case", case.clone());
            args.set("count", *count);
        }
        AlreadyThere { place } => {
            args.set("home", if place.is_none() { "yes" } else { "no" });
            args.set("place", place.clone().unwrap_or_default());
        }
        MoveBackWithoutReason { from, to } | MoveChangesState { from, to } => {
            args.set("from", word("stay", from.as_str()));
            args.set("to", word("stay", to.as_str()));
            args.set("back", if to.is_state_reception() { "yes" } else { "no" });
        }
        NotContinuous { day: d, ended } => {
            args.set("day", day(d));
            args.set("ended", day(ended));
        }
        TooFew { min, got } => {
            args.set("min", *min);
            args.set("got", *got);
        }
        NotInFamily { member, members } => {
            args.set("member", *member);
            args.set("members", *members);
        }
        AgeOutside {
            member,
            on,
            age,
            min,
            max,
        } => {
            args.set("member", *member);
            args.set("on", day(on));
            args.set("age", *age);
            args.set("min", *min);
            args.set("max", *max);
        }
        SchoolingUnanswered { member } => args.set("member", *member),
        NotWhereStaying { given, current } => {
            args.set("given", given.clone().unwrap_or_default());
            args.set("current", current.clone().unwrap_or_default());
        }
        NotStoredAsCode { given, code } => {
            args.set("given", given.clone());
            args.set("code", code.clone());
        }
        Missing
        | CallOffWithoutReason
        | StepBackWithoutReason
        | NoSlip
        | NothingToClaim
        | NoneBesideOthers
        | NotArrived
        | NoStepBack
        | HomeIsNoPlace
        | NoStayYet
        | OpenBeforeLast
        | NoWorkToMatch
        | OneCharacterRepeated
        | CommonPassword
        | NoOrganisation
        | OwnTools => {}
    }
    message(lang, &format!("refusal-{}", kind.as_str()), &args)
}

/// A value a refusal names, in the reader's words: a word of a fixed list by its message,
/// a name the profile defines by its label, anything else as it is.
fn value(lang: Lang, code: &str, of: Vocabulary, names: Option<&PolicyProfile>) -> String {
    match of {
        Vocabulary::Word(kind) => lang.word(kind, code).unwrap_or_else(|_| code.into()),
        Vocabulary::Named(list) => names
            .and_then(|p| p.label(list, code, lang.code()))
            .map_or_else(|| code.to_string(), str::to_string),
        Vocabulary::Plain => code.to_string(),
    }
}

/// A number a refusal names, grouped as the reader writes it.
fn number(lang: Lang, text: &str) -> String {
    text.parse::<f64>()
        .map_or_else(|_| text.to_string(), |n| lang.number(n, 0))
}

/// What a date was compared with, in the reader's words.
fn anchor_words(lang: Lang, anchor: Anchor) -> String {
    let mut args = FluentArgs::new();
    let id = match anchor {
        Anchor::Submitted => "anchor-submitted",
        Anchor::StepBefore => "anchor-step_before",
        Anchor::StepRecorded => "anchor-step_recorded",
        Anchor::Promised => "anchor-promised",
        Anchor::DaySet => "anchor-day_set",
        Anchor::RequestFiled => "anchor-request_filed",
        Anchor::Arrived => "anchor-arrived",
        Anchor::CurrentStayBegan => "anchor-current_stay_began",
        Anchor::StayBegan => "anchor-stay_began",
        Anchor::SupportStarts => "anchor-support_starts",
        Anchor::SupportEnds => "anchor-support_ends",
        Anchor::HoldStarts => "anchor-hold_starts",
        Anchor::Starts => "anchor-starts",
        Anchor::FollowUpDue(months) => {
            args.set("months", months);
            "anchor-follow_up_due"
        }
    };
    message(lang, id, &args)
}

/// A message that exists in every language (the tests see to it); were one missing, its id
/// is logged and shown rather than failing the page that answers a refusal.
fn message(lang: Lang, id: &str, args: &FluentArgs) -> String {
    lang.message(id, Some(args)).unwrap_or_else(|e| {
        tracing::error!(error = %e, "a refusal message is missing");
        id.to_string()
    })
}

#[cfg(test)]
mod tests {
    use resettle_domain::case::{CaseState, Channel, Priority, PromiseKind};
    use resettle_domain::policy::{NameList, ReasonList};
    use resettle_domain::reception::StayKind;
    use time::macros::date;

    use super::*;

    /// One refusal of every kind, with the values it names.
    fn every_kind() -> Vec<RefusalKind> {
        use RefusalKind::*;
        let day = date!(2026 - 11 - 24);
        let given = || "x".to_string();
        vec![
            Missing,
            NoneChosen {
                allowed: vec!["visa".into(), "other".into()],
                of: Vocabulary::Named(NameList::Reason(ReasonList::Slip)),
            },
            NotInList {
                given: given(),
                allowed: vec!["wheelchair_access".into()],
                of: Vocabulary::Word("care_need"),
            },
            NotADay { given: given() },
            NotANumber { given: given() },
            NotNameAndDay { given: given() },
            TooLong { max: 200, got: 201 },
            TooMany { max: 50, got: 51 },
            OverCapacity {
                place: "LOI-GENT".into(),
                present: 6,
                capacity: 7,
                persons: 5,
            },
            OutOfRange {
                min: "0".into(),
                max: "10000000".into(),
                got: "20000000".into(),
            },
            InFuture { day, today: day },
            BeforeLastStep { day, last: day },
            Before {
                day,
                anchor: Anchor::FollowUpDue(12),
                other: day,
            },
            After {
                day,
                anchor: Anchor::Submitted,
                other: day,
            },
            TooOld { day, age: 130 },
            NotACountry { given: given() },
            NotALanguage { given: given() },
            NotACaseNumber { given: given() },
            PrincipalApplicants { found: 0 },
            StepNotAllowed {
                from: CaseState::Accepted,
                to: CaseState::Arrived,
                allowed: vec![CaseState::PreDeparture],
            },
            DecisionWithoutReason {
                to: CaseState::Accepted,
            },
            CallOffWithoutReason,
            StepBackWithoutReason,
            SlipWithoutReason {
                promise: PromiseKind::Departure,
            },
            OtherWithoutWords {
                list: ReasonList::Withdrawal,
            },
            NoReasonList {
                from: CaseState::DossierReview,
                to: CaseState::Accepted,
            },
            NoSlip,
            SplitDecision { members: 3 },
            ReceptionFirst {
                sponsor_exception: true,
            },
            ChecksOutstanding {
                missing: vec!["humanitarian_visa".into()],
            },
            NotDefined { given: given() },
            Duplicate { given: given() },
            NoSuchCase {
                number: "LEB-26C00001".into(),
            },
            ChangedSince {
                version: 4,
                seen: 3,
            },
            ChannelRefuses {
                priority: Priority::Emergency,
                channel: Channel::Mission,
            },
            NoTarget { year: 2026 },
            NoNeeds { year: 2026 },
            NotStateReception {
                kind: StayKind::Sponsor,
            },
            NoHome {
                kind: StayKind::Centre,
            },
            RequestNotAllowed {
                from: "requested".into(),
                to: "reunited".into(),
                allowed: vec!["approved".into(), "refused".into()],
            },
            RequestNotAllowed {
                from: "refused".into(),
                to: "approved".into(),
                allowed: Vec::new(),
            },
            ResolvedWhileRequested { day },
            HoldTooLong {
                max: 3653,
                days: 4000,
            },
            Before {
                day,
                anchor: Anchor::HoldStarts,
                other: day,
            },
            NothingToClaim,
            Unreadable { detail: given() },
            DiffersInCase {
                row: 2,
                first: given(),
            },
            MembersNotNumbered {
                case: given(),
                count: 3,
            },
            MemberTwice { given: given() },
            ListedTwice { given: given() },
            NoneBesideOthers,
            NotArrived,
            NoStepBack,
            HomeIsNoPlace,
            AlreadyThere {
                place: Some("CENTRE-1".into()),
            },
            AlreadyThere { place: None },
            MoveBackWithoutReason {
                from: StayKind::Loi,
                to: StayKind::Centre,
            },
            NoStayYet,
            MoveChangesState {
                from: StayKind::Centre,
                to: StayKind::Home,
            },
            MoveChangesState {
                from: StayKind::Sponsor,
                to: StayKind::Centre,
            },
            OpenBeforeLast,
            NotContinuous { day, ended: day },
            TooFew { min: 1, got: 0 },
            NotInFamily {
                member: 7,
                members: 4,
            },
            AgeOutside {
                member: 3,
                on: day,
                age: 4,
                min: 18,
                max: 64,
            },
            SchoolingUnanswered { member: 2 },
            NoWorkToMatch,
            NotWhereStaying {
                given: Some("CENTRE-1".into()),
                current: None,
            },
            NotStoredAsCode {
                given: "Arabic".into(),
                code: "ar".into(),
            },
            After {
                day,
                anchor: Anchor::Starts,
                other: day,
            },
            Characters {
                given: given(),
                others: "-".into(),
            },
            TooShort { min: 12, got: 3 },
            OneCharacterRepeated,
            CommonPassword,
            RoleNotHeld {
                role: "planner".into(),
            },
            NoOrganisation,
            NotAListPosition { given: given() },
            NotAWebAddress { given: given() },
            NotAnEmail { given: given() },
            NotAPhone { given: given() },
            NoRate {
                instrument: "amif".into(),
            },
            Several {
                found: vec!["BE".into(), "NL".into()],
            },
            OneOf {
                fields: vec!["scenario".into(), "programme".into()],
            },
            NoLonger {
                was: "requested".into(),
            },
            PlaceNotOfKind {
                place: "LOI-GENT".into(),
                is: StayKind::Loi,
                wanted: StayKind::Centre,
            },
            AtMostOne {
                fields: vec!["ramp".into(), "path".into()],
            },
            NotCombined {
                with: vec!["category".into(), "q".into()],
            },
            Figures { detail: given() },
            NoScenarioFor {
                model: "centre-then-loi".into(),
            },
            NewerSchema {
                version: 40,
                latest: 35,
            },
            Untrustworthy { detail: given() },
            OwnTools,
        ]
    }

    /// Every kind is worded in every language with its values, never with a code: an
    /// underscore in the reason would be a code or a missing message shown as its id.
    #[test]
    fn every_kind_of_refusal_is_worded_in_every_language() {
        let belgium = resettle_app::policies::named("belgium").unwrap();
        for lang in Lang::STAFF {
            for kind in every_kind() {
                let text = reason(lang, &kind, Some(&belgium));
                assert!(
                    !text.is_empty() && !text.contains('_') && !text.contains("refusal-"),
                    "{} {}: {text}",
                    lang.code(),
                    kind.as_str()
                );
            }
        }
        let fr = reason(
            Lang::Fr,
            &RefusalKind::InFuture {
                day: date!(2026 - 11 - 24),
                today: date!(2026 - 11 - 23),
            },
            None,
        );
        assert_eq!(
            fr,
            "le 24 novembre 2026 est après aujourd’hui (23 novembre 2026)."
        );
    }

    const FIELDS: FormFields = &[
        ("checks", "checks", "step-checks"),
        (
            "members.date_of_birth",
            "member-{i}-date_of_birth",
            "submit-date-of-birth",
        ),
    ];

    #[test]
    fn a_refusal_names_the_form_s_field_by_its_label_and_input() {
        let r = Refusal::of(
            "checks.humanitarian_visa",
            RefusalKind::NotADay {
                given: "soon".into(),
            },
        );
        let w = refusal(Lang::Nl, &r, FIELDS, None);
        assert_eq!(w.input.as_deref(), Some("checks"));
        assert_eq!(
            w.label,
            Some(Lang::Nl.message("step-checks", None).unwrap())
        );
        let r = Refusal::of("date_of_birth", RefusalKind::Missing).within("members[1]");
        let w = refusal(Lang::En, &r, FIELDS, None);
        assert_eq!(w.input.as_deref(), Some("member-1-date_of_birth"));
        assert_eq!(w.label.as_deref(), Some("member 2, Date of birth"));
        let w = refusal(
            Lang::En,
            &Refusal::of("elsewhere", RefusalKind::Missing),
            FIELDS,
            None,
        );
        assert_eq!((w.input, w.label), (None, None));
    }
}
