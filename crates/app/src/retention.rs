//! Retention: personal data of a case is kept for the policy profile's retention period
//! after the case ended, then anonymised (GDPR art. 5(1)(e), storage limitation).
use resettle_domain::audit::{AuditAction, AuditEntity};
use std::collections::HashMap;

use resettle_domain::case::CaseState;
use serde::Serialize;
use time::Date;

use crate::access::audit::succeeded;
use crate::{App, AppError, Caller};

/// A case whose retention period has passed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DueCase {
    /// UNHCR case number.
    pub case_number: String,
    /// Programme code.
    pub programme: String,
    /// How it ended.
    pub state: CaseState,
    /// The day it ended.
    pub ended_on: Date,
    /// The programme's retention period.
    pub retention_years: u32,
    /// The last day its personal data could be kept.
    pub due_on: Date,
}

/// What retention found, and whether it was applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RetentionReport {
    /// Cases past their retention period, oldest first.
    pub due: Vec<DueCase>,
    /// Whether they were anonymised (false for a dry run).
    pub applied: bool,
    /// Cases anonymised.
    pub anonymised: u64,
}

/// `years` after `from`, on the same day of the year (28 February for a 29 February).
fn years_after(from: Date, years: u32) -> Date {
    let year = from.year() + years as i32;
    from.replace_year(year)
        .or_else(|_| Date::from_calendar_date(year, time::Month::February, 28))
        .expect("28 February exists every year")
}

impl App {
    /// Finds the ended cases whose retention period has passed by `today` and, unless
    /// `dry_run`, anonymises them. Counts, states and dates stay, so reports do not change.
    pub async fn apply_retention(
        &self,
        caller: &Caller,
        today: Date,
        dry_run: bool,
    ) -> Result<RetentionReport, AppError> {
        self.require(
            caller,
            crate::Permission::ManageSettings,
            AuditEntity::Retention,
            "",
        )
        .await?;
        let mut years: HashMap<String, u32> = HashMap::new();
        for p in self.store.programmes().await? {
            let policy = self.policy(&p.policy_profile).await?;
            years.insert(p.code, policy.data_protection().retention_years);
        }
        let due: Vec<DueCase> = self
            .store
            .ended_cases()
            .await?
            .into_iter()
            .filter_map(|c| {
                let retention_years = years[&c.programme];
                let due_on = years_after(c.ended_on, retention_years);
                (due_on < today).then_some(DueCase {
                    case_number: c.case_number,
                    programme: c.programme,
                    state: c.state,
                    ended_on: c.ended_on,
                    retention_years,
                    due_on,
                })
            })
            .collect();
        let anonymised = if dry_run {
            0
        } else {
            let numbers: Vec<String> = due.iter().map(|c| c.case_number.clone()).collect();
            let entry = |n: &u64| {
                let detail = format!("{n} cases anonymised");
                vec![succeeded(
                    caller,
                    AuditAction::Write,
                    AuditEntity::Retention,
                    "",
                    "",
                    &detail,
                )]
            };
            self.store.anonymise_cases(&numbers, today, &entry).await?
        };
        Ok(RetentionReport {
            due,
            applied: !dry_run,
            anonymised,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn retention_counts_whole_years_and_survives_leap_days() {
        assert_eq!(
            years_after(date!(2016 - 02 - 29), 10),
            date!(2026 - 02 - 28)
        );
        assert_eq!(years_after(date!(2020 - 06 - 15), 5), date!(2025 - 06 - 15));
    }
}
