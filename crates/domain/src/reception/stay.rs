//! Reception in stages: where a family lives after arrival is a list of dated stays (a
//! centre, a local reception initiative, a municipality, a sponsor group's home, the
//! family's own home), each from the day it began until the day it ended. A move ends the
//! current stay and starts the next on the same day, so a family is in exactly one place
//! on any day after it was first received.
use serde::{Deserialize, Serialize};
use time::{Date, Duration};

use super::PlaceKind;
use crate::ParseError;
use crate::calendar::{not_after_today, not_before};
use crate::policy::Reception;
use crate::refusal::{Anchor, RefusalKind};
use crate::word_enum;

/// Where a stay is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StayKind {
    /// A reception centre (Belgium: about six weeks).
    Centre,
    /// A local reception initiative (Belgium: at most six months).
    Loi,
    /// A municipality that houses the family directly (the Netherlands).
    Municipality,
    /// The home a community sponsor group found and supports the family in.
    Sponsor,
    /// The family's own home.
    Home,
}
word_enum!(StayKind, "stay", {
    Centre => "centre",
    Loi => "loi",
    Municipality => "municipality",
    Sponsor => "sponsor",
    Home => "home",
});

impl From<PlaceKind> for StayKind {
    fn from(kind: PlaceKind) -> Self {
        match kind {
            PlaceKind::Centre => StayKind::Centre,
            PlaceKind::Loi => StayKind::Loi,
            PlaceKind::Municipality => StayKind::Municipality,
        }
    }
}

impl StayKind {
    /// The kind of reception place a stay of this kind is at; `None` for a sponsor
    /// group's home and the family's own.
    pub fn place_kind(self) -> Option<PlaceKind> {
        match self {
            StayKind::Centre => Some(PlaceKind::Centre),
            StayKind::Loi => Some(PlaceKind::Loi),
            StayKind::Municipality => Some(PlaceKind::Municipality),
            StayKind::Sponsor | StayKind::Home => None,
        }
    }

    /// Whether a family staying here is in state reception (the `in_reception` state): a
    /// centre or a local reception initiative.
    pub fn is_state_reception(self) -> bool {
        matches!(self, StayKind::Centre | StayKind::Loi)
    }

    /// How far along the way from arrival to a home of its own a stay of this kind is: a
    /// move to an earlier one is a step back and must say why.
    fn progress(self) -> u8 {
        match self {
            StayKind::Centre => 0,
            StayKind::Loi => 1,
            StayKind::Municipality | StayKind::Sponsor => 2,
            StayKind::Home => 3,
        }
    }
}

/// One stay of a family: where, from which day until which day, how many persons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Stay {
    /// Centre, LOI, municipality, sponsor group or home.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "loi"))]
    pub kind: StayKind,
    /// The reception place's code, or the sponsor group's name; none for the family's own
    /// home.
    pub place: Option<String>,
    /// The day the family moved in.
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = Date))]
    pub from: Date,
    /// The day the family moved out (and into its next stay); none while it stays.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub until: Option<Date>,
    /// The persons who stay: those of the family who travelled.
    pub persons: u32,
    /// Why the family moved here; always given for a step back (a sponsorship that broke
    /// down), may be empty for a step forward.
    #[serde(default)]
    pub reason: String,
    /// Why the family went to a place without room for it, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub over_capacity_reason: Option<String>,
}

impl Stay {
    /// Whether the stay is current on `day`: it began on or before that day and had not
    /// ended by it (the day of a move belongs to the stay that begins on it).
    pub fn is_current_on(&self, day: Date) -> bool {
        self.from <= day && self.until.is_none_or(|until| day < until)
    }

    /// Whether the stay has not ended.
    pub fn is_open(&self) -> bool {
        self.until.is_none()
    }

    /// Days stayed, until `today` while the stay lasts.
    pub fn days(&self, today: Date) -> i64 {
        (self.until.unwrap_or(today) - self.from).whole_days()
    }
}

