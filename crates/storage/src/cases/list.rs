//! Listing cases with filters and pages, and the histories the overdue check reads.
use resettle_domain::case::{CaseState, Priority, SubmissionCategory};
use resettle_domain::policy::OverdueScreen;
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};
use time::Date;

use crate::codec::{self, parse_date, parse_timestamp, parse_word};
use crate::{StorageError, Store};

/// Which cases to list. Every filter is optional; they combine with AND.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseFilter {
    /// Only this programme.
    pub programme: Option<String>,
    /// Only cases in this state.
    pub state: Option<CaseState>,
    /// Only this priority.
    pub priority: Option<Priority>,
    /// Only this nationality (ISO alpha-2).
    pub nationality: Option<String>,
    /// Only this country of asylum (ISO alpha-2).
    pub country_of_asylum: Option<String>,
    /// Only cases with this submission category.
    pub category: Option<SubmissionCategory>,
    /// A member whose name has a word beginning with each word of this text (case,
    /// accents and vowel marks do not matter), or, when it has a digit, a case number
    /// containing it.
    pub q: Option<String>,
    /// Exactly this case number.
    pub case_number: Option<String>,
    /// Only the cases this organisation submitted (a UNHCR office's own submissions).
    pub submitted_by: Option<String>,
    /// Only the cases a user with limited scopes may see: those within any of them (a
    /// user who is both a municipality and a sponsor sees both sets).
    pub scope: Option<Vec<ScopeFilter>>,
}

/// The cases an organisation's users may see when they may not see all: the app layer
/// decides who is limited; this is how each limit reads in SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeFilter {
    /// Cases submitted by this organisation (a UNHCR office).
    SubmittedBy(String),
    /// Cases placed at a reception place run by, or in, this organisation (a
    /// municipality or local reception initiative), and the families on their way there
    /// (departure date set or just arrived, a place there confirmed), so a home can be
    /// got ready.
    PlacedWith(String),
    /// Cases sponsored by this group.
    SponsoredBy(String),
    /// Cases whose integration support this organisation gives.
    SupportedBy(String),
}

/// A case as listed: enough to find it and see where it stands, no personal details.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseSummary {
    /// UNHCR case number.
    pub case_number: String,
    /// Programme code.
    pub programme: String,
    /// Current state.
    pub state: CaseState,
    /// Priority.
    pub priority: Priority,
    /// `mission` or `dossier`.
    pub channel: String,
    /// Nationality.
    pub nationality: String,
    /// Country of asylum.
    pub country_of_asylum: String,
    /// Persons in the case.
    pub family_size: i64,
    /// Day of submission.
    pub submitted_on: Date,
    /// When the current state was entered.
    pub state_since: time::OffsetDateTime,
    /// Events so far.
    pub version: i64,
}

/// A case's priority and the day it entered each state, for time-limit checks.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenCaseHistory {
    /// UNHCR case number.
    pub case_number: String,
    /// Programme code (its policy profile sets the limits).
    pub programme: String,
    /// Priority.
    pub priority: Priority,
    /// Each state entered, with the day, oldest first.
    pub entries: Vec<(CaseState, Date)>,
}

/// An open case that may meet one of its programme's overdue screens, with the days the
/// screen's verdict reads.
#[derive(Debug, Clone, PartialEq)]
pub struct ScreenHit {
    /// UNHCR case number.
    pub case_number: String,
    /// Programme code.
    pub programme: String,
    /// Priority.
    pub priority: Priority,
    /// The state it is in.
    pub state: CaseState,
    /// The screen met: its place in the programme's list given.
    pub screen: usize,
    /// The first day it entered the screen's `from`.
    pub first_entered: Date,
    /// The last day it entered one of the screen's `stops`, if ever.
    pub last_stop: Option<Date>,
}

const SUMMARY_COLUMNS: &str = "c.case_number, g.code, c.state, c.priority, c.channel, \
     c.nationality, c.country_of_asylum, c.family_size, c.submitted_on, c.state_since, c.version";

fn summary(r: &AnyRow) -> Result<CaseSummary, StorageError> {
    Ok(CaseSummary {
        case_number: r.try_get(0)?,
        programme: r.try_get(1)?,
        state: parse_word("cases.state", &r.try_get::<String, _>(2)?)?,
        priority: parse_word("cases.priority", &r.try_get::<String, _>(3)?)?,
        channel: r.try_get(4)?,
        nationality: r.try_get(5)?,
        country_of_asylum: r.try_get(6)?,
        family_size: r.try_get(7)?,
        submitted_on: parse_date("cases.submitted_on", &r.try_get::<String, _>(8)?)?,
        state_since: parse_timestamp("cases.state_since", &r.try_get::<String, _>(9)?)?,
        version: r.try_get(10)?,
    })
}

