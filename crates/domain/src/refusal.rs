//! Why the domain refused a value or a step: the field, a typed reason and the values it
//! names (the dates it compares, the codes it allows), so that every entry point can say
//! it in its reader's words — the API in English, the pages in the reader's language — from
//! one description rather than by reading English sentences back.
use std::borrow::Cow;
use std::fmt;

use time::Date;

use crate::case::{CaseState, Channel, Priority, PromiseKind};
use crate::policy::{NameList, ReasonList};
use crate::reception::StayKind;

/// A value or a step refused by a rule. It names the field (`reason_code`, or
/// `members[2].date_of_birth` for one element of a list) and says why as a
/// [`RefusalKind`]; its `Display` is the English sentence the API and the CLI show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The field that was refused, as the user named it.
    pub field: Cow<'static, str>,
    /// Why.
    pub kind: RefusalKind,
}

/// What the values a refusal lists are, so that a page can word each: a state by its
/// word, a check or a reason by the profile's label, a member by their number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vocabulary {
    /// Words of a fixed list the pages word by kind (`state`, `priority`, `care_need`,
    /// `category`, …): the word enum's field name.
    Word(&'static str),
    /// Names the policy profile defines and labels.
    Named(NameList),
    /// Values shown as they are (member numbers, codes of places).
    Plain,
}

/// What a date was compared with, for [`RefusalKind::Before`] and [`RefusalKind::After`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The day the case was submitted.
    Submitted,
    /// The day of the step before it in the history.
    StepBefore,
    /// The day the step that records it was recorded.
    StepRecorded,
    /// The day a date was promised.
    Promised,
    /// The day a date was set.
    DaySet,
    /// The day a request was filed.
    RequestFiled,
    /// The day the family arrived.
    Arrived,
    /// The day the family's current stay began.
    CurrentStayBegan,
    /// The day the stay began.
    StayBegan,
    /// The day the family's integration support starts.
    SupportStarts,
    /// The day the family's integration support ends.
    SupportEnds,
    /// The day a follow-up of so many months after arrival is due.
    FollowUpDue(u32),
    /// The first day of a hold of the programme.
    HoldStarts,
    /// The first day of what it ends (a mission).
    Starts,
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Anchor::Submitted => f.write_str("the case was submitted"),
            Anchor::StepBefore => f.write_str("the step before it"),
            Anchor::StepRecorded => f.write_str("the day the step was recorded"),
            Anchor::Promised => f.write_str("the day it was promised"),
            Anchor::DaySet => f.write_str("the day it was set"),
            Anchor::RequestFiled => f.write_str("the request was filed"),
            Anchor::Arrived => f.write_str("the family arrived"),
            Anchor::CurrentStayBegan => f.write_str("the family's current stay began"),
            Anchor::StayBegan => f.write_str("the stay began"),
            Anchor::SupportStarts => f.write_str("the support starts"),
            Anchor::SupportEnds => f.write_str("the support ends"),
            Anchor::FollowUpDue(months) => write!(f, "the {months}-month follow-up is due"),
            Anchor::HoldStarts => f.write_str("the hold starts"),
            Anchor::Starts => f.write_str("it starts"),
        }
    }
}

