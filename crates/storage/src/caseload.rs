//! Importing a whole programme with its cases in one transaction, and emptying a database.
//! A large import (the 100,000-case demo) adds its cases in batches to an [`OpenImport`],
//! so that its caller never holds them all, yet commits them all or none.
use std::collections::{HashMap, HashSet};

use resettle_domain::case::CaseFile;
use resettle_domain::programme::ProgrammeImport;
use resettle_domain::reception::StayKind;
use resettle_domain::{Refusal, RefusalKind};
use sqlx::{AnyConnection, Row};

use crate::batch::{Cell, Rows};
use crate::reference::{self, ReferenceIds};
use crate::support::{ImportedSupport, insert_support};
use crate::{NewAuditEntry, StorageError, Store, WriteTx, codec};

/// What an import wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Cases written.
    pub cases: usize,
    /// Family members written.
    pub persons: usize,
    /// Lifecycle events written.
    pub events: usize,
}

/// Tables in an order that deletes children before parents.
const TABLES_CHILD_FIRST: &[&str] = &[
    "sessions",
    "api_tokens",
    "users",
    "organisations",
    "fair_share_scenarios",
    "policy_profiles",
    "integration_outcomes",
    "family_sessions",
    "family_codes",
    "programme_holds",
    "placement_proposals",
    "placement_runs",
    "after_arrival_steps",
    "stays",
    "arrivals",
    "support_tasks",
    "wellbeing_checkins",
    "support_contacts",
    "support_goals",
    "support_plans",
    "reunification_requests",
    "family_notices",
    "family_contacts",
    "promises",
    "case_state_days",
    "case_events",
    "medical_records",
    "member_name_words",
    "family_members",
    "case_links",
    "case_categories",
    "cases",
    "selection_missions",
    "sponsor_groups",
    "reception_places",
    "pledges",
    "programmes",
];

impl Store {
    /// Writes a programme with its reference records and case files. Every case file is
    /// checked before it is written (its history must be a legal walk; the places it names
    /// must exist); on any refusal the transaction is dropped and nothing is written.
    pub async fn import_programme(
        &self,
        import: &ProgrammeImport,
        audit: &[NewAuditEntry],
    ) -> Result<ImportSummary, StorageError> {
        let mut open = self.begin_import(import, false).await?;
        open.add_cases(&import.cases, &[], "", &[]).await?;
        open.commit(audit).await
    }

    /// Opens an import of `reference`'s programme and reference records (its `cases` are
    /// not written: add them with [`OpenImport::add_cases`]), after deleting all data
    /// first when `replace` is set. Nothing is visible, and the deletion not done, until
    /// [`OpenImport::commit`]; an import dropped before, or refused on a batch, writes
    /// nothing and deletes nothing.
    pub async fn begin_import(
        &self,
        reference: &ProgrammeImport,
        replace: bool,
    ) -> Result<OpenImport<'_>, StorageError> {
        let mut tx = self.begin_write().await?;
        if replace {
            delete_all_in(&mut tx).await?;
        }
        let ids = reference::insert(&mut tx, reference).await?;
        Ok(OpenImport {
            store: self,
            tx,
            ids,
            known: KnownCodes::of(reference),
            municipalities: reference
                .places
                .iter()
                .map(|p| (p.code.clone(), p.municipality.clone()))
                .collect(),
            summary: ImportSummary::default(),
        })
    }

    /// Deletes every row of every application table, keeping the schema; used to replace
    /// the demo caseload.
    pub async fn delete_all_data(&self, audit: &[NewAuditEntry]) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        delete_all_in(&mut tx).await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }
}

/// An import under way in one write transaction: a programme and its reference records
/// written, its cases added batch by batch. Dropping it rolls everything back.
pub struct OpenImport<'s> {
    store: &'s Store,
    tx: WriteTx,
    ids: ReferenceIds,
    known: KnownCodes,
    municipalities: HashMap<String, String>,
    summary: ImportSummary,
}