/// The condition of a search for `q`: a family with, for every word typed, a member's name
/// word beginning with it (folded alike, so case, accents and Arabic vowel marks do not
/// matter, and both databases answer the same), each word a range over the index of name
/// words; and, when `q` has a digit as every case number does, a case number containing
/// it. Names without digits never pay for scanning every case number.
fn search(q: &str, binds: &mut Vec<String>) -> String {
    use resettle_domain::names::{prefix_end, words};
    let mut either = Vec::new();
    if q.chars().any(|c| c.is_ascii_digit()) {
        binds.push(format!(
            "%{}%",
            q.to_lowercase().replace('\\', "").replace(['%', '_'], "")
        ));
        either.push(format!("LOWER(c.case_number) LIKE ${}", binds.len()));
    }
    let typed = words(q);
    if !typed.is_empty() {
        let name: Vec<String> = typed
            .iter()
            .map(|w| {
                binds.push(w.clone());
                binds.push(prefix_end(w));
                format!(
                    "c.id IN (SELECT w.case_id FROM member_name_words w \
                     WHERE w.word >= ${} AND w.word < ${})",
                    binds.len() - 1,
                    binds.len()
                )
            })
            .collect();
        either.push(format!("({})", name.join(" AND ")));
    }
    match either.len() {
        0 => "FALSE".to_string(),
        _ => format!("({})", either.join(" OR ")),
    }
}

impl CaseFilter {
    /// The WHERE clause with numbered placeholders, and the values to bind in order.
    pub(crate) fn clause(&self) -> (String, Vec<String>) {
        let mut conditions = Vec::new();
        let mut binds = Vec::new();
        if let Some(q) = self.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            conditions.push(search(q, &mut binds));
        }
        let mut add = |sql: &str, value: String| {
            binds.push(value);
            conditions.push(sql.replace("$n", &format!("${}", binds.len())));
        };
        if let Some(p) = &self.programme {
            add("g.code = $n", p.clone());
        }
        if let Some(s) = self.state {
            add("c.state = $n", s.as_str().to_string());
        }
        if let Some(p) = self.priority {
            add("c.priority = $n", p.as_str().to_string());
        }
        if let Some(n) = &self.nationality {
            add("c.nationality = $n", n.to_ascii_uppercase());
        }
        if let Some(c) = &self.country_of_asylum {
            add("c.country_of_asylum = $n", c.to_ascii_uppercase());
        }
        if let Some(c) = self.category {
            add(
                "EXISTS (SELECT 1 FROM case_categories k WHERE k.case_id = c.id AND k.category = $n)",
                c.as_str().to_string(),
            );
        }
        if let Some(n) = &self.case_number {
            add("c.case_number = $n", n.clone());
        }
        if let Some(o) = &self.submitted_by {
            add("c.submitted_by = $n", o.clone());
        }
        if let Some(scopes) = &self.scope {
            // One placeholder for all the limits' organisations would not do: each limit
            // binds its own value, and the limits unite.
            let mut either = Vec::new();
            for s in scopes {
                let n = format!("${}", binds.len() + 1);
                let (sql, org) = match s {
                    ScopeFilter::SubmittedBy(org) => ("c.submitted_by = $n", org),
                    // The municipality the family lives in now (it follows every move), or
                    // the reception place run by the organisation while the family is in
                    // it, or the place confirmed for a family on its way (departure date
                    // set, or arrived and not yet taken there).
                    // Each way in is read from an index of its own (the municipality, the
                    // current place, the confirmed proposals), united: one condition with
                    // ORs made both databases read every family in reception.
                    ScopeFilter::PlacedWith(org) => (
                        "c.id IN (SELECT m.id FROM cases m WHERE m.municipality = $n \
                         UNION SELECT h.id FROM cases h WHERE h.reception_place_id IN \
                         (SELECT r.id FROM reception_places r WHERE r.name = $n) \
                         AND h.state = 'in_reception' \
                         UNION SELECT w.id FROM placement_proposals p \
                         JOIN cases w ON w.case_number = p.case_number \
                         JOIN reception_places r ON r.programme_id = w.programme_id \
                         AND r.code = p.place_code \
                         WHERE p.status = 'confirmed' \
                         AND w.state IN ('departure_scheduled', 'arrived') \
                         AND (r.municipality = $n OR r.name = $n))",
                        org,
                    ),
                    ScopeFilter::SponsoredBy(org) => (
                        "c.sponsor_group_id IN (SELECT s.id FROM sponsor_groups s \
                         WHERE s.name = $n)",
                        org,
                    ),
                    ScopeFilter::SupportedBy(org) => (
                        "c.id IN (SELECT sp.case_id FROM support_plans sp \
                         WHERE sp.provider = $n)",
                        org,
                    ),
                };
                binds.push(org.clone());
                either.push(sql.replace("$n", &n));
            }
            conditions.push(if either.is_empty() {
                "1 = 0".to_string()
            } else {
                format!("({})", either.join(" OR "))
            });
        }
        let clause = if conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conditions.join(" AND "))
        };
        (clause, binds)
    }
}

