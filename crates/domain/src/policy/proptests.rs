//! Property tests: whatever steps a profile switches off, it is either refused or every
//! state it keeps can still be reached and still reach an end.
use proptest::prelude::*;
use time::Date;

use super::*;
use crate::case::CaseState::{self, *};

/// A profile switching off `off`, with channels, reception and support made to agree with
/// it where they can, so that the lifecycle check is what decides.
fn profile_text(off: &[CaseState]) -> String {
    let on = |s| !off.contains(&s);
    let mut t = String::from(
        "name = \"p\"\nversion = 1\ntitle = \"P\"\ncountry = \"BE\"\nsources = [\"proptest\"]\n",
    );
    if on(ScheduledForMission) || on(Interviewed) {
        t += "[channels.mission]\n";
    }
    if on(DossierReview) {
        t += "[channels.dossier]\nemergency = true\n";
    }
    let words: Vec<String> = off.iter().map(|s| format!("{:?}", s.as_str())).collect();
    t += &format!("[steps]\noff = [{}]\n", words.join(", "));
    t += "[assessment]\nauthority = \"X\"\n[[assessment.checks]]\nname = \"protection_need\"\nlabel.en = \"need\"\n";
    t += super::error_tests::minimal_reasons!();
    let model = if on(InReception) {
        "centre_then_local"
    } else {
        "direct_municipality"
    };
    t += &format!("[reception]\nmodel = \"{model}\"\n");
    if !on(IntegrationSupport) {
        t += "[integration]\nsupport_months = 0\n";
    }
    t
}

/// Every state reachable from `from` in one or more steps of `p.next`.
fn reachable(p: &PolicyProfile, from: CaseState) -> Vec<CaseState> {
    let mut seen = Vec::new();
    let mut frontier = p.next(from);
    while let Some(s) = frontier.pop() {
        if !seen.contains(&s) {
            seen.push(s);
            frontier.extend(p.next(s));
        }
    }
    seen
}

#[test]
fn the_profiles_the_lifecycle_allows_are_accepted() {
    for off in [
        &[][..],
        &[InReception],
        &[AcceptedInPart, Deferred],
        &[ScheduledForMission, Interviewed],
        &[DossierReview, InReception, IntegrationSupport],
    ] {
        if let Err(e) = PolicyProfile::parse(&profile_text(off)) {
            panic!("{off:?}: {e}");
        }
    }
}

