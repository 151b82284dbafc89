//! Funding claims: the money a year's arrivals bring, person by person, under one
//! instrument of the profile's `[money]` table — EU funding (AMIF: an amount per accepted
//! person who arrived in the year) or the municipal allowance (per adult and per minor,
//! with the first cohort's allowance in place of the ordinary one).
//!
//! A claim lists each eligible person once, with integer cents, so a total adds up to the
//! cent. The persons are the report to Parliament's arrivals (the members each arrival's
//! acceptance accepted), read by the same function, so the two cannot count differently.
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::case::CaseState;
use resettle_domain::policy::Money;
use resettle_storage::Period;
use serde::{Deserialize, Serialize};
use time::Date;

use crate::annual::people::Traveller;
use crate::annual::{ACCEPTED, ReportedProgramme, YearSpan};
use crate::{App, AppError, Caller, Permission};

/// What a claim is made under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    /// The EU's Asylum, Migration and Integration Fund: an amount per resettled person.
    Amif,
    /// The allowance to the receiving municipality: per adult and per minor, by cohort.
    Allowance,
}

impl Instrument {
    /// Every instrument.
    pub const ALL: [Instrument; 2] = [Instrument::Amif, Instrument::Allowance];

    /// The word used on the command line, in the API and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Instrument::Amif => "amif",
            Instrument::Allowance => "allowance",
        }
    }

    /// The instrument named by `word`.
    pub fn parse(word: &str) -> Option<Instrument> {
        Instrument::ALL
            .into_iter()
            .find(|i| i.as_str() == word.trim())
    }
}

/// What to claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRequest {
    /// Programme code; `None` for the database's only programme.
    pub programme: Option<String>,
    /// Under what.
    pub instrument: Instrument,
    /// The calendar year of arrival.
    pub year: i32,
}

/// One person claimed for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimLine {
    /// The person: the case number and their number in the family (`case/member`).
    pub person_id: String,
    /// UNHCR case number.
    pub case_number: String,
    /// The person's number within the family.
    pub member_no: u32,
    /// The day the family arrived.
    pub arrived_on: Date,
    /// 18 or over on arrival.
    pub adult: bool,
    /// In the profile's first cohort (the allowance only).
    pub first_cohort: bool,
    /// The amount claimed for the person, in euro cents.
    pub amount_cents: i64,
}

/// A claim: every eligible person of the year once, and the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FundingClaim {
    /// Whose claim.
    pub programme: ReportedProgramme,
    /// Under what.
    pub instrument: Instrument,
    /// The year of arrival claimed for.
    pub year: i32,
    /// Arrivals are counted to this day: the year's last, or today while it is not over.
    pub as_of: Date,
    /// The year is not over: more persons may follow.
    pub partial: bool,
    /// The day the claim was built.
    pub made_on: Date,
    /// Where the rates come from (the profile's words).
    pub source: String,
    /// The rates: per person (AMIF), or per adult and per minor, ordinary and first
    /// cohort (allowance).
    pub rates: Vec<Rate>,
    /// The persons, by arrival, case and member.
    pub lines: Vec<ClaimLine>,
    /// The sum of the lines.
    pub total_cents: i64,
}

/// One rate of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rate {
    /// `person`, `adult`, `minor`, `first_cohort_adult`, `first_cohort_minor`.
    pub applies_to: &'static str,
    /// Cents per person it applies to.
    pub cents: i64,
}

/// The rates of `instrument` in `money`, or why the profile has none.
fn rates(money: &Money, instrument: Instrument) -> Result<Vec<Rate>, AppError> {
    let none = || {
        resettle_domain::Refusal::of(
            "instrument",
            resettle_domain::RefusalKind::NoRate {
                instrument: instrument.as_str().to_string(),
            },
        )
    };
    match instrument {
        Instrument::Amif => {
            let cents = money.eu_funding_per_person_cents.ok_or_else(none)?;
            Ok(vec![Rate {
                applies_to: "person",
                cents,
            }])
        }
        Instrument::Allowance => {
            let ordinary = money.allowance.as_ref().ok_or_else(none)?;
            let mut out = vec![
                Rate {
                    applies_to: "adult",
                    cents: ordinary.per_adult_cents,
                },
                Rate {
                    applies_to: "minor",
                    cents: ordinary.per_minor_cents,
                },
            ];
            if let (Some(first), Some(_)) =
                (&money.first_cohort_allowance, money.first_cohort_until_year)
            {
                out.push(Rate {
                    applies_to: "first_cohort_adult",
                    cents: first.per_adult_cents,
                });
                out.push(Rate {
                    applies_to: "first_cohort_minor",
                    cents: first.per_minor_cents,
                });
            }
            Ok(out)
        }
    }
}