/// The stay a family is in now: the last one, if it has not ended.
pub fn current(stays: &[Stay]) -> Option<&Stay> {
    stays.last().filter(|s| s.is_open())
}

/// A move to record: where the family goes, on which day, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    /// The kind of the next stay.
    pub kind: StayKind,
    /// The place's code or the sponsor group's name; none for the family's own home.
    pub place: Option<String>,
    /// The day of the move: the current stay ends and the next begins on it.
    pub on: Date,
    /// Why.
    pub reason: String,
}

/// Refuses a move that cannot be: a day after `today`, before the family arrived or
/// before its current stay began; a place missing for a reception place or sponsor group
/// (or given for the family's own home); a move to where the family already is; a step
/// back (to an earlier stage: from a sponsor group's home to a centre) without a reason.
pub fn check_move(
    stays: &[Stay],
    next: &Move,
    arrived_on: Option<Date>,
    today: Date,
) -> Result<(), ParseError> {
    let Some(arrived) = arrived_on else {
        return Err(ParseError::of("on", RefusalKind::NotArrived));
    };
    not_after_today("on", next.on, today)?;
    not_before("on", next.on, Anchor::Arrived, arrived)?;
    match (&next.place, next.kind) {
        (Some(_), StayKind::Home) => {
            return Err(ParseError::of("place", RefusalKind::HomeIsNoPlace));
        }
        (None, StayKind::Centre | StayKind::Loi | StayKind::Sponsor | StayKind::Municipality) => {
            return Err(ParseError::of("place", RefusalKind::Missing));
        }
        _ => {}
    }
    let Some(now) = current(stays) else {
        return Ok(());
    };
    not_before("on", next.on, Anchor::CurrentStayBegan, now.from)?;
    if now.kind == next.kind && now.place == next.place {
        return Err(ParseError::of(
            "place",
            RefusalKind::AlreadyThere {
                place: now.place.clone(),
            },
        ));
    }
    if next.kind.progress() < now.kind.progress() && next.reason.trim().is_empty() {
        return Err(ParseError::of(
            "reason",
            RefusalKind::MoveBackWithoutReason {
                from: now.kind,
                to: next.kind,
            },
        ));
    }
    Ok(())
}

/// The stays after `next`: the current stay ends on the day of the move and the next
/// begins that day, with `persons`. Checked first with [`check_move`].
pub fn after_move(stays: &[Stay], next: &Move, persons: u32) -> Vec<Stay> {
    let mut after = stays.to_vec();
    if let Some(last) = after.last_mut().filter(|s| s.is_open()) {
        last.until = Some(next.on);
    }
    after.push(Stay {
        kind: next.kind,
        place: next.place.clone(),
        from: next.on,
        until: None,
        persons,
        reason: next.reason.trim().to_string(),
        over_capacity_reason: None,
    });
    after
}

/// Refuses a list of stays that cannot be (an import, the demo, a stored history): a
/// stay before the arrival or after `today`, one that ends before it begins, one that
/// does not begin on the day the one before it ended (so a family is never in two places,
/// nor nowhere), an open stay that is not the last, no persons, a place missing or given
/// where it cannot be.
pub fn check_stays(
    stays: &[Stay],
    arrived_on: Option<Date>,
    today: Date,
) -> Result<(), ParseError> {
    for (i, s) in stays.iter().enumerate() {
        let within = |e: ParseError| e.within(format!("stays[{i}]"));
        let Some(arrived) = arrived_on else {
            return Err(within(ParseError::of("from", RefusalKind::NotArrived)));
        };
        not_after_today("from", s.from, today).map_err(within)?;
        not_before("from", s.from, Anchor::Arrived, arrived).map_err(within)?;
        if s.persons == 0 {
            return Err(within(ParseError::of(
                "persons",
                RefusalKind::TooFew { min: 1, got: 0 },
            )));
        }
        if s.place.is_some() == (s.kind == StayKind::Home) {
            let kind = if s.kind == StayKind::Home {
                RefusalKind::HomeIsNoPlace
            } else {
                RefusalKind::Missing
            };
            return Err(within(ParseError::of("place", kind)));
        }
        if let Some(until) = s.until {
            not_after_today("until", until, today).map_err(within)?;
            not_before("until", until, Anchor::StayBegan, s.from).map_err(within)?;
        } else if i + 1 < stays.len() {
            return Err(within(ParseError::of("until", RefusalKind::OpenBeforeLast)));
        }
        if let Some(until) = i.checked_sub(1).and_then(|b| stays[b].until)
            && until != s.from
        {
            return Err(within(ParseError::of(
                "from",
                RefusalKind::NotContinuous {
                    day: s.from,
                    ended: until,
                },
            )));
        }
    }
    Ok(())
}

