//! The reception officer's day: the families arriving, soonest first, a page at a time,
//! and every reception place's occupancy against its capacity now, as the programme's
//! reception model counts it (`resettle_domain::reception::occupancy`).
use resettle_domain::audit::{AuditAction, AuditEntity};
use resettle_domain::reception::OccupancyRule;
use resettle_storage::{ExpectedArrival, PlaceOccupancy};
use serde::Serialize;

use crate::bounds::{CASES_PER_PAGE, PAGES, within};
use crate::{App, AppError, Caller, Permission};

/// What the reception page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReceptionDay {
    /// One page of the families whose departure date is set, soonest first.
    pub arrivals: Vec<ExpectedArrival>,
    /// Families on their way in all.
    pub arriving_families: i64,
    /// Persons arriving in all (those who travel, not members left behind).
    pub arriving_persons: i64,
    /// This page of arrivals, from 1.
    pub page: u32,
    /// Arrivals per page.
    pub per_page: u32,
    /// Every reception place, fullest first (share of capacity taken).
    pub places: Vec<PlaceOccupancy>,
    /// Free places in all (capacity less occupancy, never below zero per place).
    pub free_places: i64,
}

impl App {
    /// The reception day of a programme, for reception officers: page `page` (from 1)
    /// of `per_page` expected arrivals (default 50); the read is audited.
    pub async fn reception_day(
        &self,
        caller: &Caller,
        programme: &str,
        page: Option<u32>,
        per_page: Option<u32>,
    ) -> Result<ReceptionDay, AppError> {
        self.require(caller, Permission::Place, AuditEntity::Reception, programme)
            .await?;
        let page = within("page", page.unwrap_or(1), &PAGES)?;
        let per_page = within("per_page", per_page.unwrap_or(50), &CASES_PER_PAGE)?;
        let policy = self.programme_policy(programme).await?;
        let rule = OccupancyRule::on(policy.reception(), self.today());
        let arrivals = self
            .store
            .expected_arrivals(programme, page, per_page)
            .await?;
        let mut places = self.store.reception_occupancy(programme, &rule).await?;
        // Fullest first, so the places about to overflow lead.
        let fill =
            |p: &PlaceOccupancy| p.occupied_persons as f64 / p.capacity_persons.max(1) as f64;
        places.sort_by(|a, b| {
            fill(b)
                .total_cmp(&fill(a))
                .then_with(|| a.code.cmp(&b.code))
        });
        self.record_ok(
            caller,
            AuditAction::Read,
            AuditEntity::Reception,
            programme,
            "",
            "",
        )
        .await?;
        Ok(ReceptionDay {
            arriving_families: arrivals.families,
            arriving_persons: arrivals.persons,
            arrivals: arrivals.page,
            page,
            per_page,
            free_places: places
                .iter()
                .map(|p| (p.capacity_persons - p.occupied_persons).max(0))
                .sum(),
            places,
        })
    }
}
