//! Special-category fields sealed with the data key before they reach the database, so a
//! dump of it reveals no health data. The key is given by configuration and never stored.
//!
//! Each value is bound to its row and field (the context), so a sealed diagnosis cannot be
//! copied onto another person's record and still open.
use resettle_secure::cipher::Keyring;
use sqlx::Row;

use crate::codec::corrupt;
use crate::{AuditOf, StorageError, Store};

/// What a sealed medical field is bound to.
fn context(field: &str, case_number: &str, member_no: u32) -> String {
    format!("medical_records.{field}:{case_number}:{member_no}")
}

/// The refusal when sealed data is touched without a data key, for every layer to give.
pub const NO_DATA_KEY: &str = "data key: none configured, and medical records and second \
     factors are stored encrypted; set RESETTLE_DATA_KEY or --data-key-file (create one with \
     `resettle key new`)";

fn key_missing() -> StorageError {
    StorageError::NoKey(NO_DATA_KEY.into())
}

/// Seals one medical field of one member.
pub(crate) fn seal(
    keys: Option<&Keyring>,
    field: &str,
    case_number: &str,
    member_no: u32,
    plain: &str,
) -> Result<String, StorageError> {
    seal_bound(keys, &context(field, case_number, member_no), plain)
}

/// Seals a special-category value bound to `context` (its table, field and row), so it
/// opens only where it was written.
pub(crate) fn seal_bound(
    keys: Option<&Keyring>,
    context: &str,
    plain: &str,
) -> Result<String, StorageError> {
    let keys = keys.ok_or_else(key_missing)?;
    Ok(keys.encrypt(plain.as_bytes(), context.as_bytes()))
}

/// Opens a value [`seal_bound`] sealed to `context`; the error names the context, never
/// the value.
pub(crate) fn open_bound(
    keys: Option<&Keyring>,
    context: &str,
    stored: &str,
) -> Result<String, StorageError> {
    let keys = keys.ok_or_else(key_missing)?;
    let bytes = keys
        .decrypt(stored, context.as_bytes())
        .map_err(|e| corrupt("a sealed field", context, e))?;
    String::from_utf8(bytes).map_err(|e| corrupt("a sealed field", context, e))
}

/// Opens one medical field of one member.
pub(crate) fn open(
    keys: Option<&Keyring>,
    field: &str,
    case_number: &str,
    member_no: u32,
    stored: &str,
) -> Result<String, StorageError> {
    let keys = keys.ok_or_else(key_missing)?;
    let bytes = keys
        .decrypt(stored, context(field, case_number, member_no).as_bytes())
        .map_err(|e| {
            corrupt(
                "medical_records",
                &context(field, case_number, member_no),
                e,
            )
        })?;
    String::from_utf8(bytes).map_err(|e| {
        corrupt(
            "medical_records",
            &context(field, case_number, member_no),
            e,
        )
    })
}

impl Store {
    /// Re-seals every medical field, check-in health answer and second-factor secret not under the current key,
    /// in one transaction; returns how many values were re-sealed. Run after putting a
    /// new key first in the key ring; then the old key can be dropped.
    pub async fn reseal_all(
        &self,
        totp_context: impl Fn(&str) -> String,
        audit: AuditOf<'_, u64>,
    ) -> Result<u64, StorageError> {
        let keys = self.keys.as_deref().ok_or_else(key_missing)?;
        let mut tx = self.begin_write().await?;
        let rows = sqlx::query(
            "SELECT c.case_number, m.member_no, m.condition, m.care_needs, m.fit_to_travel, \
                    m.case_id \
               FROM medical_records m JOIN cases c ON c.id = m.case_id",
        )
        .fetch_all(&mut *tx)
        .await?;
        let mut resealed = 0;
        for r in &rows {
            let number: String = r.try_get(0)?;
            let member_no = r.try_get::<i64, _>(1)? as u32;
            let mut values = Vec::new();
            let before = resealed;
            for (field, i) in [("condition", 2), ("care_needs", 3), ("fit_to_travel", 4)] {
                // Fit to travel is NULL until assessed: nothing sealed, nothing to re-seal.
                let value = match r.try_get::<Option<String>, _>(i)? {
                    Some(stored) if keys.needs_reencryption(&stored) => {
                        let plain = open(Some(keys), field, &number, member_no, &stored)?;
                        resealed += 1;
                        Some(seal(Some(keys), field, &number, member_no, &plain)?)
                    }
                    other => other,
                };
                values.push(value);
            }
            if resealed == before {
                continue;
            }
            let [condition, care_needs, fit_to_travel] =
                <[Option<String>; 3]>::try_from(values).expect("three fields");
            sqlx::query(
                "UPDATE medical_records SET condition = $1, care_needs = $2, fit_to_travel = $3 \
                 WHERE case_id = $4 AND member_no = $5",
            )
            .bind(condition)
            .bind(care_needs)
            .bind(fit_to_travel)
            .bind(r.try_get::<i64, _>(5)?)
            .bind(i64::from(member_no))
            .execute(&mut *tx)
            .await?;
        }
        let secrets =
            sqlx::query("SELECT username, totp_secret FROM users WHERE totp_secret IS NOT NULL")
                .fetch_all(&mut *tx)
                .await?;
        for r in &secrets {
            let username: String = r.try_get(0)?;
            let stored: String = r.try_get(1)?;
            if !keys.needs_reencryption(&stored) {
                continue;
            }
            let ctx = totp_context(&username);
            let plain = keys
                .decrypt(&stored, ctx.as_bytes())
                .map_err(|e| corrupt("users.totp_secret", &username, e))?;
            sqlx::query("UPDATE users SET totp_secret = $1 WHERE username = $2")
                .bind(keys.encrypt(&plain, ctx.as_bytes()))
                .bind(username)
                .execute(&mut *tx)
                .await?;
            resealed += 1;
        }
        resealed += crate::support::reseal_health(&mut tx, keys).await?;
        let head = self.append_audit_in(&mut tx, &audit(&resealed)).await?;
        tx.commit().await?;
        self.committed(head);
        Ok(resealed)
    }
}