/// Refuses a move that would change the family's lifecycle state, which only a step
/// does: a move goes from a centre or an LOI to another (the family stays in reception),
/// or from one home the programme provides to another (a sponsor group's home that broke
/// down to a municipality's, in a programme without state reception). Into state
/// reception from a home is the step back to `in_reception`; into a home of its own, the
/// `housed` step.
pub fn check_move_keeps_state(current: Option<&Stay>, next: StayKind) -> Result<(), ParseError> {
    let Some(now) = current else {
        return Err(ParseError::of("place", RefusalKind::NoStayYet));
    };
    let allowed = match now.kind {
        StayKind::Centre | StayKind::Loi => next.is_state_reception(),
        StayKind::Sponsor | StayKind::Municipality => next == StayKind::Municipality,
        StayKind::Home => false,
    };
    if allowed {
        return Ok(());
    }
    Err(ParseError::of(
        "place",
        RefusalKind::MoveChangesState {
            from: now.kind,
            to: next,
        },
    ))
}

/// Whether a family may step back from a home into state reception: only from the home
/// a sponsor group found it, when the sponsorship breaks down.
pub fn may_step_back(stays: &[Stay]) -> bool {
    current(stays).is_some_and(|s| s.kind == StayKind::Sponsor)
}

/// Refuses a step back from a home into state reception (a centre or an LOI) unless the
/// family lives in the home a sponsor group found it and the step says why: a
/// sponsorship that broke down is the one way back into reception.
pub fn check_step_back(stays: &[Stay], reason: &str) -> Result<(), ParseError> {
    match current(stays) {
        Some(s) if s.kind == StayKind::Sponsor => {
            if reason.trim().is_empty() {
                Err(ParseError::of("reason", RefusalKind::StepBackWithoutReason))
            } else {
                Ok(())
            }
        }
        _ => Err(ParseError::of("reception_place", RefusalKind::NoStepBack)),
    }
}

/// What follows a stay under a programme's reception model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStay {
    /// A reception place of this kind: the model's next phase.
    Place(PlaceKind),
    /// The family's own home, after the model's last phase.
    Home,
    /// Nothing: the family is home (its own, a sponsor group's, or the municipality's home
    /// it was placed in directly).
    Nothing,
}

/// The stay that follows `current` (`None`: the family is in no stay yet) under
/// `reception`: the model's phases in order (Belgium: centre, LOI), then the family's own
/// home. A municipality placed in directly (the Netherlands), a sponsor group's home and
/// the family's own home are where the way ends.
pub fn next_stay(reception: &Reception, current: Option<StayKind>) -> NextStay {
    let phases: Vec<PlaceKind> = reception.phases.iter().map(|p| p.place).collect();
    let after = match current {
        None => 0,
        Some(StayKind::Municipality | StayKind::Sponsor | StayKind::Home) => {
            return NextStay::Nothing;
        }
        Some(kind) => match phases.iter().position(|&p| StayKind::from(p) == kind) {
            Some(i) => i + 1,
            // A stay the model has no phase for (a centre under a custom model without
            // one): what follows is the first phase after it in the usual order.
            None => phases
                .iter()
                .position(|&p| StayKind::from(p).progress() > kind.progress())
                .unwrap_or(phases.len()),
        },
    };
    match phases.get(after) {
        Some(&p) => NextStay::Place(p),
        None => NextStay::Home,
    }
}

