//! The overdue list, counted and paged in the database: each time limit's screen is one
//! range of the index on `case_state_days` that also holds the states entered since, so
//! only the page's rows come back.
use resettle_domain::case::CaseState;
use resettle_domain::policy::OverdueScreen;
use sqlx::{AssertSqlSafe, Row};
use time::Date;

use super::list::{CaseFilter, CaseSummary, SUMMARY_COLUMNS, summary};
use super::state_days::bits;
use crate::codec;
use crate::{StorageError, Store};

impl Store {
    /// One page of the open cases running late, most days over first (then by case
    /// number), each with its days over, and how many there are in all; `filter` narrows
    /// them like the case list (state, priority, nationality, country of asylum).
    /// `screens` holds every programme of the database, by code.
    ///
    /// A case runs late on a time limit of its programme's profile (`screens`, per
    /// programme code) when it meets the limit's screen and
    /// [`OverdueScreen::days_late`] says so: in SQL, its first entry of the limit's start
    /// before the screen's day and none of the screen's stops among the states entered
    /// since (`entered_after`). A reunification request still waiting for a decision
    /// after its due day (before `today`) counts by its days past that day. A case listed
    /// for several counts by the worst.
    ///
    /// Only the page's cases are read from `cases` when nothing narrows the list: a case's
    /// current state is read from its screen row (`now_in`, written with every step), its
    /// programme needs no check when every programme has the same screens (one profile),
    /// and the order's tie-break on case number is needed only for the cases with at least
    /// the days over of the page's last. Joining every case found to `cases` (6,000 at
    /// 100,000 cases) was most of the list's time on PostgreSQL, which read the whole
    /// table to do it.
    pub async fn overdue_cases(
        &self,
        screens: &[(String, Vec<OverdueScreen>)],
        today: Date,
        filter: &CaseFilter,
        page: u32,
        per_page: u32,
    ) -> Result<(Vec<(CaseSummary, i64)>, i64), StorageError> {
        let mut binds: Vec<String> = Vec::new();
        // Placeholders in the order they first appear in the text, as SQLite numbers them.
        let mut bind = |value: String| {
            binds.push(value);
            format!("${}", binds.len())
        };
        // One profile's screens for every programme: no case's programme needs a check.
        let shared = screens.windows(2).all(|w| w[0].1 == w[1].1);
        let programmes = if shared {
            &screens[..screens.len().min(1)]
        } else {
            screens
        };
        let mut late = Vec::new();
        for (programme, screens) in programmes {
            for s in screens {
                // The states the limit's clock runs in that the case has not ended in.
                let open: Vec<&CaseState> = s.current.iter().filter(|c| !c.is_terminal()).collect();
                if open.is_empty() {
                    continue;
                }
                let before = bind(codec::date(s.entered_before));
                let from = bind(s.from.as_str().to_string());
                let priority = bind(s.priority.as_str().to_string());
                let current: Vec<String> =
                    open.iter().map(|c| bind(c.as_str().to_string())).collect();
                // Where the programmes' screens differ, each case found is read by key
                // for its programme.
                let of_programme = if shared {
                    String::new()
                } else {
                    format!(
                        " AND (SELECT c.programme_id FROM cases c WHERE c.id = f.case_id) = \
                           (SELECT g.id FROM programmes g WHERE g.code = {})",
                        bind(programme.clone())
                    )
                };
                late.push(format!(
                    "SELECT f.case_id, {days} \
                       FROM case_state_days f \
                      WHERE f.state = {from} AND f.priority = {priority} \
                        AND f.now_in IN ({current}) AND f.first_on < date({before}) \
                        AND (f.entered_after & {stops}) = 0{of_programme}",
                    days = self.backend.days_between(&before, "f.first_on"),
                    current = current.join(", "),
                    stops = bits(&s.stops),
                ));
            }
        }
        let today = bind(codec::date(today));
        let ended = CaseState::ALL
            .iter()
            .filter(|c| c.is_terminal())
            .map(|c| format!("'{}'", c.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        late.push(format!(
            "SELECT r.case_id, {days} \
               FROM reunification_requests r \
              WHERE r.status = 'requested' AND r.due_on < date({today}) \
                AND (SELECT c.state FROM cases c WHERE c.id = r.case_id) NOT IN ({ended})",
            days = self.backend.days_between(&today, "r.due_on"),
        ));
        let (clause, binds) = filter.clause_after(binds);
        // The cases the filter keeps, when it narrows the list: only then is every case
        // found read from `cases`.
        let listed = if clause.is_empty() {
            "SELECT w.case_id, w.days_over FROM worst w".to_string()
        } else {
            format!(
                "SELECT w.case_id, w.days_over FROM worst w JOIN cases c ON c.id = w.case_id \
                 JOIN programmes g ON g.id = c.programme_id{clause}"
            )
        };
        let with = format!(
            "WITH late (case_id, days_over) AS ({}), \
             worst AS (SELECT l.case_id, MAX(l.days_over) AS days_over \
                         FROM late l GROUP BY l.case_id), \
             listed AS ({listed})",
            late.join(" UNION ALL ")
        );
        let offset = u64::from(page.saturating_sub(1)) * u64::from(per_page);
        // The days over of the page's last case, or of the last case when fewer: every
        // case on the page or before it has at least as many.
        let least = format!(
            "(SELECT MIN(t.days_over) FROM (SELECT l.days_over FROM listed l \
               ORDER BY l.days_over DESC LIMIT {}) t)",
            offset + u64::from(per_page)
        );
        let sql = format!(
            "{with} SELECT {SUMMARY_COLUMNS}, w.days_over, (SELECT COUNT(*) FROM listed) \
               FROM listed w JOIN cases c ON c.id = w.case_id \
               JOIN programmes g ON g.id = c.programme_id \
              WHERE w.days_over >= {least} \
              ORDER BY w.days_over DESC, c.case_number LIMIT {per_page} OFFSET {offset}"
        );
        let mut q = sqlx::query(AssertSqlSafe(sql));
        for b in &binds {
            q = q.bind(b.clone());
        }
        let rows = q.fetch_all(&self.pool).await?;
        // The days over and the total follow the summary's columns.
        let days_at = SUMMARY_COLUMNS.matches(',').count() + 1;
        let total: i64 = match rows.first() {
            Some(r) => r.try_get(days_at + 1)?,
            // A page past the end tells no total: count without it.
            None if page > 1 => {
                let mut count =
                    sqlx::query(AssertSqlSafe(format!("{with} SELECT COUNT(*) FROM listed")));
                for b in binds {
                    count = count.bind(b);
                }
                count.fetch_one(&self.pool).await?.try_get(0)?
            }
            None => 0,
        };
        let items = rows
            .iter()
            .map(|r| Ok((summary(r)?, r.try_get::<i64, _>(days_at)?)))
            .collect::<Result<_, StorageError>>()?;
        Ok((items, total))
    }
}
