//! The reception officer's day: the families arriving, soonest first, and every reception
//! place's occupancy against its capacity now.
use resettle_storage::{ExpectedArrival, PlaceOccupancy};
use serde::Serialize;

use crate::{App, AppError, Caller, Permission};

/// What the reception page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReceptionDay {
    /// Families whose departure date is set, soonest first.
    pub arrivals: Vec<ExpectedArrival>,
    /// Every reception place, fullest first (share of capacity taken).
    pub places: Vec<PlaceOccupancy>,
    /// Persons arriving in all.
    pub arriving_persons: i64,
    /// Free places in all (capacity less occupancy, never below zero per place).
    pub free_places: i64,
}

impl App {
    /// The reception day of a programme, for reception officers; the read is audited.
    pub async fn reception_day(
        &self,
        caller: &Caller,
        programme: &str,
    ) -> Result<ReceptionDay, AppError> {
        self.require(caller, Permission::Place, "reception", programme)
            .await?;
        let arrivals = self.store.expected_arrivals(programme).await?;
        let mut places = self.store.reception_occupancy(programme).await?;
        // Fullest first, so the places about to overflow lead.
        let fill =
            |p: &PlaceOccupancy| p.occupied_persons as f64 / p.capacity_persons.max(1) as f64;
        places.sort_by(|a, b| {
            fill(b)
                .total_cmp(&fill(a))
                .then_with(|| a.code.cmp(&b.code))
        });
        self.record_ok(caller, "read", "reception", programme, "", "")
            .await?;
        Ok(ReceptionDay {
            arriving_persons: arrivals.iter().map(|a| a.family_size).sum(),
            free_places: places
                .iter()
                .map(|p| (p.capacity_persons - p.occupied_persons).max(0))
                .sum(),
            arrivals,
            places,
        })
    }
}
