//! Funding claims filed: a claim built today ([`crate::funding`]) stored and frozen. A
//! later claim of the same instrument and year lists only the persons no claim has named
//! yet, and a correction line (negative or positive, with its reason) for each person
//! claimed before whose amount is no longer what was claimed — so the claims of a year add
//! up to what the year's arrivals bring, and nobody is claimed twice (the database refuses
//! a second claim line for a person as well).
use resettle_domain::audit::{AuditAction, AuditEntity};
use std::collections::{BTreeMap, BTreeSet};

use resettle_domain::{Refusal, RefusalKind};
use resettle_storage::{FiledClaimRow, FiledLineRow};
use serde::Serialize;
use time::Date;

use crate::access::audit::succeeded;
use crate::funding::{ClaimLine, ClaimRequest, Instrument};
use crate::{App, AppError, Caller, Permission};

/// What a line of a filed claim does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Claims the person for the first time.
    Claim,
    /// Corrects what earlier claims claimed for the person.
    Correction,
}

/// Why a person's claimed amount is corrected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Correction {
    /// The amount the person brings changed (a rate, or their age on arrival, corrected).
    AmountChanged,
    /// The person no longer counts among the year's arrivals (an arrival or acceptance
    /// corrected): what was claimed for them is taken back.
    NoLongerEligible,
}

impl Correction {
    /// The code stored and shown to other tools.
    pub fn as_str(self) -> &'static str {
        match self {
            Correction::AmountChanged => "amount_changed",
            Correction::NoLongerEligible => "no_longer_eligible",
        }
    }

    fn parse(code: &str) -> Option<Correction> {
        [Correction::AmountChanged, Correction::NoLongerEligible]
            .into_iter()
            .find(|c| c.as_str() == code)
    }
}

/// One line of a filed claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FiledLine {
    /// The person: `case/member`.
    pub person_id: String,
    /// UNHCR case number.
    pub case_number: String,
    /// The person's number within the family.
    pub member_no: u32,
    /// A first claim of the person, or a correction.
    pub kind: LineKind,
    /// In euro cents; a correction may be negative.
    pub amount_cents: i64,
    /// A correction's reason.
    pub reason: Option<Correction>,
}

/// A claim as filed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct FiledClaim {
    /// Its number among the claims of its instrument and year, from 1.
    pub number: u32,
    /// Under what.
    pub instrument: Instrument,
    /// The year of arrival claimed for.
    pub year: i32,
    /// Arrivals counted to this day.
    #[schema(value_type = String, format = Date)]
    pub as_of: Date,
    /// The day it was filed.
    #[schema(value_type = String, format = Date)]
    pub filed_on: Date,
    /// Who filed it.
    pub filed_by: String,
    /// Its lines: first claims, then corrections.
    pub lines: Vec<FiledLine>,
    /// The sum of its lines.
    pub total_cents: i64,
}

/// The lines a new claim files, given the year's claim as it stands (`now`), the lines
/// of the claims of the year filed before it, and the persons a claim of the instrument
/// for another year named (`elsewhere`): each person no claim named, then a correction for
/// each person claimed in the year whose net amount is not what they bring now. A person
/// claimed for another year is not claimed again: the instrument pays once per person.
fn lines_to_file(
    now: &[ClaimLine],
    filed: &[FiledLineRow],
    elsewhere: &BTreeSet<&str>,
) -> Vec<FiledLine> {
    let mut net: BTreeMap<&str, (&FiledLineRow, i64)> = BTreeMap::new();
    for l in filed {
        let (_, sum) = net.entry(l.person_id.as_str()).or_insert((l, 0));
        *sum = sum.saturating_add(l.amount_cents);
    }
    let mut claims = Vec::new();
    let mut corrections = Vec::new();
    for l in now {
        match net.remove(l.person_id.as_str()) {
            None if elsewhere.contains(l.person_id.as_str()) => {}
            None => claims.push(FiledLine {
                person_id: l.person_id.clone(),
                case_number: l.case_number.clone(),
                member_no: l.member_no,
                kind: LineKind::Claim,
                amount_cents: l.amount_cents,
                reason: None,
            }),
            Some((_, claimed)) if claimed != l.amount_cents => corrections.push(FiledLine {
                person_id: l.person_id.clone(),
                case_number: l.case_number.clone(),
                member_no: l.member_no,
                kind: LineKind::Correction,
                amount_cents: l.amount_cents.saturating_sub(claimed),
                reason: Some(Correction::AmountChanged),
            }),
            Some(_) => {}
        }
    }
    for (person_id, (row, claimed)) in net {
        if claimed != 0 {
            corrections.push(FiledLine {
                person_id: person_id.to_string(),
                case_number: row.case_number.clone(),
                member_no: row.member_no,
                kind: LineKind::Correction,
                amount_cents: claimed.saturating_neg(),
                reason: Some(Correction::NoLongerEligible),
            });
        }
    }
    claims.extend(corrections);
    claims
}

