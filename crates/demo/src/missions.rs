//! Selection missions: CGVS and Fedasil teams interviewing cases in the countries of
//! asylum, a few per year per country; past ones completed (one or two called off), the
//! coming ones planned.
use resettle_domain::country::CountryCode;
use resettle_domain::mission::{MissionStatus, SelectionMission};
use time::{Date, Month};

use crate::calendar::add_days;
use crate::names;
use crate::rng::Rng;

/// Countries of asylum visited and the months missions go there each year. Cases waiting
/// in other countries are decided on the dossier.
const PLAN: &[(&str, &[u8])] = &[
    ("LB", &[3, 10]),
    ("TR", &[4, 11]),
    ("JO", &[5]),
    ("EG", &[9]),
    ("UG", &[6]),
    ("TZ", &[2]),
    ("RW", &[7]),
];

/// How far past `as_of` missions are already planned.
const PLANNED_AHEAD_DAYS: i64 = 270;

/// The missions of the demo, with the lookups cases need.
pub(crate) struct Missions {
    /// All missions, by start date.
    pub(crate) list: Vec<SelectionMission>,
}

impl Missions {
    /// The missions from `first_year` until [`PLANNED_AHEAD_DAYS`] after `as_of`.
    pub(crate) fn generate(rng: &mut Rng, first_year: i32, as_of: Date) -> Self {
        let horizon = add_days(as_of, PLANNED_AHEAD_DAYS);
        let mut list = Vec::new();
        for year in first_year..=horizon.year() {
            for &(destination, months) in PLAN {
                for (n, &month) in months.iter().enumerate() {
                    let month = Month::try_from(month).expect("plan months are 1..=12");
                    let day = rng.range(1, 18) as u8;
                    let mut starts_on =
                        Date::from_calendar_date(year, month, day).expect("day 1..=18 exists");
                    let length = rng.range(8, 13);
                    if starts_on <= as_of && as_of <= add_days(starts_on, length - 1) {
                        // No mission is under way on `as_of`: each is either done or ahead.
                        starts_on = add_days(as_of, rng.range(5, 20));
                    }
                    if starts_on > horizon {
                        continue;
                    }
                    let ends_on = add_days(starts_on, length - 1);
                    list.push(SelectionMission {
                        code: format!("BE-{year}-{destination}-{}", n + 1),
                        destination: CountryCode::parse("destination", destination)
                            .expect("plan codes are country codes"),
                        starts_on,
                        ends_on,
                        status: if ends_on < as_of {
                            MissionStatus::Completed
                        } else {
                            MissionStatus::Planned
                        },
                        team: team(rng),
                    });
                }
            }
        }
        list.sort_by(|a, b| (a.starts_on, &a.code).cmp(&(b.starts_on, &b.code)));
        let past: Vec<usize> = (0..list.len())
            .filter(|&i| list[i].status == MissionStatus::Completed)
            .collect();
        if !past.is_empty() {
            let cancelled = if past.len() > 1 && rng.chance(0.5) {
                2
            } else {
                1
            };
            let first = rng.below(past.len() as u64) as usize;
            for k in 0..cancelled {
                let i = past[(first + k * past.len() / 2) % past.len()];
                list[i].status = MissionStatus::Cancelled;
            }
        }
        Self { list }
    }

    /// The first mission to `asylum` starting on or after `earliest`, if one is planned.
    pub(crate) fn next_for(&self, asylum: &str, earliest: Date) -> Option<&SelectionMission> {
        self.list
            .iter()
            .find(|m| m.destination.as_str() == asylum && m.starts_on >= earliest)
    }

    /// Whether missions go to `asylum` at all.
    pub(crate) fn visit(asylum: &str) -> bool {
        PLAN.iter().any(|&(c, _)| c == asylum)
    }
}

/// Two to four officials: CGVS protection officers and a Fedasil colleague.
fn team(rng: &mut Rng) -> Vec<String> {
    let size = rng.range(2, 4) as usize;
    let mut team: Vec<String> = Vec::with_capacity(size);
    while team.len() < size {
        let agency = match team.len() {
            0 => "CGVS",
            1 => "Fedasil",
            _ if rng.chance(0.6) => "CGVS",
            _ => "Fedasil",
        };
        let member = format!("{} ({agency})", names::belgian(rng));
        let name = member.split(" (").next().unwrap_or_default();
        if !team.iter().any(|t| t.starts_with(name)) {
            team.push(member);
        }
    }
    team
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn past_missions_are_done_or_cancelled_and_none_is_under_way() {
        let as_of = date!(2026 - 11 - 23);
        let m = Missions::generate(&mut Rng::stream(5, &[]), 2022, as_of);
        let cancelled = m
            .list
            .iter()
            .filter(|x| x.status == MissionStatus::Cancelled)
            .count();
        assert!((1..=2).contains(&cancelled));
        for x in &m.list {
            assert!(!(x.starts_on <= as_of && as_of <= x.ends_on), "{}", x.code);
            assert_eq!(
                x.status == MissionStatus::Planned,
                x.starts_on > as_of,
                "{}",
                x.code
            );
            assert!((2..=4).contains(&x.team.len()));
        }
        let mut codes: Vec<&str> = m.list.iter().map(|x| x.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), m.list.len());
    }
}