/// Why a value or a step was refused, with the values the reason names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefusalKind {
    /// Nothing was given where something must be.
    Missing,
    /// None of `allowed` was chosen where one must be.
    NoneChosen {
        /// The values that may be chosen.
        allowed: Vec<String>,
        /// What they are.
        of: Vocabulary,
    },
    /// `given` is not one of `allowed`.
    NotInList {
        /// What was given.
        given: String,
        /// The values that may be given.
        allowed: Vec<String>,
        /// What they are.
        of: Vocabulary,
    },
    /// `given` is not a day written YYYY-MM-DD.
    NotADay {
        /// What was given.
        given: String,
    },
    /// `given` is not a whole number of its kind.
    NotANumber {
        /// What was given.
        given: String,
    },
    /// Longer than `max` characters.
    TooLong {
        /// The most allowed.
        max: usize,
        /// How many were given.
        got: usize,
    },
    /// A family that would take a place past its capacity, without a reason for going
    /// there anyway.
    OverCapacity {
        /// The place, by code.
        place: String,
        /// The persons it holds (and has reserved).
        present: u32,
        /// Its capacity in persons.
        capacity: u32,
        /// The persons the family would add.
        persons: u32,
    },
    /// More than `max` entries in a list.
    TooMany {
        /// The most allowed.
        max: usize,
        /// How many were given.
        got: usize,
    },
    /// A number outside the range its field allows.
    OutOfRange {
        /// The least allowed.
        min: String,
        /// The most allowed.
        max: String,
        /// What was given.
        got: String,
    },
    /// A day after today, for something that records what happened.
    InFuture {
        /// The day given.
        day: Date,
        /// Today.
        today: Date,
    },
    /// A day before the case's last step: the history would go back in time.
    BeforeLastStep {
        /// The day given.
        day: Date,
        /// The day of the last step.
        last: Date,
    },
    /// A day before what it follows.
    Before {
        /// The day given.
        day: Date,
        /// What it follows.
        anchor: Anchor,
        /// That day.
        other: Date,
    },
    /// A day after what it must precede.
    After {
        /// The day given.
        day: Date,
        /// What it precedes.
        anchor: Anchor,
        /// That day.
        other: Date,
    },
    /// `given` is not an assigned ISO 3166-1 alpha-2 country code.
    NotACountry {
        /// What was given.
        given: String,
    },
    /// `given` is not a language of ISO 639.
    NotALanguage {
        /// What was given.
        given: String,
    },
    /// `given` is not written as a UNHCR case number.
    NotACaseNumber {
        /// What was given.
        given: String,
    },
    /// A family without exactly one principal applicant.
    PrincipalApplicants {
        /// How many there are.
        found: usize,
    },
    /// A date of birth that would make the person older than anyone is.
    TooOld {
        /// The day given.
        day: Date,
        /// The age it would make.
        age: i32,
    },
    /// The step is not one the programme's lifecycle allows from where the case is.
    StepNotAllowed {
        /// Where the case is.
        from: CaseState,
        /// Where it was asked to go.
        to: CaseState,
        /// Where it may go.
        allowed: Vec<CaseState>,
    },
    /// A decision or an ending without its reason in words.
    DecisionWithoutReason {
        /// The state decided.
        to: CaseState,
    },
    /// A departure called off without saying why.
    CallOffWithoutReason,
    /// A family stepped back from a home into reception (a sponsorship that broke down)
    /// without saying why.
    StepBackWithoutReason,
    /// A date told to the family replaced without saying why.
    SlipWithoutReason {
        /// What the date is for.
        promise: PromiseKind,
    },
    /// The reason code `other` without the words that say what it is.
    OtherWithoutWords {
        /// The list it was chosen from.
        list: ReasonList,
    },
    /// A reason code on a step that names none.
    NoReasonList {
        /// Where the case is.
        from: CaseState,
        /// Where it goes.
        to: CaseState,
    },
    /// A slip reason on a first promise, which replaces no date.
    NoSlip,
    /// A split decision that does not accept some but not all of the family.
    SplitDecision {
        /// How many members the family has.
        members: usize,
    },
    /// An arrived family goes to reception before a home.
    ReceptionFirst {
        /// Whether a sponsor group's family may go straight home under the profile.
        sponsor_exception: bool,
    },
    /// A pre-departure check and its day not written `name=YYYY-MM-DD`.
    NotNameAndDay {
        /// What was given.
        given: String,
    },
    /// A code (a mission, a place, a sponsor group, a programme) the programme does not
    /// have.
    NotDefined {
        /// What was given.
        given: String,
    },
    /// A value that is already registered and must be unique (a case number).
    Duplicate {
        /// What was given.
        given: String,
    },
    /// No case by that number that the caller may know exists: one outside the caller's
    /// scope reads as one that does not exist.
    NoSuchCase {
        /// The number asked for.
        number: String,
    },
    /// The case changed since the caller loaded it.
    ChangedSince {
        /// Its version now.
        version: i64,
        /// The version the caller saw.
        seen: i64,
    },
    /// A channel the profile does not take cases of this priority by.
    ChannelRefuses {
        /// The case's priority.
        priority: Priority,
        /// The channel asked for.
        channel: Channel,
    },
    /// Pre-departure checks the profile requires before a departure, not yet done.
    ChecksOutstanding {
        /// The checks missing.
        missing: Vec<String>,
    },
    /// A year with neither a quota decision nor a pledge: there is no target to split.
    NoTarget {
        /// The year.
        year: i32,
    },
    /// A year with no resettlement needs figures at or before it to split by.
    NoNeeds {
        /// The year.
        year: i32,
    },
    /// A family stepping (back) into reception taken to a stay that is not state
    /// reception: placed there, it takes the housed step.
    NotStateReception {
        /// The kind of stay given.
        kind: StayKind,
    },
    /// A family housed taken to a stay that is no home (a reception centre or an LOI).
    NoHome {
        /// The kind of stay given.
        kind: StayKind,
    },
    /// A move of a family reunification request its status does not allow: a decided
    /// request is completed or refused, a refused or completed one is final.
    RequestNotAllowed {
        /// Where the request stands.
        from: String,
        /// Where it was asked to go.
        to: String,
        /// Where it may go (none when it is final).
        allowed: Vec<String>,
    },
    /// A day a request was resolved on, given while it is still requested.
    ResolvedWhileRequested {
        /// The day given.
        day: Date,
    },
    /// A hold longer than a hold can be: a longer stop is a typing error or the end of the
    /// programme.
    HoldTooLong {
        /// The most days a hold lasts.
        max: i64,
        /// The days given.
        days: i64,
    },
    /// A funding claim that would hold no line: every eligible person is claimed already
    /// and no amount claimed changed.
    NothingToClaim,
    /// An imported file that cannot be read as its kind (CSV or XLSX).
    Unreadable {
        /// The reader's own words, in English.
        detail: String,
    },
    /// A cell of an imported case that differs from the case's first row: a case's
    /// columns are the same on each of its members' rows.
    DiffersInCase {
        /// The case's first row, as the spreadsheet numbers it.
        row: usize,
        /// The value on that row.
        first: String,
    },
    /// A member number given twice in one imported case.
    MemberTwice {
        /// The number.
        given: String,
    },
    /// The members of an imported case not numbered 1, 2, … without a gap.
    MembersNotNumbered {
        /// The case number.
        case: String,
        /// How many members it has.
        count: usize,
    },
    /// A value listed twice where each may be listed once (a dependency, an evidence).
    ListedTwice {
        /// The value listed twice.
        given: String,
    },
    /// A step back into state reception of a family not living in the home a sponsor
    /// group found it: a sponsorship that broke down is the one way back.
    NoStepBack,
    /// A step after arrival recorded for a family that has not arrived.
    NotArrived,
    /// `none` listed beside a dependency: a relative either depends on the family or not.
    NoneBesideOthers,
    /// The family's own home given a reception place's code: a home has an address.
    HomeIsNoPlace,
    /// A move to where the family already stays.
    AlreadyThere {
        /// The place, by code; none for the family's own home.
        place: Option<String>,
    },
    /// A move back to an earlier stage of reception without saying why.
    MoveBackWithoutReason {
        /// The stay the family leaves.
        from: StayKind,
        /// The stay it moves back to.
        to: StayKind,
    },
    /// A family that is in no stay yet asked to move: it enters reception by a step.
    NoStayYet,
    /// A move that would change the family's lifecycle state, which only a step does.
    MoveChangesState {
        /// The stay the family is in.
        from: StayKind,
        /// The stay asked for.
        to: StayKind,
    },
    /// A stay that ended but is not the last: only the last stay may be open.
    OpenBeforeLast,
    /// A stay that does not begin on the day the one before it ended, so the family would
    /// be in two places, or nowhere.
    NotContinuous {
        /// The day the stay begins.
        day: Date,
        /// The day the stay before it ended.
        ended: Date,
    },
    /// Fewer than `min`, where at least `min` must be (persons in a stay, months of
    /// support).
    TooFew {
        /// The least allowed.
        min: u64,
        /// What was given.
        got: u64,
    },
    /// A member number that is not one of the family's.
    NotInFamily {
        /// The number given.
        member: u32,
        /// How many members the family has (numbered from 1).
        members: usize,
    },
    /// A member whose age on the day that counts is outside the ages a question or an
    /// outcome is for (school age, working age).
    AgeOutside {
        /// The member's number.
        member: u32,
        /// The day that counts (the follow-up's, the answer's, the target's).
        on: Date,
        /// Their age on that day.
        age: i32,
        /// The youngest age it is for.
        min: i32,
        /// The oldest age it is for.
        max: i32,
    },
    /// A child of school age the check-in says nothing about.
    SchoolingUnanswered {
        /// The child's member number.
        member: u32,
    },
    /// Work said to match a qualification for a member who has no work.
    NoWorkToMatch,
    /// A stored reception place that is not where the family's current stay is.
    NotWhereStaying {
        /// The place stored, if any.
        given: Option<String>,
        /// The place of the current stay, if any.
        current: Option<String>,
    },
    /// A language stored in words where its code must be.
    NotStoredAsCode {
        /// What is stored.
        given: String,
        /// The code it stands for.
        code: String,
    },
    /// A code or a name with a character other than letters, digits and `others`.
    Characters {
        /// What was given.
        given: String,
        /// The characters allowed besides letters and digits, as written to the reader.
        others: String,
    },
    /// Fewer than `min` characters (spaces at either end not counted).
    TooShort {
        /// The fewest allowed.
        min: usize,
        /// How many were given.
        got: usize,
    },
    /// A password of one character repeated.
    OneCharacterRepeated,
    /// A password on the list of those most used, from breaches.
    CommonPassword,
    /// A role given to a user's token that the user does not hold.
    RoleNotHeld {
        /// The role.
        role: String,
    },
    /// `ours` asked for by a user of no organisation that submits cases.
    NoOrganisation,
    /// `given` is not a position in the case list as the list's `next` gives it (the
    /// case number of a case the reader may see).
    NotAListPosition {
        /// What was given.
        given: String,
    },
    /// Not an `http://` or `https://` address without query or fragment.
    NotAWebAddress {
        /// What was given.
        given: String,
    },
    /// Not an e-mail address (`name@domain`).
    NotAnEmail {
        /// What was given.
        given: String,
    },
    /// Not a mobile number in international form (`+` and 8 to 15 digits).
    NotAPhone {
        /// What was given.
        given: String,
    },
    /// A funding instrument the programme's policy profile names no rate for.
    NoRate {
        /// The instrument (`amif`, `allowance`).
        instrument: String,
    },
    /// Several where one must be named (the programmes of a database).
    Several {
        /// The ones there are.
        found: Vec<String>,
    },
    /// Both or neither of two fields given, where exactly one must be.
    OneOf {
        /// The fields.
        fields: Vec<String>,
    },
    /// A record changed since the caller loaded it: it is no longer what it was.
    NoLonger {
        /// What it was when loaded (a reunification request's status).
        was: String,
    },
    /// A place given for a stay of another kind (an LOI for a stay in a centre).
    PlaceNotOfKind {
        /// The place, by code.
        place: String,
        /// The kind of stay the place is for.
        is: StayKind,
        /// The kind of stay asked for.
        wanted: StayKind,
    },
    /// More than one of fields that exclude each other, where none is fine too.
    AtMostOne {
        /// The fields.
        fields: Vec<String>,
    },
    /// A filter that cannot be combined with others given beside it.
    NotCombined {
        /// The filters it cannot be combined with.
        with: Vec<String>,
    },
    /// Figures a key or a plan cannot be computed from (shares that do not sum to 1, a
    /// state missing from one of two sets, a path longer than its total).
    Figures {
        /// The arithmetic's own words, in English.
        detail: String,
    },
    /// A reception model no shipped forecast scenario gives defaults for.
    NoScenarioFor {
        /// The reception model.
        model: String,
    },
    /// A copy of the database at a schema newer than this build knows.
    NewerSchema {
        /// The copy's schema version.
        version: i64,
        /// The newest version this build knows.
        latest: i64,
    },
    /// A copy of the database that cannot be trusted: damaged pages, a broken audit
    /// trail.
    Untrustworthy {
        /// What is wrong, in the database's or the chain's own words.
        detail: String,
    },
    /// A backup asked of a PostgreSQL database, which its own tools back up.
    OwnTools,
}

