//! Delivering the outbox: claim the notices that are due, send each by every channel the
//! family can be reached by, and record the outcome, with back-off after a failure. The
//! state lives in the database, so a restarted server goes on where the last one stopped,
//! and the claims keep two servers from sending one notice twice.
use resettle_domain::audit::{AuditAction, AuditEntity};
use std::time::Duration as StdDuration;

use resettle_domain::case::retry_after;
use resettle_notify::DELIVERY_TIMEOUT;
use resettle_storage::{ClaimedNotice, DeliveryAttempt, NewAuditEntry, NoticeChannel};
use time::Duration;

use super::{NoticeSettings, wording};
use crate::access::random_hex;
use crate::{App, AppError};

/// Notices claimed at a time: small, so one slow mail server holds few of them.
const BATCH: i64 = 10;

/// How long a claim holds: every notice of a batch timing out on both channels, and a
/// minute more. A deliverer that died is relieved after this.
fn claim_for() -> Duration {
    let worst = DELIVERY_TIMEOUT * 2 * BATCH as u32 + StdDuration::from_secs(60);
    Duration::try_from(worst).expect("a few minutes fit a duration")
}

/// How often the worker looks at the outbox when it was empty.
const POLL: StdDuration = StdDuration::from_secs(15);

/// The actor the trail names for deliveries.
const DELIVERER: &str = "system:notices";

/// What one pass over the outbox did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivered {
    /// Notices sent on every channel.
    pub sent: u32,
    /// Notices whose attempt failed (tried again later, or given up).
    pub failed: u32,
}

/// The error text with the family's address and number taken out: a mail server may quote
/// the recipient in its refusal, and the error is kept and shown apart from the contact.
fn without_contact(error: &str, n: &ClaimedNotice) -> String {
    let mut text = error.to_string();
    if let Some(e) = &n.contact.email {
        text = text.replace(e.as_str(), "(the family's e-mail address)");
    }
    if let Some(p) = &n.contact.phone {
        text = text.replace(p.as_str(), "(the family's number)");
        if let Some(digits) = p.strip_prefix('+') {
            text = text.replace(digits, "(the family's number)");
        }
    }
    text
}

impl App {
    /// One pass over the outbox: claims the notices that are due and whose family can be
    /// reached by a configured channel, and delivers them. Without delivery settings,
    /// nothing is claimed and every notice waits.
    pub async fn deliver_notices(&self) -> Result<Delivered, AppError> {
        let mut done = Delivered::default();
        let Some(settings) = self.notices.clone() else {
            return Ok(done);
        };
        let channels = self.notice_channels();
        if !channels.email && !channels.sms {
            return Ok(done);
        }
        let claim = random_hex()?;
        let now = self.now();
        let claimed = self
            .store
            .claim_notices(&claim, now, now + claim_for(), channels, BATCH)
            .await?;
        for n in claimed {
            if self.deliver_one(&settings, &claim, &n).await? {
                done.sent += 1;
            } else {
                done.failed += 1;
            }
        }
        Ok(done)
    }

    /// Sends one claimed notice by each channel it still has to go by, recording each
    /// channel as it succeeds; returns whether it is now sent on all of them.
    async fn deliver_one(
        &self,
        settings: &NoticeSettings,
        claim: &str,
        n: &ClaimedNotice,
    ) -> Result<bool, AppError> {
        let words = wording::compose(&n.language, &n.case_number, &settings.family_page());
        let courier = &settings.courier;
        let mut errors = Vec::new();
        let mut went = Vec::new();
        if let Some(to) = n.contact.email.as_deref().filter(|_| courier.sends_email()) {
            if n.email_sent {
                went.push("e-mail (before)");
            } else {
                match courier.email(to, &words.subject, &words.body).await {
                    Ok(()) => {
                        self.store
                            .notice_went_out(n.id, claim, NoticeChannel::Email, self.now())
                            .await?;
                        went.push("e-mail");
                    }
                    Err(e) => errors.push(format!("e-mail: {e}")),
                }
            }
        }
        if let Some(to) = n.contact.phone.as_deref().filter(|_| courier.sends_sms()) {
            if n.sms_sent {
                went.push("SMS (before)");
            } else {
                match courier.sms(to, &words.sms).await {
                    Ok(()) => {
                        self.store
                            .notice_went_out(n.id, claim, NoticeChannel::Sms, self.now())
                            .await?;
                        went.push("SMS");
                    }
                    Err(e) => errors.push(format!("SMS: {e}")),
                }
            }
        }
        let now = self.now();
        let attempt_no = n.attempts + 1;
        let (attempt, detail) = if errors.is_empty() {
            (
                DeliveryAttempt::Sent,
                format!(
                    "notice {} ({}) sent by {} at attempt {attempt_no}",
                    n.id,
                    n.news,
                    went.join(", ")
                ),
            )
        } else {
            let error = without_contact(&errors.join("; "), n);
            let retry_at = retry_after(attempt_no).map(|wait| now + wait);
            let detail = format!(
                "notice {} ({}) attempt {attempt_no} failed: {error}; {}",
                n.id,
                n.news,
                retry_at.map_or_else(
                    || "no more attempts".to_string(),
                    |at| format!("next attempt at {at}")
                )
            );
            (DeliveryAttempt::Failed { error, retry_at }, detail)
        };
        let sent = attempt == DeliveryAttempt::Sent;
        if !sent {
            tracing::warn!(notice = n.id, case = %n.case_number, "{detail}");
        }
        let audit = NewAuditEntry {
            actor: DELIVERER.into(),
            source: "worker".into(),
            action: AuditAction::Notify.as_str().into(),
            entity: AuditEntity::Case.as_str().into(),
            entity_id: n.case_number.clone(),
            outcome: if sent { "ok" } else { "failed" }.into(),
            detail,
            ..Default::default()
        };
        self.store
            .finish_notice(n.id, claim, now, &attempt, &[audit])
            .await?;
        Ok(sent)
    }

    /// Delivers the outbox until the task is dropped: a pass, then another at once if the
    /// pass was busy, else after a pause. A failed pass (the database away) is logged and
    /// tried again; a notice is never lost, only delayed.
    pub async fn run_notice_worker(self) {
        loop {
            let busy = match self.deliver_notices().await {
                Ok(d) => {
                    if d.sent + d.failed > 0 {
                        tracing::info!(sent = d.sent, failed = d.failed, "notices delivered");
                    }
                    i64::from(d.sent + d.failed) >= BATCH
                }
                Err(e) => {
                    tracing::warn!(error = %e, "notice delivery pass failed");
                    false
                }
            };
            if !busy {
                tokio::time::sleep(POLL).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use resettle_domain::case::News;
    use resettle_storage::FamilyContact;

    #[test]
    fn an_error_never_keeps_the_familys_address_or_number() {
        let n = ClaimedNotice {
            id: 1,
            case_number: "X".into(),
            news: News::Accepted,
            language: "en".into(),
            contact: FamilyContact {
                email: Some("layla@example.org".into()),
                phone: Some("+9613123456".into()),
            },
            email_sent: false,
            sms_sent: false,
            attempts: 0,
        };
        let text = without_contact(
            "550 <layla@example.org> unknown; gateway refused 9613123456",
            &n,
        );
        assert!(
            !text.contains("layla") && !text.contains("3123456"),
            "{text}"
        );
    }

    #[test]
    fn a_claim_outlasts_a_batch_that_times_out_everywhere() {
        assert!(claim_for() > Duration::seconds(2 * 30 * BATCH));
    }
}