impl Store {
    /// One page of cases matching `filter`, newest submission first, and the total count.
    pub async fn list_cases(
        &self,
        filter: &CaseFilter,
        page: u32,
        per_page: u32,
    ) -> Result<(Vec<CaseSummary>, i64), StorageError> {
        let (clause, binds) = filter.clause();
        let from = format!(" FROM cases c JOIN programmes g ON g.id = c.programme_id{clause}");
        let mut count = sqlx::query(AssertSqlSafe(format!("SELECT COUNT(*){from}")));
        for b in &binds {
            count = count.bind(b.clone());
        }
        let total: i64 = count.fetch_one(&self.pool).await?.try_get(0)?;
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}{from} ORDER BY c.submitted_on DESC, c.case_number \
             LIMIT {} OFFSET {}",
            per_page,
            u64::from(page.saturating_sub(1)) * u64::from(per_page)
        );
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for b in binds {
            q = q.bind(b);
        }
        let rows = q.fetch_all(&self.pool).await?;
        Ok((rows.iter().map(summary).collect::<Result<_, _>>()?, total))
    }

    /// Summaries of the named cases, in the order named (unknown numbers are skipped).
    pub async fn case_summaries(
        &self,
        numbers: &[String],
    ) -> Result<Vec<CaseSummary>, StorageError> {
        let mut out = Vec::with_capacity(numbers.len());
        for chunk in numbers.chunks(500) {
            let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT {SUMMARY_COLUMNS} FROM cases c JOIN programmes g ON g.id = c.programme_id \
                 WHERE c.case_number IN ({})",
                placeholders.join(", ")
            );
            let mut q = sqlx::query(AssertSqlSafe(sql));
            for n in chunk {
                q = q.bind(n.clone());
            }
            for r in q.fetch_all(&self.pool).await? {
                out.push(summary(&r)?);
            }
        }
        let rank = |n: &str| numbers.iter().position(|x| x == n);
        out.sort_by_key(|s| rank(&s.case_number));
        Ok(out)
    }

    /// The open cases of each screen's priority, in one of its current states, that first
    /// entered its `from` before its day (`screens`, per programme code), each with that
    /// first day and the last day it entered one of the screen's `stops`, for
    /// [`OverdueScreen::verdict`] to decide (a case that entered a stop since is on time).
    /// One range of `case_state_days`' screen index per current state and a lookup of the
    /// stops per case found; not a pass over the events (878 ms at 100,000 cases).
    pub async fn overdue_candidates(
        &self,
        screens: &[(String, Vec<OverdueScreen>)],
    ) -> Result<Vec<ScreenHit>, StorageError> {
        let mut binds: Vec<String> = Vec::new();
        let mut bind = |value: String| {
            binds.push(value);
            format!("${}", binds.len())
        };
        // Each screen's rows carry its number in `met`, which names its programme and
        // screen again.
        let mut each = Vec::new();
        let mut met: Vec<(&str, usize, &OverdueScreen)> = Vec::new();
        for (programme, screens) in screens {
            for (i, s) in screens.iter().enumerate() {
                if s.current.is_empty() {
                    continue;
                }
                let code = bind(programme.to_string());
                let priority = bind(s.priority.as_str().to_string());
                let from = bind(s.from.as_str().to_string());
                let before = bind(codec::date(s.entered_before));
                let mut list = |states: &[CaseState]| {
                    let marks: Vec<String> = states
                        .iter()
                        .map(|c| bind(c.as_str().to_string()))
                        .collect();
                    marks.join(", ")
                };
                let current = list(&s.current);
                let stops = list(&s.stops); // never empty: `to` is one
                // CROSS JOIN: SQLite then starts from the screen's index range, never from
                // a pass over the programme's cases (which took 250 ms); PostgreSQL reads it
                // as the inner join it is.
                each.push(format!(
                    "SELECT CAST({} AS BIGINT), c.case_number, f.now_in, f.first_on, \
                       (SELECT MAX(s.last_on) FROM case_state_days s \
                         WHERE s.case_id = f.case_id AND s.state IN ({stops})) \
                       FROM case_state_days f CROSS JOIN cases c \
                      WHERE f.state = {from} AND f.priority = {priority} \
                        AND f.now_in IN ({current}) AND f.first_on < {before} \
                        AND f.now_in NOT IN ('closed', 'withdrawn', 'deceased') \
                        AND c.id = f.case_id \
                        AND c.programme_id = (SELECT g.id FROM programmes g WHERE g.code = {code})",
                    met.len()
                ));
                met.push((programme, i, s));
            }
        }
        if each.is_empty() {
            return Ok(Vec::new());
        }
        let mut q = sqlx::query(AssertSqlSafe(each.join(" UNION ALL ")));
        for b in binds {
            q = q.bind(b);
        }
        q.fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| {
                let (programme, screen, s) = usize::try_from(r.try_get::<i64, _>(0)?)
                    .ok()
                    .and_then(|k| met.get(k))
                    .expect("each row carries the number its screen's SELECT wrote");
                let last_stop: Option<String> = r.try_get(4)?;
                Ok(ScreenHit {
                    case_number: r.try_get(1)?,
                    programme: programme.to_string(),
                    priority: s.priority,
                    state: parse_word("case_state_days.now_in", &r.try_get::<String, _>(2)?)?,
                    screen: *screen,
                    first_entered: parse_date(
                        "case_state_days.first_on",
                        &r.try_get::<String, _>(3)?,
                    )?,
                    last_stop: last_stop
                        .map(|d| parse_date("case_state_days.last_on", &d))
                        .transpose()?,
                })
            })
            .collect()
    }

    /// The named cases' priorities and the day they entered each state, oldest first, for
    /// the time-limit rule to decide where the days alone do not (unknown numbers are
    /// skipped).
    pub async fn state_histories(
        &self,
        numbers: &[String],
    ) -> Result<Vec<OpenCaseHistory>, StorageError> {
        let mut out: Vec<OpenCaseHistory> = Vec::new();
        for chunk in numbers.chunks(500) {
            let marks: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "SELECT c.case_number, g.code, c.priority, e.to_state, substr(e.at, 1, 10) \
                   FROM cases c JOIN programmes g ON g.id = c.programme_id \
                   JOIN case_events e ON e.case_id = c.id \
                  WHERE c.case_number IN ({}) ORDER BY c.id, e.seq",
                marks.join(", ")
            );
            let mut q = sqlx::query(AssertSqlSafe(sql));
            for n in chunk {
                q = q.bind(n.clone());
            }
            for r in &q.fetch_all(&self.pool).await? {
                let number: String = r.try_get(0)?;
                if out.last().is_none_or(|h| h.case_number != number) {
                    out.push(OpenCaseHistory {
                        case_number: number,
                        programme: r.try_get(1)?,
                        priority: parse_word("cases.priority", &r.try_get::<String, _>(2)?)?,
                        entries: Vec::new(),
                    });
                }
                let on = parse_date("case_events.at", &r.try_get::<String, _>(4)?)?;
                let state = parse_word("case_events.to_state", &r.try_get::<String, _>(3)?)?;
                out.last_mut()
                    .expect("pushed above")
                    .entries
                    .push((state, on));
            }
        }
        Ok(out)
    }
}

impl Store {
    /// Whether a case exists within a scope.
    pub async fn case_in_scope(
        &self,
        number: &str,
        scope: Vec<ScopeFilter>,
    ) -> Result<bool, StorageError> {
        let filter = CaseFilter {
            case_number: Some(number.to_string()),
            scope: Some(scope),
            ..CaseFilter::default()
        };
        Ok(self.list_cases(&filter, 1, 1).await?.1 > 0)
    }
}