impl RefusalKind {
    /// Whether the refusal is of something that exists but changed or is taken (answered
    /// 409 Conflict), of something that does not exist (404), or of the input itself (422).
    pub fn status(&self) -> u16 {
        match self {
            RefusalKind::ChangedSince { .. }
            | RefusalKind::Duplicate { .. }
            | RefusalKind::NothingToClaim
            | RefusalKind::NoLonger { .. } => 409,
            RefusalKind::NoSuchCase { .. } => 404,
            _ => 422,
        }
    }

    /// The kind's word, as the API's problem document and the pages' messages name it
    /// (`missing`, `in_future`, `before_last_step`, `not_in_list`, …).
    pub fn as_str(&self) -> &'static str {
        use RefusalKind::*;
        match self {
            Missing => "missing",
            NoneChosen { .. } => "none_chosen",
            NotInList { .. } => "not_in_list",
            NotADay { .. } => "not_a_day",
            NotANumber { .. } => "not_a_number",
            TooLong { .. } => "too_long",
            TooMany { .. } => "too_many",
            OverCapacity { .. } => "over_capacity",
            OutOfRange { .. } => "out_of_range",
            InFuture { .. } => "in_future",
            BeforeLastStep { .. } => "before_last_step",
            Before { .. } => "before",
            After { .. } => "after",
            NotACountry { .. } => "not_a_country",
            NotALanguage { .. } => "not_a_language",
            NotACaseNumber { .. } => "not_a_case_number",
            PrincipalApplicants { .. } => "principal_applicants",
            TooOld { .. } => "too_old",
            StepNotAllowed { .. } => "step_not_allowed",
            DecisionWithoutReason { .. } => "decision_without_reason",
            CallOffWithoutReason => "call_off_without_reason",
            StepBackWithoutReason => "step_back_without_reason",
            SlipWithoutReason { .. } => "slip_without_reason",
            OtherWithoutWords { .. } => "other_without_words",
            NoReasonList { .. } => "no_reason_list",
            NoSlip => "no_slip",
            SplitDecision { .. } => "split_decision",
            ReceptionFirst { .. } => "reception_first",
            ChecksOutstanding { .. } => "checks_outstanding",
            NotNameAndDay { .. } => "not_name_and_day",
            NotDefined { .. } => "not_defined",
            Duplicate { .. } => "duplicate",
            NoSuchCase { .. } => "no_such_case",
            ChangedSince { .. } => "changed_since",
            ChannelRefuses { .. } => "channel_refuses",
            NoTarget { .. } => "no_target",
            NoNeeds { .. } => "no_needs",
            NotStateReception { .. } => "not_state_reception",
            NoHome { .. } => "no_home",
            RequestNotAllowed { .. } => "request_not_allowed",
            ResolvedWhileRequested { .. } => "resolved_while_requested",
            HoldTooLong { .. } => "hold_too_long",
            NothingToClaim => "nothing_to_claim",
            Unreadable { .. } => "unreadable",
            DiffersInCase { .. } => "differs_in_case",
            MembersNotNumbered { .. } => "members_not_numbered",
            MemberTwice { .. } => "member_twice",
            ListedTwice { .. } => "listed_twice",
            NoneBesideOthers => "none_beside_others",
            NotArrived => "not_arrived",
            NoStepBack => "no_step_back",
            HomeIsNoPlace => "home_is_no_place",
            AlreadyThere { .. } => "already_there",
            MoveBackWithoutReason { .. } => "move_back_without_reason",
            NoStayYet => "no_stay_yet",
            MoveChangesState { .. } => "move_changes_state",
            OpenBeforeLast => "open_before_last",
            NotContinuous { .. } => "not_continuous",
            TooFew { .. } => "too_few",
            NotInFamily { .. } => "not_in_family",
            AgeOutside { .. } => "age_outside",
            SchoolingUnanswered { .. } => "schooling_unanswered",
            NoWorkToMatch => "no_work_to_match",
            NotWhereStaying { .. } => "not_where_staying",
            NotStoredAsCode { .. } => "not_stored_as_code",
            Characters { .. } => "characters",
            TooShort { .. } => "too_short",
            OneCharacterRepeated => "one_character_repeated",
            CommonPassword => "common_password",
            RoleNotHeld { .. } => "role_not_held",
            NoOrganisation => "no_organisation",
            NotAListPosition { .. } => "not_a_list_position",
            NotAWebAddress { .. } => "not_a_web_address",
            NotAnEmail { .. } => "not_an_email",
            NotAPhone { .. } => "not_a_phone",
            NoRate { .. } => "no_rate",
            Several { .. } => "several",
            OneOf { .. } => "one_of",
            NoLonger { .. } => "no_longer",
            PlaceNotOfKind { .. } => "place_not_of_kind",
            AtMostOne { .. } => "at_most_one",
            NotCombined { .. } => "not_combined",
            Figures { .. } => "figures",
            NoScenarioFor { .. } => "no_scenario_for",
            NewerSchema { .. } => "newer_schema",
            Untrustworthy { .. } => "untrustworthy",
            OwnTools => "own_tools",
        }
    }
}

