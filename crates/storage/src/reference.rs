//! Writing a programme's reference records: the programme, pledges, places, sponsor groups
//! and missions that cases refer to.
use std::collections::HashMap;

use resettle_domain::programme::ProgrammeImport;
use sqlx::{AnyConnection, Row};

use crate::StorageError;
use crate::batch::Rows;
use crate::unique::taken;

/// Ids of the records that case files refer to by code or name.
pub(crate) struct ReferenceIds {
    pub programme: i64,
    pub missions: HashMap<String, i64>,
    pub places: HashMap<String, i64>,
    pub sponsor_groups: HashMap<String, i64>,
}

/// Inserts the programme and its reference records; returns their ids.
pub(crate) async fn insert(
    conn: &mut AnyConnection,
    import: &ProgrammeImport,
) -> Result<ReferenceIds, StorageError> {
    let p = &import.programme;
    let programme: i64 = sqlx::query(
        "INSERT INTO programmes (code, name, state_code, policy_profile) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(p.code.clone())
    .bind(p.name.clone())
    .bind(p.state.as_str().to_string())
    .bind(p.policy_profile.clone())
    .fetch_one(&mut *conn)
    .await
    .map_err(taken("programme", &p.code))?
    .try_get(0)?;

    let mut pledges = Rows::new(
        "pledges",
        &[
            "programme_id",
            "year",
            "pledged",
            "arrived_before_resettle",
            "source",
        ],
    );
    for pl in &import.pledges {
        pledges.push([
            programme.into(),
            i64::from(pl.year).into(),
            pl.pledged.into(),
            pl.arrived_before_resettle.map(i64::from).into(),
            pl.source.as_str().into(),
        ]);
    }
    pledges.insert(conn, None).await?;

    let mut places = Rows::new(
        "reception_places",
        &[
            "programme_id",
            "code",
            "name",
            "kind",
            "municipality",
            "region",
            "capacity_persons",
        ],
    );
    for pl in &import.places {
        places.push([
            programme.into(),
            pl.code.as_str().into(),
            pl.name.as_str().into(),
            pl.kind.as_str().into(),
            pl.municipality.as_str().into(),
            pl.region.as_str().into(),
            pl.capacity_persons.into(),
        ]);
    }
    let places = id_map(places.insert(conn, Some("id, code")).await?)?;

    let mut sponsors = Rows::new(
        "sponsor_groups",
        &[
            "programme_id",
            "name",
            "municipality",
            "contact",
            "members",
            "capacity_persons",
        ],
    );
    for s in &import.sponsor_groups {
        sponsors.push([
            programme.into(),
            s.name.as_str().into(),
            s.municipality.as_str().into(),
            s.contact.as_str().into(),
            s.members.into(),
            s.capacity_persons.into(),
        ]);
    }
    let sponsor_groups = id_map(sponsors.insert(conn, Some("id, name")).await?)?;

    // One statement per mission (a programme plans a few a year): their days are written
    // as dates, which the multi-row builder binds as text.
    let mut missions = HashMap::new();
    for m in &import.missions {
        let id = crate::missions::insert_mission(&mut *conn, programme, m).await?;
        missions.insert(m.code.clone(), id);
    }

    Ok(ReferenceIds {
        programme,
        missions,
        places,
        sponsor_groups,
    })
}

fn id_map(rows: Vec<sqlx::any::AnyRow>) -> Result<HashMap<String, i64>, StorageError> {
    rows.iter()
        .map(|r| Ok((r.try_get::<String, _>(1)?, r.try_get::<i64, _>(0)?)))
        .collect()
}

/// Ids of an existing programme's reference records, for adding cases to it.
pub(crate) async fn load(
    conn: &mut AnyConnection,
    programme: &str,
) -> Result<ReferenceIds, StorageError> {
    let id = programme_id(conn, programme).await?;
    let mut map = async |sql: &'static str| -> Result<HashMap<String, i64>, StorageError> {
        id_map(sqlx::query(sql).bind(id).fetch_all(&mut *conn).await?)
    };
    Ok(ReferenceIds {
        programme: id,
        missions: map("SELECT id, code FROM selection_missions WHERE programme_id = $1").await?,
        places: map("SELECT id, code FROM reception_places WHERE programme_id = $1").await?,
        sponsor_groups: map("SELECT id, name FROM sponsor_groups WHERE programme_id = $1").await?,
    })
}

/// The id of the programme with this code, or `Missing`.
pub(crate) async fn programme_id(
    conn: &mut AnyConnection,
    programme: &str,
) -> Result<i64, StorageError> {
    Ok(sqlx::query("SELECT id FROM programmes WHERE code = $1")
        .bind(programme.to_string())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| StorageError::Missing {
            what: "programme",
            key: programme.to_string(),
        })?
        .try_get(0)?)
}
