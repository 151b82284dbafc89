//! Telling families: how to reach each one, the outbox of notices queued with the steps
//! and dates they tell of, the claims that keep two servers from sending one notice twice,
//! and the work list of families still to be told.
use resettle_domain::case::{CaseNumber, CaseState, News, NoticeState, PromiseKind};
use sqlx::{AnyConnection, AssertSqlSafe, Row};
use time::{Date, OffsetDateTime};

use crate::cases::current;
use crate::codec::{self, parse_date, parse_timestamp, parse_word};
use crate::columns::{Columns, json_rows};
use crate::{Backend, NewAuditEntry, StorageError, Store};

/// A notice to queue for a family, in the transaction of the event it tells of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNotice {
    /// The case whose family is told.
    pub case_number: CaseNumber,
    /// What happened, for the staff who follow the notice; the notice does not say it.
    pub news: News,
    /// The language to word the notice in (ISO 639-1).
    pub language: String,
}

/// How to reach a family: the principal applicant's e-mail address and mobile number.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FamilyContact {
    /// E-mail address.
    pub email: Option<String>,
    /// Mobile number in international form (`+961…`).
    pub phone: Option<String>,
}

/// A notice as the outbox holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredNotice {
    /// Its number in the outbox.
    pub id: i64,
    /// What it tells of.
    pub news: News,
    /// Where it stands.
    pub state: NoticeState,
    /// When it was queued.
    pub queued_at: OffsetDateTime,
    /// Attempts made so far.
    pub attempts: u32,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
    /// When it is tried next; `None` once sent or given up.
    pub next_attempt_at: Option<OffsetDateTime>,
    /// When it went out by e-mail.
    pub email_sent_at: Option<OffsetDateTime>,
    /// When it went out by SMS.
    pub sms_sent_at: Option<OffsetDateTime>,
    /// When it was sent on every channel.
    pub sent_at: Option<OffsetDateTime>,
}

/// The channels a deliverer can send by: a notice is claimed only if its family can be
/// reached by one of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NoticeChannels {
    /// E-mail over SMTP is configured.
    pub email: bool,
    /// SMS through a gateway is configured.
    pub sms: bool,
}

/// A notice claimed for delivery, with what is needed to send it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimedNotice {
    /// Its number in the outbox.
    pub id: i64,
    /// The case number the notice names.
    pub case_number: String,
    /// What it tells of (for the trail, not the text).
    pub news: News,
    /// The language to word it in.
    pub language: String,
    /// Where to reach the family.
    pub contact: FamilyContact,
    /// Whether it already went out by e-mail (an earlier attempt failed on SMS only).
    pub email_sent: bool,
    /// Whether it already went out by SMS.
    pub sms_sent: bool,
    /// Attempts made before this one.
    pub attempts: u32,
}

/// Which channel a notice went out by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeChannel {
    /// E-mail.
    Email,
    /// SMS.
    Sms,
}

/// How an attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryAttempt {
    /// Sent on every channel the family can be reached by.
    Sent,
    /// Failed; tried again at `retry_at`, or never again when `None`.
    Failed {
        /// Why, without the family's address or number.
        error: String,
        /// When to try again.
        retry_at: Option<OffsetDateTime>,
    },
}

/// Why a family is on the work list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyToInform {
    /// UNHCR case number.
    pub case_number: String,
    /// The state the case is in.
    pub state: CaseState,
    /// What the date is for.
    pub kind: PromiseKind,
    /// The date promised (the latest of its kind).
    pub promised_date: Date,
    /// When it was promised.
    pub made_on: Date,
    /// Whether the date has passed and the case still waits for it.
    pub passed: bool,
    /// Whether this date replaced an earlier one and the family has not been told: no
    /// notice sent since, and no day of telling recorded.
    pub slip_untold: bool,
    /// The state of the case's latest notice, if it has one.
    pub last_notice: Option<NoticeState>,
    /// Whether the family has an e-mail address or a phone number on file.
    pub reachable: bool,
}

/// A timestamp to the second, so stored instants compare as text on SQLite (RFC 3339
/// writes fractions of a second only when there are some, and `.` sorts before `Z`);
/// PostgreSQL compares its `timestamptz` as moments.
fn instant(t: OffsetDateTime) -> String {
    codec::timestamp(t.replace_nanosecond(0).unwrap_or(t))
}

fn opt_instant(
    field: &'static str,
    v: Option<String>,
) -> Result<Option<OffsetDateTime>, StorageError> {
    v.map(|s| parse_timestamp(field, &s)).transpose()
}