impl fmt::Display for RefusalKind {
    /// The reason in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use RefusalKind::*;
        let list = |v: &[String]| {
            if v.is_empty() {
                "none".to_string()
            } else {
                v.join(", ")
            }
        };
        match self {
            Missing => f.write_str("must be given"),
            NoneChosen { allowed, of } => match of {
                Vocabulary::Named(NameList::Reason(r)) => {
                    write!(
                        f,
                        "say which {r} reason applies; allowed: {}",
                        list(allowed)
                    )
                }
                _ => write!(f, "name at least one of: {}", list(allowed)),
            },
            NotInList { given, allowed, of } => {
                let allowed = list(allowed);
                match of {
                    Vocabulary::Word(_) => {
                        write!(f, "unknown value {given:?}; expected one of: {allowed}")
                    }
                    Vocabulary::Named(NameList::Reason(r)) => write!(
                        f,
                        "{given:?} is not a {r} reason of the profile; allowed: {allowed}"
                    ),
                    Vocabulary::Named(NameList::Check) => write!(
                        f,
                        "{given:?} is not a ground of the profile; allowed: {allowed}"
                    ),
                    Vocabulary::Named(NameList::PreDeparture) => write!(
                        f,
                        "{given:?} is not a pre-departure check of the profile; defined: {allowed}"
                    ),
                    Vocabulary::Named(NameList::PostArrival) => write!(
                        f,
                        "{given:?} is not a step after arrival of the profile; defined: {allowed}"
                    ),
                    Vocabulary::Plain => write!(f, "{given:?} is not one of: {allowed}"),
                }
            }
            NotADay { given } => write!(f, "{given:?} is not a day YYYY-MM-DD"),
            NotANumber { given } => write!(f, "{given:?} is not a whole number"),
            TooLong { max, got } => write!(f, "at most {max} characters, got {got}"),
            TooMany { max, got } => write!(f, "at most {max} entries, got {got}"),
            OverCapacity {
                place,
                present,
                capacity,
                persons,
            } => write!(
                f,
                "{place} holds {present} of its {capacity} places; {persons} more would make \
                 {}: choose a place with room, or say why the family goes there anyway",
                present.saturating_add(*persons)
            ),
            OutOfRange { min, max, got } => write!(f, "must be from {min} to {max}, got {got}"),
            InFuture { day, today } => write!(f, "{day} is after today ({today})"),
            BeforeLastStep { day, last } => {
                write!(f, "{day} is before the case's last step, on {last}")
            }
            Before { day, anchor, other } => write!(f, "{day} is before {anchor} ({other})"),
            After { day, anchor, other } => write!(f, "{day} is after {anchor} ({other})"),
            NotACountry { given } => write!(
                f,
                "{given:?} is not an assigned two-letter ISO 3166-1 country code"
            ),
            NotALanguage { given } => write!(
                f,
                "{given:?} is not a language of ISO 639 (give its ISO 639-1 code such as ar, or \
                 the ISO 639-3 code of a language without one such as din)"
            ),
            NotACaseNumber { given } => write!(
                f,
                "{given:?} is not a UNHCR case number (5-24 letters, digits or inner dashes)"
            ),
            PrincipalApplicants { found } => write!(
                f,
                "exactly one principal_applicant is required, found {found}"
            ),
            TooOld { day, age } => {
                write!(
                    f,
                    "{day} would make the person {age} years old; check the year"
                )
            }
            StepNotAllowed { from, to, allowed } => {
                let words: Vec<String> = allowed.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "a case in state {from} cannot move to {to}; allowed next: {}",
                    if words.is_empty() {
                        "none (the case has ended)".to_string()
                    } else {
                        words.join(", ")
                    }
                )
            }
            DecisionWithoutReason { to } => {
                write!(
                    f,
                    "a move to {to} is a decision or an ending and must say why"
                )
            }
            CallOffWithoutReason => f.write_str(
                "moving back from departure_scheduled to pre_departure calls off the departure \
                 date; say why",
            ),
            StepBackWithoutReason => f.write_str(
                "moving back from a home into reception ends a sponsorship; say why it broke down",
            ),
            SlipWithoutReason { promise } => {
                write!(
                    f,
                    "a {promise} date was promised before; say why it changed"
                )
            }
            OtherWithoutWords { list } => {
                write!(f, "the {list} reason is \"other\": say what it is in words")
            }
            NoReasonList { from, to } => write!(
                f,
                "a move from {from} to {to} names no reason from a list; reason codes are for \
                 a deferral, a withdrawal and a departure date that moved"
            ),
            Unreadable { detail } => write!(f, "the file cannot be read: {detail}"),
            DiffersInCase { row, first } => {
                write!(f, "differs from row {row} of the same case ({first:?})")
            }
            MemberTwice { given } => write!(f, "member {given} is given twice in the case"),
            MembersNotNumbered { case, count } => write!(
                f,
                "the members of case {case} must be numbered 1 to {count}"
            ),
            NothingToClaim => f.write_str(
                "every eligible person is claimed already and no amount claimed changed: \
                 nothing to file",
            ),
            NoSlip => f.write_str("a first promise replaces no date, so it names no slip reason"),
            SplitDecision { members } => write!(
                f,
                "a split decision accepts some but not all of the {members} members"
            ),
            ReceptionFirst { sponsor_exception } => write!(
                f,
                "an arrived family goes to reception first{}",
                if *sponsor_exception {
                    ", unless a sponsor group receives it"
                } else {
                    ""
                }
            ),
            ChecksOutstanding { missing } => write!(
                f,
                "required before a departure is scheduled: {}",
                list(missing)
            ),
            NotNameAndDay { given } => write!(f, "{given:?} is not name=YYYY-MM-DD"),
            NotDefined { given } => write!(f, "{given:?} is not defined in this programme"),
            Duplicate { given } => write!(f, "{given:?} is already registered"),
            NoSuchCase { number } => write!(f, "case {number} does not exist"),
            ChangedSince { version, seen } => write!(
                f,
                "the case is at version {version}, not {seen}: it was changed since you loaded \
                 it; reload and retry"
            ),
            ChannelRefuses { priority, channel } => {
                write!(f, "the profile does not take {priority} cases by {channel}")
            }
            NoTarget { year } => {
                write!(f, "{year} has no quota decision and no pledge to split")
            }
            NoNeeds { year } => write!(f, "no resettlement needs at or before {year}"),
            NotStateReception { kind } => write!(
                f,
                "a {kind} is not state reception; a family placed in it takes the housed step"
            ),
            NoHome { kind } => write!(
                f,
                "a {kind} is no home: a family housed goes to its own home, a sponsor group's \
                 or a municipality that houses it directly"
            ),
            RequestNotAllowed { from, to, allowed } => {
                if allowed.is_empty() {
                    write!(
                        f,
                        "a request that is {from} is final and cannot become {to}"
                    )
                } else {
                    write!(
                        f,
                        "a request that is {from} cannot become {to}; allowed: {}",
                        allowed.join(", ")
                    )
                }
            }
            ResolvedWhileRequested { day } => {
                write!(f, "{day} is given for a request still requested")
            }
            HoldTooLong { max, days } => {
                write!(f, "a hold lasts at most {max} days, this one {days}")
            }
            ListedTwice { given } => write!(f, "{given:?} is listed twice"),
            NoneBesideOthers => f.write_str("\"none\" cannot be listed beside a dependency"),
            NotArrived => f.write_str("the family has not arrived yet"),
            NoStepBack => f.write_str(
                "only a family received by a sponsor group steps back into reception, when the \
                 sponsorship breaks down",
            ),
            HomeIsNoPlace => f.write_str(
                "the family's own home is not a reception place: give its address instead",
            ),
            AlreadyThere { place } => match place {
                Some(place) => write!(f, "the family already stays at {place}"),
                None => f.write_str("the family already lives in its own home"),
            },
            MoveBackWithoutReason { from, to } => write!(
                f,
                "a move back from a {from} to a {to} is a step back; say why"
            ),
            NoStayYet => f.write_str(
                "the family is in no stay yet: take it into reception with the step \"in reception\"",
            ),
            MoveChangesState { from, to } => write!(
                f,
                "a move from a {from} to a {to} changes where the case stands: take {}",
                if to.is_state_reception() {
                    "the step back to in reception"
                } else {
                    "the housed step"
                }
            ),
            OpenBeforeLast => {
                f.write_str("only the last stay may be open: the family moved on from this one")
            }
            NotContinuous { day, ended } => {
                write!(f, "{day} is not the day the stay before it ended ({ended})")
            }
            TooFew { min, got } => write!(f, "at least {min}, got {got}"),
            NotInFamily { member, members } => {
                write!(f, "{member} is not in the family (members 1 to {members})")
            }
            AgeOutside {
                member,
                on,
                age,
                min,
                max,
            } => write!(
                f,
                "member {member} is {age} on {on}; this is for ages {min} to {max}"
            ),
            SchoolingUnanswered { member } => write!(
                f,
                "member {member} is of school age: say whether the child goes to school"
            ),
            NoWorkToMatch => f.write_str("without work, there is no work to match a qualification"),
            NotWhereStaying { given, current } => write!(
                f,
                "{} is not the place of the current stay ({})",
                given.as_deref().unwrap_or("none"),
                current.as_deref().unwrap_or("none")
            ),
            NotStoredAsCode { given, code } => {
                write!(f, "{given:?} is stored as its code {code:?}")
            }
            Characters { given, others } => {
                write!(f, "{given:?} may hold only letters, digits and {others}")
            }
            TooShort { min, got } => write!(
                f,
                "at least {min} characters are required, not counting spaces at either end; \
                 got {got}"
            ),
            OneCharacterRepeated => {
                f.write_str("is one character repeated; choose a phrase of several words")
            }
            CommonPassword => f.write_str(
                "is in the list of commonly used passwords from breaches; choose another",
            ),
            RoleNotHeld { role } => write!(f, "the user does not hold the role {role}"),
            NoOrganisation => f.write_str("you belong to no organisation that submits cases"),
            NotAListPosition { given } => write!(
                f,
                "{given:?} is not a position in the list (the case number of a case you may \
                 see, as the list's next gives it)"
            ),
            NotAWebAddress { given } => write!(
                f,
                "{given:?} is not an http:// or https:// address without query (the family \
                 page is this address followed by /family)"
            ),
            NotAnEmail { given } => {
                write!(f, "{given:?} is not an e-mail address (name@domain)")
            }
            NotAPhone { given } => write!(
                f,
                "{given:?} is not a mobile number in international form (+ and 8 to 15 \
                 digits, e.g. +961 3 123 456)"
            ),
            NoRate { instrument } => {
                write!(
                    f,
                    "the programme's policy profile names no {instrument} rate"
                )
            }
            Several { found } => write!(f, "there are several ({}); name one", list(found)),
            OneOf { fields } => write!(f, "give one of {}, not both", fields.join(" or ")),
            NoLonger { was } => write!(
                f,
                "it is no longer {was}: it was changed since you loaded it; reload and retry"
            ),
            PlaceNotOfKind { place, is, wanted } => {
                write!(f, "{place} is a {is}, not a {wanted}")
            }
            AtMostOne { fields } => write!(f, "give at most one of {}", fields.join(" or ")),
            NotCombined { with } => write!(f, "cannot be combined with {}", with.join(", ")),
            Figures { detail } => write!(f, "the figures cannot be used: {detail}"),
            NoScenarioFor { model } => write!(
                f,
                "no shipped scenario gives defaults for the reception model {model:?}; \
                 forecast a scenario file of your own with `resettle simulate --scenario FILE`"
            ),
            NewerSchema { version, latest } => write!(
                f,
                "the copy is at schema version {version}, newer than this build's {latest}; \
                 restore it with the version of resettle that wrote it"
            ),
            Untrustworthy { detail } => write!(f, "the copy cannot be trusted: {detail}"),
            OwnTools => f.write_str(
                "a PostgreSQL database is backed up and restored with its own tools, pg_dump \
                 and pg_restore (docs/reliability.md)",
            ),
        }
    }
}