impl OpenImport<'_> {
    /// Checks and writes a batch of case files with the support of their families (see
    /// [`ImportedSupport`]), by `recorded_by`, and `audit`, the entries recording them. On
    /// a refusal the error names the case, and the caller drops the import, so that
    /// nothing of it stays written. The entries are appended now, not held to the commit:
    /// from the first batch with entries, the audit chain stays locked until the import
    /// commits or is dropped (on PostgreSQL other audited writes wait; on SQLite the
    /// import holds the only writer anyway).
    pub async fn add_cases(
        &mut self,
        files: &[CaseFile],
        support: &[ImportedSupport],
        recorded_by: &str,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        validate_files(files, &self.known)?;
        let keys = self.store.keys.as_deref();
        let (added, case_ids) =
            insert_cases(&mut self.tx, &self.ids, files, &self.municipalities, keys).await?;
        insert_support(&mut self.tx, keys, &case_ids, support, recorded_by).await?;
        // Appended now, so that they need not be held to the end (at 100,000 cases they
        // are some 200,000 entries); the chain's head is announced at commit, when they
        // become visible, by the commit's own append, which follows them.
        if !audit.is_empty() {
            let _ = self.store.append_audit_in(&mut self.tx, audit).await?;
        }
        self.summary.cases += added.cases;
        self.summary.persons += added.persons;
        self.summary.events += added.events;
        Ok(())
    }

    /// The import's transaction, for the writes other modules add to it.
    pub(crate) fn conn(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }

    /// The store the import writes to.
    pub(crate) fn store(&self) -> &Store {
        self.store
    }

    /// Records which organisation submitted the cases from one country of asylum (the
    /// UNHCR office there), as [`Store::set_submitted_by`] does; returns how many.
    pub async fn set_submitted_by(
        &mut self,
        country_of_asylum: &str,
        organisation: &str,
    ) -> Result<u64, StorageError> {
        crate::cases::submitted_by_in(&mut self.tx, country_of_asylum, organisation).await
    }

    /// Appends `audit` and commits everything added; returns what was written.
    pub async fn commit(mut self, audit: &[NewAuditEntry]) -> Result<ImportSummary, StorageError> {
        let head = self.store.append_audit_in(&mut self.tx, audit).await?;
        self.tx.commit().await?;
        self.store.committed(head);
        Ok(self.summary)
    }
}

