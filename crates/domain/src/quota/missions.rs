//! The selection missions a year's allocation implies: the mission channel's persons per
//! situation, over what one mission can interview, spread over the situation's countries
//! of asylum, against the missions already planned there.
use std::collections::BTreeMap;

use serde::Serialize;

use super::allocation::{MissionCapacity, PlanChannel, YearAllocation, apportion_bounded};
use super::needs::SituationNeed;

/// Missions for one situation in one country of asylum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImpliedMissions {
    /// The year.
    pub year: i32,
    /// The situation.
    pub situation: String,
    /// The country of asylum, or `None` when the needs data names none for the situation
    /// (its mission places then need a destination chosen by hand).
    pub country_of_asylum: Option<String>,
    /// Persons the mission channel plans to select there.
    pub persons: u64,
    /// Missions those persons take at the profile's interview capacity.
    pub missions: u64,
    /// Missions already planned or done there that year.
    pub planned: u64,
    /// Missions still to plan (never below zero).
    pub to_plan: u64,
}

/// The missions `allocation` implies, one row per situation and country of asylum.
/// `planned` counts the year's missions already on record by destination. A situation's
/// mission persons are split over its countries of asylum evenly (largest remainder, the
/// first listed first), then each country's missions are its persons over one mission's
/// capacity, rounded up: a mission cannot be partly sent.
pub fn implied_missions(
    allocation: &YearAllocation,
    needs: &[&SituationNeed],
    capacity: &MissionCapacity,
    planned: &BTreeMap<String, u64>,
) -> Vec<ImpliedMissions> {
    let per_mission = capacity.persons_per_mission().max(1.0);
    let mut out = Vec::new();
    for need in needs {
        let persons: u64 = allocation
            .lines
            .iter()
            .filter(|l| l.situation == need.situation && l.channel == PlanChannel::Mission)
            .map(|l| l.persons)
            .sum();
        if persons == 0 {
            continue;
        }
        let missions_for = |p: u64| (p as f64 / per_mission).ceil() as u64;
        if need.hosts.is_empty() {
            out.push(ImpliedMissions {
                year: allocation.year,
                situation: need.situation.clone(),
                country_of_asylum: None,
                persons,
                missions: missions_for(persons),
                planned: 0,
                to_plan: missions_for(persons),
            });
            continue;
        }
        let k = need.hosts.len();
        let split = apportion_bounded(persons, &vec![1; k], &vec![0; k], &vec![None; k])
            .expect("an even split without bounds always fits");
        for (host, p) in need.hosts.iter().zip(split) {
            let missions = missions_for(p);
            let done = planned.get(host).copied().unwrap_or(0);
            out.push(ImpliedMissions {
                year: allocation.year,
                situation: need.situation.clone(),
                country_of_asylum: Some(host.clone()),
                persons: p,
                missions,
                planned: done,
                to_plan: missions.saturating_sub(done),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quota::allocation::AllocationLine;

    #[test]
    fn mission_places_become_whole_missions_per_country_against_those_planned() {
        let need = SituationNeed {
            year: 2021,
            situation: "syria".into(),
            nationalities: vec!["SY".into()],
            hosts: vec!["LB".into(), "JO".into(), "TR".into()],
            persons: 592_000,
            source: "test".into(),
        };
        let allocation = YearAllocation {
            year: 2023,
            needs_year: 2021,
            target: 1_000,
            emergency: 0,
            places: 1_000,
            lines: vec![AllocationLine {
                year: 2023,
                situation: "syria".into(),
                channel: PlanChannel::Mission,
                persons: 1_000,
            }],
        };
        // 20 cases a day for 10 days, 4 persons a case: 800 persons a mission.
        let capacity = MissionCapacity {
            cases_per_day: 20,
            days: 10,
            persons_per_case: 4.0,
        };
        let planned = [("LB".to_string(), 2)].into();
        let rows = implied_missions(&allocation, &[&need], &capacity, &planned);
        let persons: u64 = rows.iter().map(|r| r.persons).sum();
        assert_eq!(persons, 1_000);
        assert_eq!(rows[0].persons, 334);
        assert_eq!(
            (rows[0].missions, rows[0].planned, rows[0].to_plan),
            (1, 2, 0)
        );
        assert_eq!((rows[1].missions, rows[1].to_plan), (1, 1));
    }
}
