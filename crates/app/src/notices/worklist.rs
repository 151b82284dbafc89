//! The officers' work list of families to inform: promised dates that passed while the
//! case still waits for them (a departure date ten days past and no departure), and dates
//! that slipped without the family being told.
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::case::{CaseState, NoticeState, PromiseKind};
use serde::{Deserialize, Serialize};
use time::Date;

use crate::bounds::{CASES_PER_PAGE, PAGES, within};
use crate::{App, AppError, Caller, Permission};

/// A page of the work list (query parameters of `GET /api/v1/families-to-inform`).
#[derive(Debug, Clone, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InformQuery {
    /// Page, from 1 (at most 100,000).
    pub page: Option<u32>,
    /// Families per page, 1 to 500 (default 50).
    pub per_page: Option<u32>,
}

/// A family to inform, and why.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct FamilyToInformView {
    /// UNHCR case number.
    pub case_number: String,
    /// Where the case stands.
    pub state: CaseState,
    /// What the date is for: interview or departure.
    pub kind: PromiseKind,
    /// The date promised (the latest of its kind).
    #[schema(value_type = String, format = Date)]
    pub promised_date: Date,
    /// The day it was promised.
    #[schema(value_type = String, format = Date)]
    pub made_on: Date,
    /// Days since the date passed; absent if it has not.
    pub days_past: Option<i64>,
    /// Whether this date replaced an earlier one without the family being told since.
    pub slip_untold: bool,
    /// The state of the case's latest notice, if any.
    pub last_notice: Option<NoticeState>,
    /// Whether an e-mail address or phone number is on file to send a notice to.
    pub reachable: bool,
}

/// One page of the work list.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct FamiliesToInform {
    /// The families on this page: passed dates first, the longest passed first; then
    /// untold slips, the oldest first.
    pub items: Vec<FamilyToInformView>,
    /// How many there are in all.
    pub total: i64,
    /// This page, from 1.
    pub page: u32,
    /// Families per page.
    pub per_page: u32,
}

impl App {
    /// The families to inform, a page at a time, for the roles that inform families
    /// (case and reception officers); refused and audited for others. The read is
    /// audited with the number of families shown.
    pub async fn families_to_inform(
        &self,
        caller: &Caller,
        q: &InformQuery,
    ) -> Result<FamiliesToInform, AppError> {
        self.require(
            caller,
            Permission::InformFamilies,
            AuditEntity::FamiliesToInform,
            "",
        )
        .await?;
        let page = within("page", q.page.unwrap_or(1), &PAGES)?;
        let per_page = within("per_page", q.per_page.unwrap_or(50), &CASES_PER_PAGE)?;
        let today = self.today();
        let awaited: Vec<(PromiseKind, &[CaseState])> = PromiseKind::ALL
            .iter()
            .map(|&k| (k, k.awaited_in()))
            .collect();
        let offset = i64::from(page - 1) * i64::from(per_page);
        let (rows, total) = self
            .store
            .families_to_inform(today, &awaited, offset, i64::from(per_page))
            .await?;
        let items: Vec<FamilyToInformView> = rows
            .into_iter()
            .map(|r| FamilyToInformView {
                days_past: r.passed.then(|| (today - r.promised_date).whole_days()),
                case_number: r.case_number,
                state: r.state,
                kind: r.kind,
                promised_date: r.promised_date,
                made_on: r.made_on,
                slip_untold: r.slip_untold,
                last_notice: r.last_notice,
                reachable: r.reachable,
            })
            .collect();
        self.record_ok(
            caller,
            AuditAction::Read,
            AuditEntity::FamiliesToInform,
            "",
            "",
            &format!("page {page}: {} of {total} families", items.len()),
        )
        .await?;
        Ok(FamiliesToInform {
            items,
            total,
            page,
            per_page,
        })
    }
}