impl Refusal {
    /// A refusal of `field` for the reason `kind`.
    pub fn of(field: impl Into<Cow<'static, str>>, kind: RefusalKind) -> Self {
        Self {
            field: field.into(),
            kind,
        }
    }

    /// The reason in English, without the field.
    pub fn reason(&self) -> String {
        self.kind.to_string()
    }

    /// The same refusal about a field of one element of a list, e.g. `reason` of
    /// `events[3]` becomes `events[3].reason`.
    pub fn within(self, element: impl fmt::Display) -> Self {
        Self {
            field: format!("{element}.{}", self.field).into(),
            kind: self.kind,
        }
    }

    /// `given` refused as not one of `allowed`, which are `of`.
    pub fn not_in_list(
        field: impl Into<Cow<'static, str>>,
        given: impl fmt::Display,
        allowed: impl IntoIterator<Item = impl fmt::Display>,
        of: Vocabulary,
    ) -> Self {
        Self::of(
            field,
            RefusalKind::NotInList {
                given: given.to_string(),
                allowed: allowed.into_iter().map(|a| a.to_string()).collect(),
                of,
            },
        )
    }

    /// `got` refused as outside `min..=max`.
    pub fn out_of_range(
        field: impl Into<Cow<'static, str>>,
        min: impl fmt::Display,
        max: impl fmt::Display,
        got: impl fmt::Display,
    ) -> Self {
        Self::of(
            field,
            RefusalKind::OutOfRange {
                min: min.to_string(),
                max: max.to_string(),
                got: got.to_string(),
            },
        )
    }

