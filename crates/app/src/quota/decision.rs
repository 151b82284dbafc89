//! The quota decision on record: who proposed it, whom they consulted, why, and when it
//! was published (NGO report 3.3 and recommendation 3).
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::{Refusal, RefusalKind};
use serde::{Deserialize, Serialize};
use time::Date;

use crate::access::audit::succeeded;
use crate::bounds::{
    CALENDAR_YEARS, DECISION_TEXT_CHARS, PERSONS, PLAN_YEARS, at_most_entries, within,
};
use crate::{App, AppError, Caller, Permission};

/// The persons a decision sets for one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct QuotaDecisionYear {
    /// The year.
    pub year: i32,
    /// Persons in the quota.
    pub persons: u32,
    /// Emergency places decided for the year (on top of or within the quota, as the
    /// programme's profile says).
    #[serde(default)]
    pub emergency: u32,
}

/// A quota decision as a planner enters it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, utoipa::ToSchema)]
pub struct QuotaDecisionInput {
    /// Who proposed it (Belgium: Fedasil and the CGVS, jointly).
    pub proposed_by: String,
    /// Whom they consulted.
    pub consulted: String,
    /// Why this quota.
    pub motivation: String,
    /// The day it was published (YYYY-MM-DD).
    #[schema(value_type = String, example = "2021-10-01")]
    pub published_on: Date,
    /// Persons per year.
    pub years: Vec<QuotaDecisionYear>,
}

/// A quota decision on record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct QuotaDecision {
    /// Its number, in recording order.
    pub id: i64,
    /// Who proposed it.
    pub proposed_by: String,
    /// Whom they consulted.
    pub consulted: String,
    /// Why this quota.
    pub motivation: String,
    /// The day it was published.
    #[schema(value_type = String)]
    pub published_on: Date,
    /// The user who recorded it.
    pub recorded_by: String,
    /// Persons per year.
    pub years: Vec<QuotaDecisionYear>,
}

impl App {
    /// Records a quota decision for a programme; the planner's alone, audited. Every text
    /// is required (a quota nobody motivated cannot be held to account) and each year
    /// appears once.
    pub async fn record_quota_decision(
        &self,
        caller: &Caller,
        programme: &str,
        input: &QuotaDecisionInput,
    ) -> Result<i64, AppError> {
        self.require(
            caller,
            Permission::PlanQuotas,
            AuditEntity::QuotaDecision,
            programme,
        )
        .await?;
        for (field, text) in [
            ("proposed_by", &input.proposed_by),
            ("consulted", &input.consulted),
            ("motivation", &input.motivation),
        ] {
            // Required: the NGOs ask that each be published.
            if text.trim().is_empty() {
                return Err(Refusal::of(field, RefusalKind::Missing).into());
            }
            let chars = text.chars().count();
            if chars > DECISION_TEXT_CHARS {
                return Err(Refusal::of(
                    field,
                    RefusalKind::TooLong {
                        max: DECISION_TEXT_CHARS,
                        got: chars,
                    },
                )
                .into());
            }
        }
        if input.years.is_empty() {
            return Err(Refusal::of("years", RefusalKind::Missing).into());
        }
        at_most_entries("years", input.years.len(), *PLAN_YEARS.end() as usize)?;
        for (i, y) in input.years.iter().enumerate() {
            within("year", y.year, &CALENDAR_YEARS)?;
            within("persons", u64::from(y.persons), &PERSONS)?;
            within("emergency", u64::from(y.emergency), &PERSONS)?;
            if input.years[..i].iter().any(|o| o.year == y.year) {
                return Err(Refusal::of(
                    "years",
                    RefusalKind::Duplicate {
                        given: y.year.to_string(),
                    },
                )
                .into());
            }
        }
        if !self.programme_exists(programme).await? {
            return Err(AppError::NotFound(format!(
                "programme {programme} does not exist"
            )));
        }
        let years: Vec<String> = input
            .years
            .iter()
            .map(|y| format!("{}: {} + {}", y.year, y.persons, y.emergency))
            .collect();
        let entry = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::QuotaDecision,
            programme,
            "",
            &years.join(", "),
        );
        let decision = resettle_storage::NewQuotaDecision {
            proposed_by: input.proposed_by.trim().to_string(),
            consulted: input.consulted.trim().to_string(),
            motivation: input.motivation.trim().to_string(),
            published_on: input.published_on,
            recorded_by: caller.username.clone(),
            years: input
                .years
                .iter()
                .map(|y| resettle_storage::QuotaYear {
                    year: y.year,
                    persons: y.persons,
                    emergency: y.emergency,
                })
                .collect(),
        };
        Ok(self
            .store
            .record_quota_decision(programme, &decision, &[entry])
            .await?)
    }

    /// A programme's quota decisions, the latest first. Published figures: no
    /// permission is needed to read them.
    pub async fn quota_decisions(&self, programme: &str) -> Result<Vec<QuotaDecision>, AppError> {
        Ok(self
            .store
            .quota_decisions(programme)
            .await?
            .into_iter()
            .map(|r| QuotaDecision {
                id: r.id,
                proposed_by: r.decision.proposed_by,
                consulted: r.decision.consulted,
                motivation: r.decision.motivation,
                published_on: r.decision.published_on,
                recorded_by: r.decision.recorded_by,
                years: r
                    .decision
                    .years
                    .into_iter()
                    .map(|y| QuotaDecisionYear {
                        year: y.year,
                        persons: y.persons,
                        emergency: y.emergency,
                    })
                    .collect(),
            })
            .collect())
    }
}