/// The kind of place placement proposes to a family whose stay is `current`, if any: the
/// next stay when it is a reception place, but past a centre, which receives a family on
/// the day it arrives (so a family on its way in Belgium is proposed its LOI ahead, and a
/// family in a centre its LOI). A family whose next stay is its own home is not matched to
/// a place: it is due to move into a home by [`due_to_move_on`].
pub fn placed_next(reception: &Reception, current: Option<StayKind>) -> Option<PlaceKind> {
    match next_stay(reception, current) {
        NextStay::Place(PlaceKind::Centre) => match next_stay(reception, Some(StayKind::Centre)) {
            NextStay::Place(p) => Some(p),
            NextStay::Home | NextStay::Nothing => None,
        },
        NextStay::Place(p) => Some(p),
        NextStay::Home | NextStay::Nothing => None,
    }
}

/// The day a stay should end by under the profile: its phase's longest stay (the Belgian
/// LOI: 183 days), else its usual length (a centre: about 42 days); `None` where the
/// profile sets neither, or for a home.
pub fn due_to_move_on(reception: &Reception, stay: &Stay) -> Option<Date> {
    let phase = reception
        .phases
        .iter()
        .find(|p| Some(p.place) == stay.kind.place_kind())?;
    let days = phase.max_days.or(phase.typical_days)?;
    stay.from.checked_add(Duration::days(i64::from(days)))
}

#[cfg(test)]
pub(crate) mod tests {
    use time::macros::date;

    use super::*;
    use crate::policy::{ReceptionModel, ReceptionPhase};

    fn stay(kind: StayKind, place: Option<&str>, from: Date, until: Option<Date>) -> Stay {
        Stay {
            kind,
            place: place.map(str::to_string),
            from,
            until,
            persons: 4,
            reason: String::new(),
            over_capacity_reason: None,
        }
    }

    fn to(kind: StayKind, place: Option<&str>, on: Date, reason: &str) -> Move {
        Move {
            kind,
            place: place.map(str::to_string),
            on,
            reason: reason.into(),
        }
    }

    pub(crate) fn belgium() -> Reception {
        let phase = |place, typical_days, max_days| ReceptionPhase {
            place,
            typical_days,
            max_days,
            note: String::new(),
        };
        Reception {
            model: ReceptionModel::CentreThenLocal,
            sponsorship_skips_centre: true,
            phases: vec![
                phase(PlaceKind::Centre, Some(42), None),
                phase(PlaceKind::Loi, None, Some(183)),
            ],
        }
    }

    pub(crate) fn netherlands() -> Reception {
        Reception {
            model: ReceptionModel::DirectMunicipality,
            sponsorship_skips_centre: false,
            phases: vec![ReceptionPhase {
                place: PlaceKind::Municipality,
                typical_days: None,
                max_days: None,
                note: String::new(),
            }],
        }
    }

    const ARRIVED: Date = date!(2026 - 09 - 01);
    const TODAY: Date = date!(2026 - 11 - 23);