    /// A `member_no` that is none of the family's `members`.
    pub fn not_in_family(member: u32, members: usize) -> Self {
        Self::of("member_no", RefusalKind::NotInFamily { member, members })
    }

    /// A `member_no` whose `age` is outside the `ages` a question or an outcome is for.
    pub fn age_outside(
        member: u32,
        on: Date,
        age: i32,
        ages: &std::ops::RangeInclusive<i32>,
    ) -> Self {
        Self::of(
            "member_no",
            RefusalKind::AgeOutside {
                member,
                on,
                age,
                min: *ages.start(),
                max: *ages.end(),
            },
        )
    }
}

impl From<crate::case::TransitionError> for Refusal {
    /// A step the lifecycle or the profile does not allow, refused on the field `to`.
    fn from(e: crate::case::TransitionError) -> Self {
        Refusal::of(
            "to",
            RefusalKind::StepNotAllowed {
                from: e.from,
                to: e.to,
                allowed: e.allowed,
            },
        )
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.kind)
    }
}

impl std::error::Error for Refusal {}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_refusal_reads_as_its_field_and_reason_in_english() {
        let r = Refusal::of(
            "arrived_on",
            RefusalKind::InFuture {
                day: date!(2026 - 11 - 24),
                today: date!(2026 - 11 - 23),
            },
        );
        assert_eq!(
            r.to_string(),
            "arrived_on: 2026-11-24 is after today (2026-11-23)"
        );
        assert_eq!(r.kind.as_str(), "in_future");
        let r = r.within("events[3]");
        assert_eq!(r.field, "events[3].arrived_on");
        let r = Refusal::not_in_list("to", "x", ["a", "b"], Vocabulary::Word("state"));
        assert_eq!(r.reason(), "unknown value \"x\"; expected one of: a, b");
    }
}