proptest! {
    #[test]
    fn switching_off_steps_never_strands_a_case(
        off in prop::sample::subsequence(SWITCHABLE_STEPS.to_vec(), 0..=SWITCHABLE_STEPS.len())
    ) {
        match PolicyProfile::parse(&profile_text(&off)) {
            Err(e) => prop_assert!(!e.reason.is_empty()),
            Ok(p) => {
                let from_start = reachable(&p, CaseState::INITIAL);
                for &s in CaseState::ALL.iter().filter(|&&s| p.steps().is_on(s)) {
                    for n in p.next(s) {
                        prop_assert!(s.next().contains(&n), "{} -> {} is not in the generic table", s, n);
                        prop_assert!(p.steps().is_on(n), "{} leads to switched-off {}", s, n);
                    }
                    if !s.is_terminal() {
                        let ends = reachable(&p, s);
                        prop_assert!(ends.contains(&Closed), "{} cannot reach closed with {:?} off", s, off);
                    }
                    if s != CaseState::INITIAL {
                        prop_assert!(from_start.contains(&s), "{} unreachable with {:?} off", s, off);
                    }
                }
            }
        }
    }

    #[test]
    fn an_overdue_limit_is_past_its_due_date(
        accepted_after in 0i64..400,
        arrived_after in prop::option::of(0i64..400),
        today_after in 0i64..800,
    ) {
        let p = PolicyProfile::parse(include_str!("../../../../policies/netherlands-2012.toml")).unwrap();
        let start = Date::from_calendar_date(2013, time::Month::January, 1).unwrap();
        let day = |n: i64| start + time::Duration::days(n);
        let mut h = vec![(Submitted, start), (Accepted, day(accepted_after))];
        if let Some(a) = arrived_after {
            h.push((Arrived, day(accepted_after + a)));
        }
        for o in p.overdue(Priority::Normal, &h, day(today_after)) {
            prop_assert!(o.days_over > 0);
            prop_assert_eq!(o.due, o.since + time::Duration::days(o.limit.days.into()));
            let end = o.stopped.map_or(day(today_after), |s| s.on);
            prop_assert_eq!((end - o.due).whole_days(), o.days_over);
        }
    }

    #[test]
    fn every_case_running_late_meets_a_screen(
        steps in prop::collection::vec((0usize..CaseState::ALL.len(), 0i64..300), 1..8),
        priority in 0usize..Priority::ALL.len(),
        today_after in 0i64..2000,
    ) {
        let p = PolicyProfile::parse(include_str!("../../../../policies/belgium.toml")).unwrap();
        let start = Date::from_calendar_date(2020, time::Month::January, 1).unwrap();
        let priority = Priority::ALL[priority];
        // Any sequence of states on rising days (the rule does not assume the steps were
        // allowed ones, so neither does the screen).
        let mut on = start;
        let mut h = vec![(Submitted, start)];
        for (state, gap) in steps {
            on += time::Duration::days(gap);
            h.push((CaseState::ALL[state], on));
        }
        let today = on + time::Duration::days(today_after);
        let current = h.last().unwrap().0;
        let screens = p.overdue_screens(today);
        for o in p.overdue(priority, &h, today).into_iter().filter(|o| o.stopped.is_none()) {
            prop_assert!(
                screens.iter().any(|s| {
                    let first = h.iter().find(|&&(st, _)| st == s.from).map(|&(_, d)| d);
                    s.priority == priority
                        && s.current.contains(&current)
                        && (s.from, s.to) == (o.limit.from, o.limit.to)
                        && first.is_some_and(|f| {
                            f < s.entered_before
                                && h.iter().all(|&(st, d)| !s.stops.contains(&st) || d <= f)
                        })
                }),
                "{o:?} running late in {h:?}, no screen takes it"
            );
        }
    }

    /// A screen's days late, from the first day of the limit's start and the states
    /// entered after it (what the database keeps), agree with the rule on the whole
    /// history, for every screen the case meets.
    #[test]
    fn a_screens_days_late_agree_with_the_rule(
        steps in prop::collection::vec((0usize..CaseState::ALL.len(), 0i64..120), 1..8),
        priority in 0usize..Priority::ALL.len(),
        today_after in 0i64..2000,
    ) {
        let p = PolicyProfile::parse(include_str!("../../../../policies/belgium.toml")).unwrap();
        let start = Date::from_calendar_date(2020, time::Month::January, 1).unwrap();
        let priority = Priority::ALL[priority];
        let mut on = start;
        let mut h = vec![(Submitted, start)];
        for (state, gap) in steps {
            // Gaps of 0 often, so that stops fall on the day the clock starts.
            on += time::Duration::days(gap % 3 * gap);
            h.push((CaseState::ALL[state], on));
        }
        let today = on + time::Duration::days(today_after);
        let current = h.last().unwrap().0;
        let running: Vec<_> = p
            .overdue(priority, &h, today)
            .into_iter()
            .filter(|o| o.stopped.is_none())
            .collect();
        for s in p.overdue_screens(today) {
            let first = h.iter().position(|&(st, _)| st == s.from);
            let (Some(first), true, true) =
                (first, s.priority == priority, s.current.contains(&current))
            else {
                continue;
            };
            let since: Vec<CaseState> = h[first + 1..].iter().map(|&(st, _)| st).collect();
            let late = running.iter().find(|o| (o.limit.from, o.limit.to) == (s.from, s.to));
            prop_assert_eq!(
                s.days_late(h[first].1, &since),
                late.map(|o| o.days_over),
                "{:?} in {:?}", s, h
            );
        }
    }
}

/// On the first day late, the case meets its limit's screen; on the last day on time, the
/// screen may take it (the rule then says it is on time).
#[test]
fn the_first_day_late_meets_the_screen() {
    let p = PolicyProfile::parse(include_str!("../../../../policies/belgium.toml")).unwrap();
    let accepted = Date::from_calendar_date(2025, time::Month::March, 3).unwrap();
    let h = [(Submitted, accepted), (Accepted, accepted)];
    let taken = |today: Date| {
        p.overdue_screens(today).iter().any(|s| {
            s.priority == Priority::Normal
                && s.from == Accepted
                && s.current.contains(&Accepted)
                && accepted < s.entered_before
        })
    };
    let first_late = accepted + time::Duration::days(184);
    assert_eq!(p.overdue(Priority::Normal, &h, first_late)[0].days_over, 1);
    assert!(taken(first_late));
    assert!(
        p.overdue(Priority::Normal, &h, first_late - time::Duration::DAY)
            .is_empty()
    );
}
