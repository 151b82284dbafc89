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
    ///
    /// A case runs late on a time limit of its programme's profile (`screens`, per
    /// programme code) when it meets the limit's screen and
    /// [`OverdueScreen::days_late`] says so: in SQL, its first entry of the limit's start
    /// before the screen's day and none of the screen's stops among the states entered
    /// since (`entered_after`). A reunification request still waiting for a decision
    /// after its due day (before `today`) counts by its days past that day. A case listed
    /// for several counts by the worst.
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
        let mut late = Vec::new();
        for (programme, screens) in screens {
            for s in screens.iter().filter(|s| !s.current.is_empty()) {
                let code = bind(programme.clone());
                let before = bind(codec::date(s.entered_before));
                let from = bind(s.from.as_str().to_string());
                let priority = bind(s.priority.as_str().to_string());
                let current: Vec<String> = s
                    .current
                    .iter()
                    .map(|c: &CaseState| bind(c.as_str().to_string()))
                    .collect();
                late.push(format!(
                    "SELECT f.case_id, (SELECT g.id FROM programmes g WHERE g.code = {code}), \
                            {days} \
                       FROM case_state_days f \
                      WHERE f.state = {from} AND f.priority = {priority} \
                        AND f.now_in IN ({current}) AND f.first_on < date({before}) \
                        AND (f.entered_after & {stops}) = 0",
                    days = self.backend.days_between(&before, "f.first_on"),
                    current = current.join(", "),
                    stops = bits(&s.stops),
                ));
            }
        }
        let today = bind(codec::date(today));
        late.push(format!(
            "SELECT r.case_id, CAST(NULL AS BIGINT), {days} \
               FROM reunification_requests r \
              WHERE r.status = 'requested' AND r.due_on < date({today})",
            days = self.backend.days_between(&today, "r.due_on"),
        ));
        let (clause, binds) = filter.clause_after(binds);
        let with = format!(
            "WITH late (case_id, programme_id, days_over) AS ({}), \
             worst AS (\
               SELECT l.case_id, MAX(l.days_over) AS days_over \
                 FROM late l JOIN cases c ON c.id = l.case_id \
                WHERE (l.programme_id IS NULL OR c.programme_id = l.programme_id) \
                  AND c.state NOT IN ('closed', 'withdrawn', 'deceased') \
                GROUP BY l.case_id)",
            late.join(" UNION ALL ")
        );
        let body = format!(
            "FROM worst w JOIN cases c ON c.id = w.case_id \
             JOIN programmes g ON g.id = c.programme_id{clause}"
        );
        let sql = format!(
            "{with} SELECT {SUMMARY_COLUMNS}, w.days_over, COUNT(*) OVER () {body} \
             ORDER BY w.days_over DESC, c.case_number LIMIT {} OFFSET {}",
            per_page,
            u64::from(page.saturating_sub(1)) * u64::from(per_page)
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
                    sqlx::query(AssertSqlSafe(format!("{with} SELECT COUNT(*) {body}")));
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