/// A stored claim as the use cases give it.
fn filed(row: FiledClaimRow) -> Result<FiledClaim, AppError> {
    let corrupt = |what: &str| AppError::Internal(format!("stored funding claim: {what}"));
    let lines = row
        .lines
        .into_iter()
        .map(|l| {
            Ok(FiledLine {
                kind: match l.kind.as_str() {
                    "claim" => LineKind::Claim,
                    "correction" => LineKind::Correction,
                    other => return Err(corrupt(&format!("line kind {other:?}"))),
                },
                reason: l
                    .reason
                    .as_deref()
                    .map(|r| Correction::parse(r).ok_or_else(|| corrupt(&format!("reason {r:?}"))))
                    .transpose()?,
                person_id: l.person_id,
                case_number: l.case_number,
                member_no: l.member_no,
                amount_cents: l.amount_cents,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(FiledClaim {
        number: row.number,
        instrument: Instrument::parse(&row.instrument)
            .ok_or_else(|| corrupt(&format!("instrument {:?}", row.instrument)))?,
        year: row.year,
        as_of: row.as_of,
        filed_on: row.filed_on,
        filed_by: row.filed_by,
        lines,
        total_cents: row.total_cents,
    })
}

impl App {
    /// Files the claim of a year under an instrument as it stands today: the persons no
    /// earlier claim of that instrument and year named, and corrections of those it did.
    /// Planners only. The claim, its lines and its audit entry are written in one
    /// transaction; a claim filed by someone else meanwhile refuses this one (409), and a
    /// claim with nothing to file is refused (409) with nothing written.
    pub async fn file_funding_claim(
        &self,
        caller: &Caller,
        request: &ClaimRequest,
    ) -> Result<FiledClaim, AppError> {
        let year = request.year;
        self.require(
            caller,
            Permission::FileClaims,
            AuditEntity::FundingClaim,
            &year.to_string(),
        )
        .await?;
        let now = self.build_claim(request).await?;
        let code = now.programme.code.clone();
        let (before, other_years): (Vec<FiledClaimRow>, Vec<FiledClaimRow>) = self
            .store
            .filed_claims(&code)
            .await?
            .into_iter()
            .filter(|c| c.instrument == request.instrument.as_str())
            .partition(|c| c.year == year);
        let earlier: Vec<FiledLineRow> = before.iter().flat_map(|c| c.lines.clone()).collect();
        let elsewhere: BTreeSet<&str> = other_years
            .iter()
            .flat_map(|c| &c.lines)
            .filter(|l| l.kind == "claim")
            .map(|l| l.person_id.as_str())
            .collect();
        let lines = lines_to_file(&now.lines, &earlier, &elsewhere);
        if lines.is_empty() {
            return Err(Refusal::of("year", RefusalKind::NothingToClaim).into());
        }
        let number = u32::try_from(before.len() + 1).unwrap_or(u32::MAX);
        let total_cents = lines
            .iter()
            .fold(0i64, |sum, l| sum.saturating_add(l.amount_cents));
        let corrections = lines
            .iter()
            .filter(|l| l.kind == LineKind::Correction)
            .count();
        let claim = FiledClaim {
            number,
            instrument: request.instrument,
            year,
            as_of: now.as_of,
            filed_on: self.today(),
            filed_by: caller.username.clone(),
            lines,
            total_cents,
        };
        let row = FiledClaimRow {
            number,
            instrument: request.instrument.as_str().to_string(),
            year,
            as_of: claim.as_of,
            filed_on: claim.filed_on,
            filed_by: claim.filed_by.clone(),
            total_cents,
            lines: claim
                .lines
                .iter()
                .map(|l| FiledLineRow {
                    person_id: l.person_id.clone(),
                    case_number: l.case_number.clone(),
                    member_no: l.member_no,
                    kind: match l.kind {
                        LineKind::Claim => "claim",
                        LineKind::Correction => "correction",
                    }
                    .to_string(),
                    amount_cents: l.amount_cents,
                    reason: l.reason.map(|r| r.as_str().to_string()),
                })
                .collect(),
        };
        let entry = succeeded(
            caller,
            AuditAction::Write,
            AuditEntity::FundingClaim,
            &format!("{code} {} {year} {number}", request.instrument.as_str()),
            "case_number",
            &format!(
                "{} persons claimed, {corrections} corrections, {total_cents} cents",
                claim.lines.len() - corrections
            ),
        );
        self.store.file_claim(&code, &row, &[entry]).await?;
        Ok(claim)
    }

    /// The claims filed for a programme (`None`: the database's only one), by instrument,
    /// year and number. Planners and auditors; the claims name persons by case number, so
    /// the reading is recorded in the trail.
    pub async fn filed_funding_claims(
        &self,
        caller: &Caller,
        programme: Option<&str>,
    ) -> Result<Vec<FiledClaim>, AppError> {
        self.require(
            caller,
            Permission::BuildReports,
            AuditEntity::FundingClaims,
            "",
        )
        .await?;
        let code = self.reported_programme(programme).await?.code;
        let claims = self
            .store
            .filed_claims(&code)
            .await?
            .into_iter()
            .map(filed)
            .collect::<Result<Vec<_>, _>>()?;
        self.record_ok(
            caller,
            AuditAction::Read,
            AuditEntity::FundingClaims,
            &code,
            "case_number",
            &format!("{} claims", claims.len()),
        )
        .await?;
        Ok(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now(person: &str, cents: i64) -> ClaimLine {
        ClaimLine {
            person_id: person.into(),
            case_number: person.split('/').next().unwrap().into(),
            member_no: 1,
            arrived_on: Date::from_ordinal_date(2026, 10).unwrap(),
            adult: true,
            first_cohort: false,
            amount_cents: cents,
        }
    }

    fn was(person: &str, kind: &str, cents: i64) -> FiledLineRow {
        FiledLineRow {
            person_id: person.into(),
            case_number: person.split('/').next().unwrap().into(),
            member_no: 1,
            kind: kind.into(),
            amount_cents: cents,
            reason: None,
        }
    }

    #[test]
    fn a_later_claim_names_only_new_persons_and_corrects_changed_amounts() {
        let lines = lines_to_file(
            &[now("A/1", 100), now("B/1", 150), now("C/1", 100)],
            &[
                was("A/1", "claim", 100),
                was("B/1", "claim", 100),
                was("D/1", "claim", 100),
                was("D/1", "correction", 20),
            ],
            &BTreeSet::new(),
        );
        let got: Vec<(&str, LineKind, i64, Option<Correction>)> = lines
            .iter()
            .map(|l| (l.person_id.as_str(), l.kind, l.amount_cents, l.reason))
            .collect();
        assert_eq!(
            got,
            vec![
                ("C/1", LineKind::Claim, 100, None),
                (
                    "B/1",
                    LineKind::Correction,
                    50,
                    Some(Correction::AmountChanged)
                ),
                (
                    "D/1",
                    LineKind::Correction,
                    -120,
                    Some(Correction::NoLongerEligible)
                ),
            ]
        );
    }

    #[test]
    fn nothing_changed_files_nothing() {
        let none = BTreeSet::new();
        assert!(lines_to_file(&[now("A/1", 100)], &[was("A/1", "claim", 100)], &none).is_empty());
    }

    #[test]
    fn a_person_claimed_for_another_year_is_not_claimed_again() {
        let elsewhere = BTreeSet::from(["A/1"]);
        let lines = lines_to_file(&[now("A/1", 100), now("B/1", 100)], &[], &elsewhere);
        let got: Vec<&str> = lines.iter().map(|l| l.person_id.as_str()).collect();
        assert_eq!(got, ["B/1"]);
    }
}