    #[test]
    fn a_belgian_family_goes_centre_then_loi_then_home_each_stay_dated() {
        let be = belgium();
        assert_eq!(next_stay(&be, None), NextStay::Place(PlaceKind::Centre));
        assert_eq!(placed_next(&be, None), Some(PlaceKind::Loi));
        let centre = to(StayKind::Centre, Some("CENTRE-KAPELLEN"), ARRIVED, "");
        check_move(&[], &centre, Some(ARRIVED), TODAY).unwrap();
        let stays = after_move(&[], &centre, 4);
        assert_eq!(
            next_stay(&be, Some(StayKind::Centre)),
            NextStay::Place(PlaceKind::Loi)
        );
        assert_eq!(
            placed_next(&be, Some(StayKind::Centre)),
            Some(PlaceKind::Loi)
        );
        assert_eq!(due_to_move_on(&be, &stays[0]), Some(date!(2026 - 10 - 13)));
        let loi = to(StayKind::Loi, Some("LOI-GENT"), date!(2026 - 10 - 12), "");
        check_move(&stays, &loi, Some(ARRIVED), TODAY).unwrap();
        let stays = after_move(&stays, &loi, 4);
        assert_eq!(next_stay(&be, Some(StayKind::Loi)), NextStay::Home);
        assert_eq!(placed_next(&be, Some(StayKind::Loi)), None);
        assert_eq!(due_to_move_on(&be, &stays[1]), Some(date!(2027 - 04 - 13)));
        let home = to(StayKind::Home, None, TODAY, "");
        check_move(&stays, &home, Some(ARRIVED), TODAY).unwrap();
        let stays = after_move(&stays, &home, 4);
        assert_eq!(
            stays
                .iter()
                .map(|s| (s.kind, s.from, s.until))
                .collect::<Vec<_>>(),
            [
                (StayKind::Centre, ARRIVED, Some(date!(2026 - 10 - 12))),
                (StayKind::Loi, date!(2026 - 10 - 12), Some(TODAY)),
                (StayKind::Home, TODAY, None),
            ]
        );
        check_stays(&stays, Some(ARRIVED), TODAY).unwrap();
        assert_eq!(next_stay(&be, Some(StayKind::Home)), NextStay::Nothing);
    }

    #[test]
    fn a_dutch_family_is_placed_directly_in_a_municipality() {
        let nl = netherlands();
        assert_eq!(
            next_stay(&nl, None),
            NextStay::Place(PlaceKind::Municipality)
        );
        assert_eq!(placed_next(&nl, None), Some(PlaceKind::Municipality));
        assert_eq!(
            next_stay(&nl, Some(StayKind::Municipality)),
            NextStay::Nothing
        );
        assert_eq!(placed_next(&nl, Some(StayKind::Municipality)), None);
    }

    #[test]
    fn impossible_moves_are_refused_naming_the_field() {
        let stays = [stay(StayKind::Centre, Some("C"), ARRIVED, None)];
        let refused = |m: Move| check_move(&stays, &m, Some(ARRIVED), TODAY).unwrap_err();
        let e = refused(to(StayKind::Loi, Some("L"), TODAY + Duration::days(1), ""));
        assert_eq!(e.to_string(), "on: 2026-11-24 is after today (2026-11-23)");
        let e = refused(to(StayKind::Loi, Some("L"), date!(2026 - 08 - 31), ""));
        assert_eq!(e.field, "on");
        let e = refused(to(StayKind::Centre, Some("C"), TODAY, ""));
        assert_eq!(e.to_string(), "place: the family already stays at C");
        assert_eq!(refused(to(StayKind::Loi, None, TODAY, "")).field, "place");
        assert_eq!(
            refused(to(StayKind::Home, Some("x"), TODAY, "")).field,
            "place"
        );
        let e = check_move(
            &[],
            &to(StayKind::Centre, Some("C"), TODAY, ""),
            None,
            TODAY,
        );
        assert_eq!(e.unwrap_err().field, "on");
        // Moving on the day the stay began is allowed (a same-day transfer), before it not.
        let later = [stay(
            StayKind::Centre,
            Some("C"),
            date!(2026 - 10 - 01),
            None,
        )];
        let e = check_move(
            &later,
            &to(StayKind::Loi, Some("L"), date!(2026 - 09 - 30), ""),
            Some(ARRIVED),
            TODAY,
        );
        assert!(e.unwrap_err().reason().contains("current stay began"));
    }

