//! What a reception officer's day starts from: who arrives when, and how full every
//! reception place is now.
use serde::Serialize;
use sqlx::Row;

use crate::{StorageError, Store, codec};

/// A reception place with the persons in it now (serialised as the reception page shows
/// it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlaceOccupancy {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// `centre`, `loi` or `municipality`.
    pub kind: String,
    /// Municipality it lies in.
    pub municipality: String,
    /// Declared capacity in persons.
    pub capacity_persons: i64,
    /// Persons of families in reception there now.
    pub occupied_persons: i64,
}

/// A family whose departure date is set: it arrives on that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpectedArrival {
    /// UNHCR case number.
    pub case_number: String,
    /// Persons travelling.
    pub family_size: i64,
    /// Nationality (ISO alpha-2).
    pub nationality: String,
    /// The departure date last told (YYYY-MM-DD), if any was recorded.
    pub departure_date: Option<String>,
}

impl Store {
    /// Every reception place of a programme with its occupancy now, by code.
    pub async fn reception_occupancy(
        &self,
        programme: &str,
    ) -> Result<Vec<PlaceOccupancy>, StorageError> {
        // One pass over the programme's families in reception, grouped by place (through
        // the programme-and-state index), joined to the places: a sum per place in a
        // correlated subquery scanned every case once per place (6.9 s at 100,000 cases).
        sqlx::query(
            "SELECT r.code, r.name, r.kind, r.municipality, r.capacity_persons, \
                    CAST(COALESCE(o.persons, 0) AS BIGINT) \
               FROM reception_places r JOIN programmes g ON g.id = r.programme_id \
               LEFT JOIN (SELECT c.reception_place_id AS place, SUM(c.family_size) AS persons \
                            FROM cases c JOIN programmes p ON p.id = c.programme_id \
                           WHERE p.code = $1 AND c.state = 'in_reception' \
                           GROUP BY c.reception_place_id) o ON o.place = r.id \
              WHERE g.code = $1 ORDER BY r.code",
        )
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(PlaceOccupancy {
                code: r.try_get(0)?,
                name: r.try_get(1)?,
                kind: r.try_get(2)?,
                municipality: r.try_get(3)?,
                capacity_persons: r.try_get(4)?,
                occupied_persons: r.try_get(5)?,
            })
        })
        .collect()
    }

    /// The families of a programme whose departure date is set, soonest first.
    pub async fn expected_arrivals(
        &self,
        programme: &str,
    ) -> Result<Vec<ExpectedArrival>, StorageError> {
        let rows = sqlx::query(
            "SELECT c.case_number, c.family_size, c.nationality, \
                    (SELECT p.promised_date FROM promises p WHERE p.case_id = c.id \
                       AND p.kind = 'departure' ORDER BY p.id DESC LIMIT 1) AS departs \
               FROM cases c JOIN programmes g ON g.id = c.programme_id \
              WHERE g.code = $1 AND c.state = 'departure_scheduled' \
              ORDER BY departs, c.case_number",
        )
        .bind(programme.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let departs: Option<String> = r.try_get(3)?;
                Ok(ExpectedArrival {
                    case_number: r.try_get(0)?,
                    family_size: r.try_get(1)?,
                    nationality: r.try_get(2)?,
                    departure_date: departs
                        .map(|d| codec::parse_date("promises.promised_date", &d))
                        .transpose()?
                        .map(|d| d.to_string()),
                })
            })
            .collect()
    }
}