/// Deletes every row of every application table, children first.
async fn delete_all_in(conn: &mut AnyConnection) -> Result<(), StorageError> {
    for t in TABLES_CHILD_FIRST {
        sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DELETE FROM {t}")))
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The codes case files may refer to.
pub(crate) struct KnownCodes {
    pub missions: HashSet<String>,
    pub places: HashSet<String>,
    pub sponsor_groups: HashSet<String>,
}

impl KnownCodes {
    /// The missions, places and sponsor groups of an import.
    fn of(import: &ProgrammeImport) -> Self {
        KnownCodes {
            missions: import.missions.iter().map(|m| m.code.clone()).collect(),
            places: import.places.iter().map(|p| p.code.clone()).collect(),
            sponsor_groups: import
                .sponsor_groups
                .iter()
                .map(|s| s.name.clone())
                .collect(),
        }
    }
}

/// Refuses the first invalid case file, naming it: an illegal history, a family without
/// a principal applicant, a medical record of nobody, a reference to an unknown place.
pub(crate) fn validate_files(files: &[CaseFile], known: &KnownCodes) -> Result<(), StorageError> {
    let (missions, places, sponsors) = (&known.missions, &known.places, &known.sponsor_groups);
    let mut numbers = HashSet::new();
    for f in files {
        let n = f.case.case_number.as_str();
        let refuse = |r: Refusal| StorageError::Refused(r.within(format!("case {n}")));
        let not_in_import = |field: String, given: String| {
            refuse(Refusal::of(field, RefusalKind::NotDefined { given }))
        };
        if !numbers.insert(n) {
            return Err(StorageError::Duplicate {
                what: "case",
                key: n.to_string(),
            });
        }
        f.case.validate().map_err(refuse)?;
        f.state()
            .map_err(|e| refuse(Refusal::from(e).within("events")))?;
        let member_nos: HashSet<u32> = f.case.members.iter().map(|m| m.member_no).collect();
        let mut seen = HashSet::new();
        if let Some(twice) = f.case.members.iter().find(|m| !seen.insert(m.member_no)) {
            return Err(refuse(Refusal::of(
                "members",
                RefusalKind::MemberTwice {
                    given: twice.member_no.to_string(),
                },
            )));
        }
        if let Some(m) = f
            .medical
            .iter()
            .find(|m| !member_nos.contains(&m.member_no))
        {
            return Err(not_in_import("medical".into(), m.member_no.to_string()));
        }
        for (what, key, known) in [
            ("mission", &f.mission, &missions),
            ("reception_place", &f.reception_place, &places),
            ("sponsor_group", &f.sponsor_group, &sponsors),
        ] {
            if let Some(k) = key
                && !known.contains(k)
            {
                return Err(not_in_import(what.into(), k.clone()));
            }
        }
        for (i, s) in f.stays.iter().enumerate() {
            let known = if s.kind == StayKind::Sponsor {
                sponsors
            } else {
                places
            };
            if let Some(k) = &s.place
                && !known.contains(k)
            {
                return Err(not_in_import(format!("stays[{i}].place"), k.clone()));
            }
        }
    }
    Ok(())
}

/// Writes checked case files with all their rows; returns what was written and the id of
/// each case by its number.
pub(crate) async fn insert_cases(
    conn: &mut AnyConnection,
    ids: &ReferenceIds,
    files: &[CaseFile],
    place_municipalities: &HashMap<String, String>,
    keys: Option<&resettle_secure::cipher::Keyring>,
) -> Result<(ImportSummary, HashMap<String, i64>), StorageError> {
    let mut cases = Rows::new(
        "cases",
        &[
            "programme_id",
            "case_number",
            "country_of_asylum",
            "nationality",
            "priority",
            "channel",
            "submitted_on",
            "family_size",
            "state",
            "state_since",
            "version",
            "mission_id",
            "reception_place_id",
            "sponsor_group_id",
            "municipality",
            "travelling",
            "departs_on",
        ],
    );
    for f in files {
        let c = &f.case;
        let last = f
            .events
            .last()
            .expect("validated: a history is never empty");
        let lookup = |map: &HashMap<String, i64>, key: &Option<String>| {
            key.as_ref().map(|k| map[k.as_str()])
        };
        cases.push([
            ids.programme.into(),
            c.case_number.as_str().into(),
            c.country_of_asylum.as_str().into(),
            c.nationality.as_str().into(),
            c.priority.as_str().into(),
            c.channel.as_str().into(),
            Cell::from(c.submitted_on),
            (c.members.len() as i64).into(),
            last.to.as_str().into(),
            Cell::from(last.at),
            (f.events.len() as i64).into(),
            lookup(&ids.missions, &f.mission).into(),
            lookup(&ids.places, &f.reception_place).into(),
            lookup(&ids.sponsor_groups, &f.sponsor_group).into(),
            f.moved_to_municipality()
                .map(str::to_string)
                .or_else(|| {
                    f.reception_place
                        .as_ref()
                        .and_then(|p| place_municipalities.get(p).cloned())
                })
                .into(),
            (f.travelling().len() as i64).into(),
            Cell::from(
                f.promises
                    .iter()
                    .rfind(|p| p.kind == resettle_domain::case::PromiseKind::Departure)
                    .map(|p| p.promised_date),
            ),
        ]);
    }
    let inserted = cases
        .insert(conn, Some("id, case_number"))
        .await
        .map_err(|e| duplicate_case(e, files))?;
    let case_ids: HashMap<String, i64> = inserted
        .iter()
        .map(|r| Ok((r.try_get::<String, _>(1)?, r.try_get::<i64, _>(0)?)))
        .collect::<Result<_, sqlx::Error>>()?;

    let mut categories = Rows::new("case_categories", &["case_id", "position", "category"]);
    let mut links = Rows::new("case_links", &["case_id", "linked_case_number"]);
    let mut members = Rows::new(
        "family_members",
        &[
            "case_id",
            "member_no",
            "full_name",
            "date_of_birth",
            "sex",
            "relationship",
            "languages",
            "education",
            "occupation",
        ],
    );
    let mut name_words = Rows::new("member_name_words", &["word", "case_id"]);
    let mut medical = Rows::new("medical_records", crate::cases::medical::COLUMNS);
    let mut events = Rows::new(
        "case_events",
        &[
            "case_id",
            "seq",
            "at",
            "actor",
            "from_state",
            "to_state",
            "reason",
            "payload",
            "reason_code",
        ],
    );
    let mut promises = Rows::new(
        "promises",
        &[
            "case_id",
            "kind",
            "promised_date",
            "made_on",
            "slip_reason",
            "family_notified_on",
            "slip_reason_code",
        ],
    );
    let mut reunification = Rows::new(
        "reunification_requests",
        &[
            "case_id",
            "relative_name",
            "relationship",
            "location",
            "status",
            "requested_on",
            "resolved_on",
            "decision_reason",
            "dependency",
            "evidence",
            "due_on",
        ],
    );
    let mut support = Rows::new(
        "support_plans",
        &[
            "case_id",
            "provider",
            "provider_kind",
            "starts_on",
            "months",
        ],
    );
    let mut outcomes = Rows::new(
        "integration_outcomes",
        &["case_id", "member_no", "months", "employed", "recorded_on"],
    );
    let mut after_arrival = Rows::new("after_arrival_steps", &["case_id", "name", "done_on"]);
    let mut stays = Rows::new(
        "stays",
        &[
            "case_id",
            "kind",
            "place_id",
            "sponsor_group_id",
            "from_on",
            "until_on",
            "persons",
            "reason",
            "over_capacity_reason",
        ],
    );
    let mut arrivals = Rows::new(
        "arrivals",
        &["case_id", "programme_id", "arrived_on", "persons"],
    );
    let mut state_days = Rows::new(
        "case_state_days",
        &[
            "case_id",
            "state",
            "first_on",
            "last_on",
            "priority",
            "now_in",
            "entered_after",
        ],
    );
    let mut summary = ImportSummary {
        cases: files.len(),
        persons: 0,
        events: 0,
    };
    for f in files {
        let id = case_ids[f.case.case_number.as_str()];
        for (i, c) in f.case.categories.iter().enumerate() {
            categories.push([id.into(), (i as i64).into(), c.as_str().into()]);
        }
        for l in &f.case.linked_cases {
            links.push([id.into(), l.as_str().into()]);
        }
        for m in &f.case.members {
            members.push([
                id.into(),
                m.member_no.into(),
                m.full_name.as_str().into(),
                Cell::from(m.date_of_birth),
                m.sex.as_str().into(),
                m.relationship.as_str().into(),
                m.languages.join(",").into(),
                m.education.clone().into(),
                m.occupation.clone().into(),
            ]);
        }
        for word in case_name_words(f.case.members.iter().map(|m| m.full_name.as_str())) {
            name_words.push([word.into(), id.into()]);
        }
        summary.persons += f.case.members.len();
        for m in &f.medical {
            let number = f.case.case_number.as_str();
            medical.push(crate::cases::medical::row(keys, id, number, m)?);
        }
        for e in &f.events {
            events.push([
                id.into(),
                e.seq.into(),
                Cell::from(e.at),
                e.actor.as_str().into(),
                e.from.map(|s| s.as_str().to_string()).into(),
                e.to.as_str().into(),
                e.reason.as_str().into(),
                e.payload.to_string().into(),
                e.reason_code.clone().into(),
            ]);
        }
        let spans = crate::cases::state_days::of_history(f.events.iter().map(|e| (e.to, e.at)));
        let now_in = f.events.last().map(|e| e.to.as_str());
        for (state, span) in spans {
            state_days.push([
                id.into(),
                state.as_str().into(),
                Cell::from(span.first_on),
                Cell::from(span.last_on),
                f.case.priority.as_str().into(),
                now_in.unwrap_or_default().into(),
                span.entered_after.into(),
            ]);
        }
        summary.events += f.events.len();
        for p in &f.promises {
            promises.push([
                id.into(),
                p.kind.as_str().into(),
                Cell::from(p.promised_date),
                Cell::from(p.made_on),
                p.slip_reason.clone().into(),
                Cell::from(p.family_notified_on),
                p.slip_reason_code.clone().into(),
            ]);
        }
        for r in &f.reunification {
            reunification.push([
                id.into(),
                r.relative_name.as_str().into(),
                r.relationship.as_str().into(),
                r.location.as_str().into(),
                r.status.as_str().into(),
                Cell::from(r.requested_on),
                Cell::from(r.resolved_on),
                r.reason.clone().into(),
                codec::words(&r.dependency).into(),
                codec::words(&r.evidence).into(),
                Cell::from(r.due_on),
            ]);
        }
        for o in &f.outcomes {
            outcomes.push([
                id.into(),
                o.member_no.into(),
                o.months.into(),
                Cell::from(o.employed),
                o.recorded_on.into(),
            ]);
        }
        for (name, on) in &f.after_arrival {
            after_arrival.push([id.into(), name.as_str().into(), Cell::from(*on)]);
        }
        for s in &f.stays {
            let (place, group) = match (&s.place, s.kind) {
                (Some(name), StayKind::Sponsor) => (None, Some(ids.sponsor_groups[name.as_str()])),
                (Some(code), _) => (Some(ids.places[code.as_str()]), None),
                (None, _) => (None, None),
            };
            stays.push([
                id.into(),
                s.kind.as_str().into(),
                place.into(),
                group.into(),
                Cell::from(s.from),
                Cell::from(s.until),
                s.persons.into(),
                s.reason.as_str().into(),
                s.over_capacity_reason.clone().into(),
            ]);
        }
        if let Some(on) = f.arrived_on() {
            arrivals.push([
                id.into(),
                ids.programme.into(),
                Cell::from(on),
                (f.travelling().len() as i64).into(),
            ]);
        }
        if let Some(s) = &f.support {
            support.push([
                id.into(),
                s.provider.as_str().into(),
                s.provider_kind.as_str().into(),
                s.starts_on.into(),
                s.months.into(),
            ]);
        }
    }
    for rows in [
        categories,
        links,
        members,
        name_words,
        medical,
        events,
        state_days,
        promises,
        reunification,
        support,
        outcomes,
        stays,
        after_arrival,
        arrivals,
    ] {
        rows.insert(conn, None).await?;
    }
    Ok((summary, case_ids))
}

/// The words a case's family is found by: every member's, each once.
pub(crate) fn case_name_words<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut words: Vec<String> = names.flat_map(resettle_domain::names::words).collect();
    words.sort();
    words.dedup();
    words
}

/// Fills the name words of every case from its members' names: once, after the migration
/// that made the table, in its transaction.
pub(crate) async fn fill_name_words(conn: &mut AnyConnection) -> Result<(), StorageError> {
    let rows = sqlx::query("SELECT case_id, full_name FROM family_members ORDER BY case_id")
        .fetch_all(&mut *conn)
        .await?;
    let mut by_case: Vec<(i64, Vec<String>)> = Vec::new();
    for r in &rows {
        let (case, name): (i64, String) = (r.try_get(0)?, r.try_get(1)?);
        match by_case.last_mut() {
            Some((c, names)) if *c == case => names.push(name),
            _ => by_case.push((case, vec![name])),
        }
    }
    let mut words = Rows::new("member_name_words", &["word", "case_id"]);
    for (case, names) in &by_case {
        for word in case_name_words(names.iter().map(String::as_str)) {
            words.push([word.into(), (*case).into()]);
        }
    }
    words.insert(conn, None).await?;
    Ok(())
}

/// Turns a unique violation on `cases.case_number` into a refusal naming a case number
/// already in the database.
fn duplicate_case(e: StorageError, files: &[CaseFile]) -> StorageError {
    match &e {
        StorageError::Database(sqlx::Error::Database(db)) if db.is_unique_violation() => {
            // SQLite names the value in its message, PostgreSQL only the constraint; a
            // single new case is that case either way.
            let msg = db.message();
            let numbers = || files.iter().map(|f| f.case.case_number.as_str());
            let key = numbers()
                .find(|n| msg.contains(n))
                .or_else(|| numbers().next().filter(|_| files.len() == 1))
                .unwrap_or("(one of the imported cases)");
            StorageError::Duplicate {
                what: "case",
                key: key.to_string(),
            }
        }
        _ => e,
    }
}
