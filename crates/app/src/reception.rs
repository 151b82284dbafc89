//! The reception officer's day: the families arriving, soonest first, and every reception
//! place's occupancy against its capacity now.
use resettle_storage::{ExpectedArrival, PlaceOccupancy};
use serde::Serialize;

use crate::{App, AppError, Caller, Permission};

/// What the reception page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReceptionDay {
    /// Families whose departure date is set, soonest first.
    pub arrivals: Vec<Arrival>,
    /// Every reception place, fullest first.
    pub places: Vec<Occupancy>,
    /// Persons arriving in all.
    pub arriving_persons: i64,
    /// Free places in all (capacity less occupancy, never below zero per place).
    pub free_places: i64,
}

/// A family arriving.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Arrival {
    /// UNHCR case number.
    pub case_number: String,
    /// Persons.
    pub family_size: i64,
    /// Nationality (ISO alpha-2).
    pub nationality: String,
    /// The departure date last told (YYYY-MM-DD).
    pub departure_date: Option<String>,
}

/// A reception place now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Occupancy {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// `centre`, `loi` or `municipality`.
    pub kind: String,
    /// Municipality.
    pub municipality: String,
    /// Capacity in persons.
    pub capacity: i64,
    /// Persons in it now.
    pub occupied: i64,
    /// Whether more persons are in it than it holds.
    pub over: bool,
}

impl From<ExpectedArrival> for Arrival {
    fn from(a: ExpectedArrival) -> Self {
        Arrival {
            case_number: a.case_number,
            family_size: a.family_size,
            nationality: a.nationality,
            departure_date: a.departure_date,
        }
    }
}

impl From<PlaceOccupancy> for Occupancy {
    fn from(p: PlaceOccupancy) -> Self {
        Occupancy {
            over: p.occupied_persons > p.capacity_persons,
            code: p.code,
            name: p.name,
            kind: p.kind,
            municipality: p.municipality,
            capacity: p.capacity_persons,
            occupied: p.occupied_persons,
        }
    }
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
        let arrivals: Vec<Arrival> = self
            .store
            .expected_arrivals(programme)
            .await?
            .into_iter()
            .map(Arrival::from)
            .collect();
        let mut places: Vec<Occupancy> = self
            .store
            .reception_occupancy(programme)
            .await?
            .into_iter()
            .map(Occupancy::from)
            .collect();
        // Fullest first (share of capacity taken), so the places about to overflow lead.
        let fill = |p: &Occupancy| p.occupied as f64 / p.capacity.max(1) as f64;
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
                .map(|p| (p.capacity - p.occupied).max(0))
                .sum(),
            arrivals,
            places,
        })
    }
}