/// The line of one person who arrived: what the instrument pays for them.
fn line(money: &Money, instrument: Instrument, t: &Traveller) -> ClaimLine {
    let first_cohort =
        instrument == Instrument::Allowance && money.first_cohort(t.arrived_on.year());
    let amount_cents = match instrument {
        Instrument::Amif => money.eu_funding_per_person_cents.unwrap_or(0),
        Instrument::Allowance => {
            let (adults, minors) = if t.adult { (1, 0) } else { (0, 1) };
            money.allowance_cents(adults, minors, first_cohort)
        }
    };
    ClaimLine {
        person_id: format!("{}/{}", t.case_number, t.member_no),
        case_number: t.case_number.clone(),
        member_no: t.member_no,
        arrived_on: t.arrived_on,
        adult: t.adult,
        first_cohort,
        amount_cents,
    }
}

impl App {
    /// The claim of a year under one instrument: each accepted person who arrived in the
    /// year once, with the amount for them. Planners and auditors (who build reports); it
    /// names persons by case number, so the build is recorded in the trail.
    pub async fn funding_claim(
        &self,
        caller: &Caller,
        request: &ClaimRequest,
    ) -> Result<FundingClaim, AppError> {
        let year = request.year;
        self.require(
            caller,
            Permission::BuildReports,
            AuditEntity::FundingClaim,
            &year.to_string(),
        )
        .await?;
        let claim = self.build_claim(request).await?;
        self.record_ok(
            caller,
            AuditAction::Report,
            AuditEntity::FundingClaim,
            &format!(
                "{} {} {year}",
                claim.programme.code,
                request.instrument.as_str()
            ),
            "case_number",
            &format!("{} persons", claim.lines.len()),
        )
        .await?;
        Ok(claim)
    }

    /// The claim as it stands today, for a caller already allowed to see it.
    pub(crate) async fn build_claim(
        &self,
        request: &ClaimRequest,
    ) -> Result<FundingClaim, AppError> {
        let year = request.year;
        let programme = self
            .reported_programme(request.programme.as_deref())
            .await?;
        let policy = self.policy(&programme.policy_profile).await?;
        let money = policy.money();
        let rates = rates(money, request.instrument)?;
        let today = self.today();
        let span = YearSpan::of(year, today)?;
        let arrivals = Period {
            programme: &programme.code,
            states: &[CaseState::Arrived],
            from: span.first,
            until: span.until,
        };
        let arrived = self.store.steps_in(&arrivals).await?;
        let acceptances = self.store.earlier_steps(&arrivals, ACCEPTED).await?;
        let lines: Vec<ClaimLine> = self
            .travellers(&arrivals, &arrived, &acceptances)
            .await?
            .iter()
            .map(|t| line(money, request.instrument, t))
            .collect();
        let total_cents = lines
            .iter()
            .fold(0i64, |sum, l| sum.saturating_add(l.amount_cents));
        let source = match request.instrument {
            Instrument::Amif => money.eu_funding_source.clone(),
            Instrument::Allowance => money
                .allowance
                .as_ref()
                .map(|a| a.purpose.clone())
                .unwrap_or_default(),
        };
        Ok(FundingClaim {
            instrument: request.instrument,
            year,
            as_of: span.as_of,
            partial: span.as_of < span.last,
            made_on: today,
            source,
            rates,
            lines,
            total_cents,
            programme,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use resettle_domain::policy::Allowance;

    fn traveller(adult: bool, year: i32) -> Traveller {
        Traveller::example(
            "BEL-1",
            2,
            adult,
            Date::from_ordinal_date(year, 100).unwrap(),
        )
    }

    fn dutch() -> Money {
        let a = |adult, minor| {
            Some(Allowance {
                per_adult_cents: adult,
                per_minor_cents: minor,
                purpose: String::new(),
            })
        };
        Money {
            allowance: a(100_000, 0),
            first_cohort_allowance: a(200_000, 100_000),
            first_cohort_until_year: Some(2012),
            ..Money::default()
        }
    }

    #[test]
    fn the_allowance_pays_by_age_and_cohort_and_amif_per_person() {
        let m = dutch();
        let l = |adult, year| line(&m, Instrument::Allowance, &traveller(adult, year));
        assert_eq!(l(true, 2012).amount_cents, 200_000);
        assert_eq!(l(false, 2012).amount_cents, 100_000);
        assert!(l(false, 2012).first_cohort);
        assert_eq!(l(true, 2013).amount_cents, 100_000);
        assert_eq!(l(false, 2013).amount_cents, 0);
        assert_eq!(l(true, 2013).person_id, "BEL-1/2");
        let amif = Money {
            eu_funding_per_person_cents: Some(1_000_000),
            ..m
        };
        let a = line(&amif, Instrument::Amif, &traveller(false, 2012));
        assert_eq!((a.amount_cents, a.first_cohort), (1_000_000, false));
    }

    #[test]
    fn a_profile_without_the_instrument_is_refused_naming_it() {
        for instrument in Instrument::ALL {
            let Err(AppError::Refused(r)) = rates(&Money::default(), instrument) else {
                panic!("{instrument:?} refused");
            };
            assert_eq!(r.field, "instrument");
            assert_eq!(
                r.kind,
                resettle_domain::RefusalKind::NoRate {
                    instrument: instrument.as_str().into()
                }
            );
        }
        assert_eq!(rates(&dutch(), Instrument::Allowance).unwrap().len(), 4);
    }
}
