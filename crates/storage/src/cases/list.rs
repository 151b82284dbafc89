//! Listing cases with filters and pages.
use resettle_domain::case::{CaseState, ListPosition, Priority, SubmissionCategory};
use sqlx::any::AnyRow;
use sqlx::{AssertSqlSafe, Row};
use time::Date;

use crate::codec::{parse_date, parse_timestamp, parse_word};
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

pub(super) const SUMMARY_COLUMNS: &str = "c.case_number, g.code, c.state, c.priority, c.channel, \
     c.nationality, c.country_of_asylum, c.family_size, CAST(c.submitted_on AS TEXT), \
     CAST(c.state_since AS TEXT), c.version";

pub(super) fn summary(r: &AnyRow) -> Result<CaseSummary, StorageError> {
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
        self.clause_after(Vec::new())
    }

    /// The WHERE clause for a statement that binds `binds` before it: its placeholders
    /// number on from theirs, and its values follow them.
    pub(crate) fn clause_after(&self, mut binds: Vec<String>) -> (String, Vec<String>) {
        let mut conditions = Vec::new();
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
                    // ORs made both databases read every family in reception. The families
                    // on their way are read from the organisation's places to their
                    // confirmed proposals to the cases, in that order (`CROSS JOIN` fixes
                    // it for SQLite, which otherwise walked every case on its way).
                    ScopeFilter::PlacedWith(org) => (
                        "c.id IN (SELECT m.id FROM cases m WHERE m.municipality = $n \
                         UNION SELECT h.id FROM cases h WHERE h.reception_place_id IN \
                         (SELECT r.id FROM reception_places r WHERE r.name = $n) \
                         AND h.state = 'in_reception' \
                         UNION SELECT w.id FROM reception_places r \
                         CROSS JOIN placement_proposals p CROSS JOIN cases w \
                         WHERE (r.municipality = $n OR r.name = $n) \
                         AND p.place_code = r.code AND p.status = 'confirmed' \
                         AND w.case_number = p.case_number AND w.programme_id = r.programme_id \
                         AND w.state IN ('departure_scheduled', 'arrived'))",
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

/// Where a page of the case list starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListStart {
    /// Page `n` from 1, counted past every earlier row (the API's `page`; the deeper the
    /// page, the more rows are read to skip).
    Page(u32),
    /// Just after this case in the list's order: read from the order's index from there,
    /// as cheap at the thousandth page as at the first.
    After(ListPosition),
}

/// One page of the case list.
#[derive(Debug, Clone, PartialEq)]
pub struct CasePage {
    /// The cases on the page, in the list's order.
    pub rows: Vec<CaseSummary>,
    /// How many cases match in all.
    pub count: CaseCount,
    /// Whether any case follows the page's last.
    pub more: bool,
}

/// How many cases match, counted no further than the caller asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseCount {
    /// The cases counted: all of them when `exact`, else the most counted.
    pub total: i64,
    /// Whether every match was counted; when not, more than `total` match.
    pub exact: bool,
}

impl Store {
    /// One page of cases matching `filter`, newest submission first (ties by case
    /// number), and how many match, counted up to `count_up_to`: past it the answer is
    /// "more than `count_up_to`", so a list of 90,000 matches costs no more to count than
    /// one of 10,000.
    pub async fn list_cases(
        &self,
        filter: &CaseFilter,
        start: &ListStart,
        per_page: u32,
        count_up_to: i64,
    ) -> Result<CasePage, StorageError> {
        let (clause, mut binds) = filter.clause();
        let from = format!(" FROM cases c JOIN programmes g ON g.id = c.programme_id{clause}");
        let mut count = sqlx::query(AssertSqlSafe(format!(
            "SELECT COUNT(*) FROM (SELECT 1{from} LIMIT {}) AS counted",
            count_up_to.saturating_add(1)
        )));
        for b in &binds {
            count = count.bind(b.clone());
        }
        let counted: i64 = count.fetch_one(&self.pool).await?.try_get(0)?;
        // One row more than the page, to know whether a next page exists.
        let order = format!(
            "ORDER BY c.submitted_on DESC, c.case_number LIMIT {}",
            u64::from(per_page) + 1
        );
        let sql = match start {
            ListStart::Page(page) => format!(
                "SELECT {SUMMARY_COLUMNS}{from} {order} OFFSET {}",
                u64::from(page.saturating_sub(1)) * u64::from(per_page)
            ),
            ListStart::After(last) => {
                binds.push(last.case_number().as_str().to_string());
                let n = binds.len();
                // The first condition alone is a range of the order's index; the second
                // leaves out the cases of the last one's day up to it.
                let day =
                    format!("(SELECT a.submitted_on FROM cases a WHERE a.case_number = ${n})");
                let joiner = if clause.is_empty() { " WHERE" } else { " AND" };
                format!(
                    "SELECT {SUMMARY_COLUMNS}{from}{joiner} c.submitted_on <= {day} \
                     AND (c.submitted_on < {day} OR c.case_number > ${n}) {order}"
                )
            }
        };
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for b in binds {
            q = q.bind(b);
        }
        let mut rows = q
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(summary)
            .collect::<Result<Vec<_>, _>>()?;
        let more = rows.len() > per_page as usize;
        rows.truncate(per_page as usize);
        Ok(CasePage {
            rows,
            count: CaseCount {
                total: counted.min(count_up_to),
                exact: counted <= count_up_to,
            },
            more,
        })
    }
}

impl Store {
    /// Whether a case exists within a scope (`None`: whether it exists at all).
    pub async fn case_in_scope(
        &self,
        number: &str,
        scope: Option<Vec<ScopeFilter>>,
    ) -> Result<bool, StorageError> {
        let filter = CaseFilter {
            case_number: Some(number.to_string()),
            scope,
            ..CaseFilter::default()
        };
        let page = self.list_cases(&filter, &ListStart::Page(1), 1, 1).await?;
        Ok(page.count.total > 0)
    }
}
