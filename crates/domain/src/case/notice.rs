//! Notices to a family: which steps and dates a family is told of, and how often a notice
//! that could not be delivered is tried again.
//!
//! A notice says only that there is news, with the case number and the address of the
//! family's status page: what the news is the family reads there, after giving its access
//! code. So a notice carries no personal data, whoever reads the phone or the mailbox.
use time::Duration;

use super::{CaseState, Promise, PromiseKind};
use crate::word_enum;

/// What happened that the family should know of. Kept with the notice for the staff who
/// follow it; the notice itself never says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum News {
    /// The case was put on a selection mission: an interview will come.
    MissionScheduled,
    /// The family was accepted.
    Accepted,
    /// Some members were accepted.
    AcceptedInPart,
    /// The case was refused.
    Refused,
    /// The decision was deferred or more information asked of UNHCR.
    Deferred,
    /// Preparations for travel began.
    Preparing,
    /// The departure date told to the family no longer holds; preparations go on.
    DepartureCalledOff,
    /// A departure date was set.
    DepartureDate,
    /// The departure date moved.
    DepartureDateSlipped,
    /// An interview date was set.
    InterviewDate,
    /// The interview date moved.
    InterviewDateSlipped,
    /// The case was withdrawn.
    Withdrawn,
}
word_enum!(News, "news", {
    MissionScheduled => "mission_scheduled",
    Accepted => "accepted",
    AcceptedInPart => "accepted_in_part",
    Refused => "refused",
    Deferred => "deferred",
    Preparing => "preparing",
    DepartureCalledOff => "departure_called_off",
    DepartureDate => "departure_date",
    DepartureDateSlipped => "departure_date_slipped",
    InterviewDate => "interview_date",
    InterviewDateSlipped => "interview_date_slipped",
    Withdrawn => "withdrawn",
});

impl News {
    /// The news of a lifecycle step, if the family should hear of it: decisions, a
    /// mission, preparations, a departure date set or called off, a withdrawal. Steps the
    /// family takes part in (the interview, the arrival) or that concern it only once it
    /// is here (reception, housing, support) send nothing; nor do a dossier review, a
    /// closed file or a death.
    pub fn of_step(from: CaseState, to: CaseState, promise: Option<&Promise>) -> Option<News> {
        use CaseState::*;
        Some(match to {
            ScheduledForMission => News::MissionScheduled,
            Accepted => News::Accepted,
            AcceptedInPart => News::AcceptedInPart,
            Refused => News::Refused,
            Deferred => News::Deferred,
            PreDeparture if from == DepartureScheduled => News::DepartureCalledOff,
            PreDeparture => News::Preparing,
            DepartureScheduled => promise.map_or(News::DepartureDate, News::of_promise),
            Withdrawn => News::Withdrawn,
            _ => return None,
        })
    }

    /// The news of a date told to the family: set for the first time, or slipped.
    pub fn of_promise(p: &Promise) -> News {
        match (p.kind, p.is_slip()) {
            (PromiseKind::Departure, false) => News::DepartureDate,
            (PromiseKind::Departure, true) => News::DepartureDateSlipped,
            (PromiseKind::Interview, false) => News::InterviewDate,
            (PromiseKind::Interview, true) => News::InterviewDateSlipped,
        }
    }
}

/// Where a notice stands in the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoticeState {
    /// Waiting to be sent (never tried yet).
    Queued,
    /// Delivered to the mail server or the SMS gateway on every channel it goes by.
    Sent,
    /// The last attempt failed; tried again later unless the attempts ran out.
    Failed,
}
word_enum!(NoticeState, "state", {
    Queued => "queued",
    Sent => "sent",
    Failed => "failed",
});

/// How many attempts a notice gets before it is left failed for an officer to follow up:
/// with [`retry_after`]'s back-off, about a day of trying.
pub const NOTICE_ATTEMPTS: u32 = 12;

/// The longest wait between two attempts.
const LONGEST_WAIT: Duration = Duration::hours(6);