/// Queues notices in the caller's transaction: the one place a notice enters the outbox,
/// so it is written with the step, the date or the hold it tells of, or not at all.
pub(crate) async fn queue(
    conn: &mut AnyConnection,
    backend: Backend,
    notices: &[NewNotice],
    now: OffsetDateTime,
) -> Result<(), StorageError> {
    let at = instant(now);
    let sql = format!(
        "INSERT INTO family_notices (case_id, news, language, queued_at, state, attempts, \
         next_attempt_at) VALUES ($1, $2, $3, {at}, 'queued', 0, {at})",
        at = backend.time_param("$4")
    );
    for n in notices {
        let case = current(&mut *conn, &n.case_number).await?;
        sqlx::query(AssertSqlSafe(sql.clone()))
            .bind(case.id)
            .bind(n.news.as_str().to_string())
            .bind(n.language.clone())
            .bind(at.clone())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// A notice from a row of `id, news, state, queued_at, attempts, last_error,
/// next_attempt_at, email_sent_at, sms_sent_at, sent_at`.
fn stored_notice(r: &impl Columns) -> Result<StoredNotice, StorageError> {
    Ok(StoredNotice {
        id: r.int(0)?,
        news: parse_word("family_notices.news", &r.text(1)?)?,
        state: parse_word("family_notices.state", &r.text(2)?)?,
        queued_at: parse_timestamp("family_notices.queued_at", &r.text(3)?)?,
        attempts: u32::try_from(r.int(4)?).unwrap_or(u32::MAX),
        last_error: r.opt_text(5)?,
        next_attempt_at: opt_instant("family_notices.next_attempt_at", r.opt_text(6)?)?,
        email_sent_at: opt_instant("family_notices.email_sent_at", r.opt_text(7)?)?,
        sms_sent_at: opt_instant("family_notices.sms_sent_at", r.opt_text(8)?)?,
        sent_at: opt_instant("family_notices.sent_at", r.opt_text(9)?)?,
    })
}

impl Store {
    /// How to reach the family of a case (`None` if nothing was recorded) and its
    /// notices, newest first: what a case's page and its export show together, read in one
    /// statement, the notices aggregated into the row ([`Backend::json_rows`]).
    pub async fn contact_and_notices(
        &self,
        number: &CaseNumber,
    ) -> Result<(Option<FamilyContact>, Vec<StoredNotice>), StorageError> {
        let notices = self.backend.json_rows(
            "n.id, n.news, n.state, CAST(n.queued_at AS TEXT), n.attempts, n.last_error, \
             CAST(n.next_attempt_at AS TEXT), CAST(n.email_sent_at AS TEXT), \
             CAST(n.sms_sent_at AS TEXT), CAST(n.sent_at AS TEXT)",
            "family_notices n WHERE n.case_id = c.id",
            "n.id DESC",
        );
        let Some(r) = sqlx::query(AssertSqlSafe(format!(
            "SELECT CASE WHEN f.case_id IS NULL THEN 0 ELSE 1 END, f.email, f.phone, {notices} \
               FROM cases c LEFT JOIN family_contacts f ON f.case_id = c.id \
              WHERE c.case_number = $1"
        )))
        .bind(number.as_str().to_string())
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok((None, Vec::new()));
        };
        let contact = (r.int(0)? == 1).then(|| -> Result<_, StorageError> {
            Ok(FamilyContact {
                email: r.opt_text(1)?,
                phone: r.opt_text(2)?,
            })
        });
        let notices = json_rows("family_notices", &r.text(3)?)?
            .iter()
            .map(stored_notice)
            .collect::<Result<_, _>>()?;
        Ok((contact.transpose()?, notices))
    }

    /// Records how to reach the family (replacing what was there), with its audit entry in
    /// the same transaction.
    pub async fn set_contact(
        &self,
        number: &CaseNumber,
        contact: &FamilyContact,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let case = current(&mut tx, number).await?;
        sqlx::query("DELETE FROM family_contacts WHERE case_id = $1")
            .bind(case.id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO family_contacts (case_id, email, phone, updated_at) \
             VALUES ($1, $2, $3, {})",
            self.backend.time_param("$4")
        )))
        .bind(case.id)
        .bind(contact.email.clone())
        .bind(contact.phone.clone())
        .bind(instant(self.now()))
        .execute(&mut *tx)
        .await?;
        let head = self.append_audit_in(&mut tx, audit).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(())
    }

    /// Claims up to `limit` notices that are due at `now` and whose family can be reached
    /// by one of `channels`, for the deliverer named `claim` until `until`. The claim is
    /// one statement in one write transaction that takes only rows nobody holds (or whose
    /// holder's time ran out), so two servers never claim the same notice; a deliverer
    /// that dies leaves its rows to be claimed again once `until` has passed.
    pub async fn claim_notices(
        &self,
        claim: &str,
        now: OffsetDateTime,
        until: OffsetDateTime,
        channels: NoticeChannels,
        limit: i64,
    ) -> Result<Vec<ClaimedNotice>, StorageError> {
        let now = instant(now);
        let mut tx = self.begin_write().await?;
        // The placeholders are cast, never the columns: due notices are found from the
        // index on `next_attempt_at`.
        sqlx::query(AssertSqlSafe(format!(
            "UPDATE family_notices SET claimed_by = $1, claimed_until = {until} \
              WHERE (claimed_until IS NULL OR claimed_until < {now}) \
                AND id IN (SELECT n.id FROM family_notices n \
                             JOIN family_contacts f ON f.case_id = n.case_id \
                            WHERE n.state <> 'sent' AND n.next_attempt_at <= {now} \
                              AND (n.claimed_until IS NULL OR n.claimed_until < {now}) \
                              AND ((f.email IS NOT NULL AND $4 = 1) \
                                OR (f.phone IS NOT NULL AND $5 = 1)) \
                            ORDER BY n.id LIMIT $6)",
            until = self.backend.time_param("$2"),
            now = self.backend.time_param("$3"),
        )))
        .bind(claim.to_string())
        .bind(instant(until))
        .bind(now)
        .bind(i64::from(channels.email))
        .bind(i64::from(channels.sms))
        .bind(limit)
        .execute(&mut *tx)
        .await?;
        let rows = sqlx::query(
            "SELECT n.id, c.case_number, n.news, n.language, f.email, f.phone, \
                    CAST(n.email_sent_at AS TEXT), CAST(n.sms_sent_at AS TEXT), n.attempts \
               FROM family_notices n JOIN cases c ON c.id = n.case_id \
               JOIN family_contacts f ON f.case_id = n.case_id \
              WHERE n.claimed_by = $1 ORDER BY n.id",
        )
        .bind(claim.to_string())
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        rows.iter()
            .map(|r| {
                Ok(ClaimedNotice {
                    id: r.try_get(0)?,
                    case_number: r.try_get(1)?,
                    news: parse_word("family_notices.news", &r.try_get::<String, _>(2)?)?,
                    language: r.try_get(3)?,
                    contact: FamilyContact {
                        email: r.try_get(4)?,
                        phone: r.try_get(5)?,
                    },
                    email_sent: r.try_get::<Option<String>, _>(6)?.is_some(),
                    sms_sent: r.try_get::<Option<String>, _>(7)?.is_some(),
                    attempts: u32::try_from(r.try_get::<i64, _>(8)?).unwrap_or(u32::MAX),
                })
            })
            .collect()
    }

    /// Records that a claimed notice went out by one channel, at once, so a later attempt
    /// (after the other channel failed) does not send it that way again.
    pub async fn notice_went_out(
        &self,
        id: i64,
        claim: &str,
        channel: NoticeChannel,
        at: OffsetDateTime,
    ) -> Result<(), StorageError> {
        let column = match channel {
            NoticeChannel::Email => "email_sent_at",
            NoticeChannel::Sms => "sms_sent_at",
        };
        sqlx::query(AssertSqlSafe(format!(
            "UPDATE family_notices SET {column} = {} WHERE id = $2 AND claimed_by = $3",
            self.backend.time_param("$1")
        )))
        .bind(instant(at))
        .bind(id)
        .bind(claim.to_string())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Ends an attempt on a claimed notice: sent, or failed (to be tried again at its
    /// time, or given up), releasing the claim, with the audit entry in the same
    /// transaction. A deliverer whose claim was taken over writes nothing.
    pub async fn finish_notice(
        &self,
        id: i64,
        claim: &str,
        at: OffsetDateTime,
        attempt: &DeliveryAttempt,
        audit: &[NewAuditEntry],
    ) -> Result<(), StorageError> {
        let mut tx = self.begin_write().await?;
        let at = instant(at);
        let done = match attempt {
            DeliveryAttempt::Sent => {
                sqlx::query(AssertSqlSafe(format!(
                    "UPDATE family_notices SET state = 'sent', sent_at = {}, \
                     attempts = attempts + 1, last_error = NULL, next_attempt_at = NULL, \
                     claimed_by = NULL, claimed_until = NULL WHERE id = $2 AND claimed_by = $3",
                    self.backend.time_param("$1")
                )))
                .bind(at)
                .bind(id)
                .bind(claim.to_string())
                .execute(&mut *tx)
                .await?
            }
            DeliveryAttempt::Failed { error, retry_at } => {
                sqlx::query(AssertSqlSafe(format!(
                    "UPDATE family_notices SET state = 'failed', attempts = attempts + 1, \
                     last_error = $1, next_attempt_at = {}, claimed_by = NULL, \
                     claimed_until = NULL WHERE id = $3 AND claimed_by = $4",
                    self.backend.time_param("$2")
                )))
                .bind(error.clone())
                .bind(retry_at.map(instant))
                .bind(id)
                .bind(claim.to_string())
                .execute(&mut *tx)
                .await?
            }
        };
        if done.rows_affected() == 1 {
            let head = self.append_audit_in(&mut tx, audit).await?;
            tx.commit().await?;
            self.committed(head);
        }
        Ok(())
    }

    /// Families to tell, `per_page` at a time from `offset`, and how many there are in
    /// all: each case's latest date of a kind whose step it still waits for (`awaited`,
    /// from the domain) that has passed by `today`, or that replaced an earlier date
    /// without the family being told (no notice sent since the day it was made, no day of
    /// telling recorded). Passed dates first, the longest passed first; then untold slips,
    /// the oldest first.
    pub async fn families_to_inform(
        &self,
        today: Date,
        awaited: &[(PromiseKind, &[CaseState])],
        offset: i64,
        per_page: i64,
    ) -> Result<(Vec<FamilyToInform>, i64), StorageError> {
        // $1 is today; the awaited states follow, one placeholder each.
        let mut next = 2;
        let mut waits = Vec::new();
        let mut binds: Vec<String> = vec![codec::date(today)];
        for (kind, states) in awaited {
            let marks: Vec<String> = states
                .iter()
                .map(|s| {
                    binds.push(s.as_str().to_string());
                    next += 1;
                    format!("${}", next - 1)
                })
                .collect();
            binds.push(kind.as_str().to_string());
            next += 1;
            waits.push(format!(
                "(p.kind = ${} AND c.state IN ({}))",
                next - 1,
                marks.join(", ")
            ));
        }
        let passed = "p.promised_date < date($1)";
        let untold = "(p.slip_reason IS NOT NULL AND p.family_notified_on IS NULL \
                       AND NOT EXISTS (SELECT 1 FROM family_notices n \
                                        WHERE n.case_id = p.case_id AND n.sent_at >= date(p.made_on)))";
        let from = format!(
            "FROM promises p JOIN cases c ON c.id = p.case_id \
             WHERE p.id = (SELECT MAX(q.id) FROM promises q \
                            WHERE q.case_id = p.case_id AND q.kind = p.kind) \
               AND ({}) AND ({passed} OR {untold})",
            waits.join(" OR ")
        );
        let mut count = sqlx::query(AssertSqlSafe(format!("SELECT COUNT(*) {from}")));
        for b in &binds {
            count = count.bind(b.clone());
        }
        let total: i64 = count.fetch_one(&self.pool).await?.try_get(0)?;
        let page = format!(
            "SELECT c.case_number, c.state, p.kind, CAST(p.promised_date AS TEXT), \
                    CAST(p.made_on AS TEXT), \
                    CAST(CASE WHEN {passed} THEN 1 ELSE 0 END AS BIGINT), \
                    CAST(CASE WHEN {untold} THEN 1 ELSE 0 END AS BIGINT), \
                    (SELECT n.state FROM family_notices n WHERE n.case_id = c.id \
                      ORDER BY n.id DESC LIMIT 1), \
                    CAST(CASE WHEN EXISTS (SELECT 1 FROM family_contacts f WHERE f.case_id = c.id \
                      AND (f.email IS NOT NULL OR f.phone IS NOT NULL)) THEN 1 ELSE 0 END AS BIGINT) \
             {from} \
             ORDER BY CASE WHEN {passed} THEN 0 ELSE 1 END, \
                      CASE WHEN {passed} THEN p.promised_date ELSE p.made_on END, c.case_number \
             LIMIT ${} OFFSET ${}",
            next,
            next + 1
        );
        let mut q = sqlx::query(AssertSqlSafe(page));
        for b in &binds {
            q = q.bind(b.clone());
        }
        let rows = q.bind(per_page).bind(offset).fetch_all(&self.pool).await?;
        let list = rows
            .iter()
            .map(|r| {
                Ok(FamilyToInform {
                    case_number: r.try_get(0)?,
                    state: parse_word("cases.state", &r.try_get::<String, _>(1)?)?,
                    kind: parse_word("promises.kind", &r.try_get::<String, _>(2)?)?,
                    promised_date: parse_date(
                        "promises.promised_date",
                        &r.try_get::<String, _>(3)?,
                    )?,
                    made_on: parse_date("promises.made_on", &r.try_get::<String, _>(4)?)?,
                    passed: r.try_get::<i64, _>(5)? == 1,
                    slip_untold: r.try_get::<i64, _>(6)? == 1,
                    last_notice: r
                        .try_get::<Option<String>, _>(7)?
                        .map(|s| parse_word("family_notices.state", &s))
                        .transpose()?,
                    reachable: r.try_get::<i64, _>(8)? == 1,
                })
            })
            .collect::<Result<Vec<_>, StorageError>>()?;
        Ok((list, total))
    }
}