    #[test]
    fn a_step_back_says_why_and_only_a_sponsored_family_steps_back_into_reception() {
        let sponsored = [stay(StayKind::Sponsor, Some("Welkom Gent"), ARRIVED, None)];
        let back = to(StayKind::Centre, Some("C"), TODAY, " ");
        let e = check_move(&sponsored, &back, Some(ARRIVED), TODAY).unwrap_err();
        assert_eq!(e.field, "reason");
        let back = to(StayKind::Centre, Some("C"), TODAY, "the group dissolved");
        check_move(&sponsored, &back, Some(ARRIVED), TODAY).unwrap();
        let e = check_step_back(&sponsored, "").unwrap_err();
        assert_eq!(
            (e.field.as_ref(), e.kind),
            ("reason", RefusalKind::StepBackWithoutReason)
        );
        check_step_back(&sponsored, "the group dissolved").unwrap();
        let home = [stay(StayKind::Home, None, ARRIVED, None)];
        let e = check_step_back(&home, "evicted").unwrap_err();
        assert_eq!(
            (e.field.as_ref(), e.kind),
            ("reception_place", RefusalKind::NoStepBack)
        );
        assert!(check_step_back(&[], "x").is_err());
    }

    #[test]
    fn a_move_keeps_the_lifecycle_state() {
        let at = |kind| stay(kind, Some("P"), ARRIVED, None);
        assert!(check_move_keeps_state(Some(&at(StayKind::Centre)), StayKind::Loi).is_ok());
        assert!(check_move_keeps_state(Some(&at(StayKind::Loi)), StayKind::Centre).is_ok());
        assert!(
            check_move_keeps_state(Some(&at(StayKind::Sponsor)), StayKind::Municipality).is_ok()
        );
        let e = check_move_keeps_state(Some(&at(StayKind::Sponsor)), StayKind::Centre);
        assert!(e.unwrap_err().reason().contains("step back"));
        let e = check_move_keeps_state(Some(&at(StayKind::Loi)), StayKind::Municipality);
        assert!(e.unwrap_err().reason().contains("housed step"));
        assert!(check_move_keeps_state(Some(&at(StayKind::Loi)), StayKind::Home).is_err());
        assert!(check_move_keeps_state(None, StayKind::Loi).is_err());
    }

    #[test]
    fn a_list_of_stays_is_contiguous_dated_and_open_only_at_its_end() {
        let d = |m, day| Date::from_calendar_date(2026, m, day).unwrap();
        use time::Month::{August, November, October, September};
        let good = [
            stay(
                StayKind::Centre,
                Some("C"),
                d(September, 1),
                Some(d(October, 12)),
            ),
            stay(StayKind::Loi, Some("L"), d(October, 12), None),
        ];
        check_stays(&good, Some(ARRIVED), TODAY).unwrap();
        let mut gap = good.clone();
        gap[1].from = d(October, 13);
        assert_eq!(
            check_stays(&gap, Some(ARRIVED), TODAY)
                .unwrap_err()
                .to_string(),
            "stays[1].from: 2026-10-13 is not the day the stay before it ended (2026-10-12)"
        );
        let mut open = good.clone();
        open[0].until = None;
        assert_eq!(
            check_stays(&open, Some(ARRIVED), TODAY).unwrap_err().field,
            "stays[0].until"
        );
        let mut early = good.clone();
        early[0].from = d(August, 1);
        assert_eq!(
            check_stays(&early, Some(ARRIVED), TODAY).unwrap_err().field,
            "stays[0].from"
        );
        let mut backwards = good.clone();
        backwards[0].until = Some(d(August, 30));
        assert!(check_stays(&backwards, Some(ARRIVED), TODAY).is_err());
        let mut nobody = good.clone();
        nobody[1].persons = 0;
        assert!(check_stays(&nobody, Some(ARRIVED), TODAY).is_err());
        let mut placeless = good.clone();
        placeless[1].place = None;
        assert!(check_stays(&placeless, Some(ARRIVED), TODAY).is_err());
        assert!(check_stays(&good, None, TODAY).is_err());
        let mut future = good.clone();
        future[1].from = d(November, 24);
        future[0].until = Some(d(November, 24));
        assert!(check_stays(&future, Some(ARRIVED), TODAY).is_err());
    }
}