/// How long to wait before trying again a notice that has failed `attempts` times: a
/// minute after the first failure, doubling each time up to six hours, so a mail server
/// down for a minute costs a minute and one down for a day is not hammered. `None` once
/// the attempts have run out.
pub fn retry_after(attempts: u32) -> Option<Duration> {
    if attempts == 0 || attempts >= NOTICE_ATTEMPTS {
        return None;
    }
    let minutes = 1i64 << (attempts - 1).min(20);
    Some(Duration::minutes(minutes).min(LONGEST_WAIT))
}

impl PromiseKind {
    /// The states in which a case still waits for what a date of this kind promised: an
    /// interview date is kept by the interview, a departure date by the arrival. A past
    /// date of a case still in one of these states was not kept, and the family should
    /// be told why and when instead.
    pub fn awaited_in(self) -> &'static [CaseState] {
        use CaseState::*;
        match self {
            PromiseKind::Interview => &[Submitted, ScheduledForMission],
            PromiseKind::Departure => &[Accepted, AcceptedInPart, PreDeparture, DepartureScheduled],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn promise(kind: PromiseKind, slip: Option<&str>) -> Promise {
        Promise {
            kind,
            promised_date: date!(2026 - 12 - 01),
            made_on: date!(2026 - 11 - 23),
            slip_reason_code: slip.map(|_| "other".to_string()),
            slip_reason: slip.map(str::to_string),
            family_notified_on: None,
        }
    }

    #[test]
    fn the_family_hears_of_decisions_and_dates_not_of_its_own_arrival() {
        use CaseState::*;
        assert_eq!(
            News::of_step(Interviewed, Accepted, None),
            Some(News::Accepted)
        );
        assert_eq!(
            News::of_step(DepartureScheduled, PreDeparture, None),
            Some(News::DepartureCalledOff)
        );
        assert_eq!(
            News::of_step(Accepted, PreDeparture, None),
            Some(News::Preparing)
        );
        let slip = promise(PromiseKind::Departure, Some("flight cancelled"));
        assert_eq!(
            News::of_step(PreDeparture, DepartureScheduled, Some(&slip)),
            Some(News::DepartureDateSlipped)
        );
        for to in [
            Arrived,
            InReception,
            Housed,
            IntegrationSupport,
            Closed,
            Deceased,
        ] {
            assert_eq!(News::of_step(DepartureScheduled, to, None), None, "{to}");
        }
        assert_eq!(News::of_step(Submitted, DossierReview, None), None);
        assert_eq!(News::of_step(ScheduledForMission, Interviewed, None), None);
    }

    #[test]
    fn a_date_is_news_when_set_and_when_it_slips() {
        assert_eq!(
            News::of_promise(&promise(PromiseKind::Interview, None)),
            News::InterviewDate
        );
        assert_eq!(
            News::of_promise(&promise(PromiseKind::Interview, Some("x"))),
            News::InterviewDateSlipped
        );
        for n in News::ALL {
            assert_eq!(n.as_str().parse::<News>().unwrap(), *n);
        }
    }

    #[test]
    fn attempts_back_off_to_six_hours_then_stop() {
        assert_eq!(retry_after(0), None);
        assert_eq!(retry_after(1), Some(Duration::minutes(1)));
        assert_eq!(retry_after(2), Some(Duration::minutes(2)));
        assert_eq!(retry_after(5), Some(Duration::minutes(16)));
        assert_eq!(retry_after(10), Some(Duration::hours(6)));
        assert_eq!(retry_after(NOTICE_ATTEMPTS - 1), Some(Duration::hours(6)));
        assert_eq!(retry_after(NOTICE_ATTEMPTS), None);
        let total: i64 = (1..NOTICE_ATTEMPTS)
            .filter_map(retry_after)
            .map(|d| d.whole_hours())
            .sum();
        assert!(
            (12..=30).contains(&total),
            "about a day of trying: {total} h"
        );
    }

    #[test]
    fn a_departure_date_is_awaited_until_arrival() {
        let awaited = PromiseKind::Departure.awaited_in();
        assert!(awaited.contains(&CaseState::DepartureScheduled));
        assert!(!awaited.contains(&CaseState::Arrived));
        assert!(!awaited.contains(&CaseState::Withdrawn));
        let interview = PromiseKind::Interview.awaited_in();
        assert!(interview.contains(&CaseState::ScheduledForMission));
        assert!(!interview.contains(&CaseState::Interviewed));
    }
}
