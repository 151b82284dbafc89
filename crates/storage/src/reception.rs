//! What a reception officer's day starts from: who arrives when, and how full every
//! reception place is now.
use resettle_domain::reception::{OccupancyRule, PlaceKind};
use serde::Serialize;
use sqlx::{AssertSqlSafe, Row};

use crate::stays::current_at_place;
use crate::{StorageError, Store, codec};

/// A reception place with the persons in it now (serialised as the reception page shows
/// it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaceOccupancy {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Centre, LOI or municipality.
    pub kind: PlaceKind,
    /// Municipality it lies in.
    pub municipality: String,
    /// Declared capacity in persons.
    pub capacity_persons: i64,
    /// Persons whose stay there is current on the day counted.
    pub occupied_persons: i64,
}

/// A family whose departure date is set: it arrives on that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpectedArrival {
    /// UNHCR case number.
    pub case_number: String,
    /// Persons travelling: the family less the members a split decision left behind.
    pub persons: i64,
    /// Nationality (ISO alpha-2).
    pub nationality: String,
    /// The departure date last told (YYYY-MM-DD), if any was recorded.
    pub departure_date: Option<String>,
}

/// The families on their way, one page of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpectedArrivals {
    /// This page, soonest departure first.
    pub page: Vec<ExpectedArrival>,
    /// Families on their way in all.
    pub families: i64,
    /// Persons travelling in all.
    pub persons: i64,
}

impl Store {
    /// Every reception place of a programme with its occupancy under `rule` (the stays
    /// current on its day, of the kinds its reception model counts), by code.
    pub async fn reception_occupancy(
        &self,
        programme: &str,
        rule: &OccupancyRule,
    ) -> Result<Vec<PlaceOccupancy>, StorageError> {
        // One grouped pass over the current stays, joined to the places: a sum per place
        // in a correlated subquery read every stay once per place.
        let sql = format!(
            "SELECT r.code, r.name, r.kind, r.municipality, r.capacity_persons, \
                    CAST(COALESCE(o.persons, 0) AS BIGINT) \
               FROM reception_places r JOIN programmes g ON g.id = r.programme_id \
               LEFT JOIN (SELECT s.place_id AS place, SUM(s.persons) AS persons \
                            FROM stays s WHERE s.place_id IS NOT NULL AND {} \
                           GROUP BY s.place_id) o ON o.place = r.id \
              WHERE g.code = $1 ORDER BY r.code",
            current_at_place(rule, "$2")
        );
        sqlx::query(AssertSqlSafe(sql))
            .bind(programme.to_string())
            .bind(codec::date(rule.day))
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| {
                Ok(PlaceOccupancy {
                    code: r.try_get(0)?,
                    name: r.try_get(1)?,
                    kind: codec::parse_word("reception_places.kind", &r.try_get::<String, _>(2)?)?,
                    municipality: r.try_get(3)?,
                    capacity_persons: r.try_get(4)?,
                    occupied_persons: r.try_get(5)?,
                })
            })
            .collect()
    }

    /// The families of a programme whose departure date is set, soonest first: page
    /// `page` (from 1) of `per_page`, with the families and persons on their way in all.
    pub async fn expected_arrivals(
        &self,
        programme: &str,
        page: u32,
        per_page: u32,
    ) -> Result<ExpectedArrivals, StorageError> {
        let totals = sqlx::query(
            "SELECT COUNT(*), CAST(COALESCE(SUM(c.travelling), 0) AS BIGINT) \
               FROM cases c JOIN programmes g ON g.id = c.programme_id \
              WHERE g.code = $1 AND c.state = 'departure_scheduled'",
        )
        .bind(programme.to_string())
        .fetch_one(&self.pool)
        .await?;
        let offset = u64::from(page.saturating_sub(1)) * u64::from(per_page);
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT c.case_number, c.travelling, c.nationality, CAST(c.departs_on AS TEXT) \
               FROM cases c JOIN programmes g ON g.id = c.programme_id \
              WHERE g.code = $1 AND c.state = 'departure_scheduled' \
              ORDER BY c.departs_on, c.case_number LIMIT {per_page} OFFSET {offset}"
        )))
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?;
        let page = rows
            .iter()
            .map(|r| {
                let departs: Option<String> = r.try_get(3)?;
                Ok(ExpectedArrival {
                    case_number: r.try_get(0)?,
                    persons: r.try_get(1)?,
                    nationality: r.try_get(2)?,
                    departure_date: departs
                        .map(|d| codec::parse_date("cases.departs_on", &d))
                        .transpose()?
                        .map(|d| d.to_string()),
                })
            })
            .collect::<Result<_, StorageError>>()?;
        Ok(ExpectedArrivals {
            page,
            families: totals.try_get(0)?,
            persons: totals.try_get(1)?,
        })
    }
}
