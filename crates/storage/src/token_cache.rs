//! API tokens this process verified lately, kept for a few seconds: every API request
//! authenticates its token, and a client sending many requests was one query per request
//! for an answer that rarely changes (docs/performance.md, session 17).
//!
//! Every change this process makes that can refuse a kept token (revoking it; disabling
//! its user, a new password or new roles, which revoke the user's tokens) forgets every
//! entry once it has committed, so this server refuses the token on its very next request.
//! A look-up under way while such a change commits could put back what it read before the
//! commit, so each look-up notes the generation it began in and is kept only if no change
//! came between. A token's own expiry is checked on every use of its entry.
//!
//! What another process changes (a second server on the same PostgreSQL database, or
//! `resettle user …` at the command line beside a SQLite server) this one cannot hear of:
//! there a revoked token or disabled user is refused here at most [`KEPT_FOR`] later.
use std::collections::HashMap;
use std::sync::Mutex;

use time::{Duration, OffsetDateTime};

use crate::UserRow;

/// How long a verified token is believed without asking the database again: the longest
/// another process's revocation can go unnoticed here. Counted on the store's clock, as
/// the look-ups' `now` gives it (like the dashboard's cohorts, `COHORTS_KEPT_FOR`).
pub const KEPT_FOR: Duration = Duration::seconds(3);

/// At most this many tokens are kept; past it the stale ones go, and if none is stale,
/// all (a flood of distinct valid tokens costs queries, never memory).
const MOST_KEPT: usize = 4096;

/// The kept tokens of one store, shared by its clones.
#[derive(Debug, Default)]
pub(crate) struct TokenCache {
    kept: Mutex<Kept>,
}

#[derive(Debug, Default)]
struct Kept {
    /// Counts the changes that forgot every entry.
    generation: u64,
    /// By the token's digest (the token itself is never held).
    entries: HashMap<String, Entry>,
}

#[derive(Debug)]
struct Entry {
    user: UserRow,
    expires_at: Option<OffsetDateTime>,
    looked_up: OffsetDateTime,
}

impl Entry {
    /// Looked up less than [`KEPT_FOR`] before `now` (and not after it: a clock set back
    /// asks the database again).
    fn fresh(&self, now: OffsetDateTime) -> bool {
        (Duration::ZERO..KEPT_FOR).contains(&(now - self.looked_up))
    }
}

impl TokenCache {
    fn kept(&self) -> std::sync::MutexGuard<'_, Kept> {
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The user of the token with this digest if it was verified less than [`KEPT_FOR`]
    /// ago and has not expired by `now`.
    pub(crate) fn get(&self, digest: &str, now: OffsetDateTime) -> Option<UserRow> {
        self.kept()
            .entries
            .get(digest)
            .filter(|e| e.fresh(now) && e.expires_at.is_none_or(|at| at > now))
            .map(|e| e.user.clone())
    }

    /// The generation a look-up begins in, to hand back to [`TokenCache::keep`].
    pub(crate) fn generation(&self) -> u64 {
        self.kept().generation
    }

    /// Keeps what a look-up begun in `generation` at `now` found, unless a change came
    /// since.
    pub(crate) fn keep(
        &self,
        digest: &str,
        generation: u64,
        now: OffsetDateTime,
        user: UserRow,
        expires_at: Option<OffsetDateTime>,
    ) {
        let mut kept = self.kept();
        if kept.generation != generation {
            return;
        }
        if kept.entries.len() >= MOST_KEPT {
            kept.entries.retain(|_, e| e.fresh(now));
            if kept.entries.len() >= MOST_KEPT {
                kept.entries.clear();
            }
        }
        kept.entries.insert(
            digest.to_string(),
            Entry {
                user,
                expires_at,
                looked_up: now,
            },
        );
    }

    /// Forgets every entry, after a committed change to tokens or users.
    pub(crate) fn forget_all(&self) {
        let mut kept = self.kept();
        kept.generation += 1;
        kept.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn user() -> UserRow {
        UserRow {
            username: "ana".into(),
            roles: Vec::new(),
            organisation: None,
            disabled: false,
            created_at: datetime!(2026-01-01 0:00 UTC),
        }
    }

    const NOW: OffsetDateTime = datetime!(2026-06-01 12:00 UTC);

    #[test]
    fn a_kept_token_is_believed_until_it_expires() {
        let cache = TokenCache::default();
        let g = cache.generation();
        cache.keep("d", g, NOW, user(), Some(NOW + KEPT_FOR));
        assert_eq!(cache.get("d", NOW), Some(user()));
        assert_eq!(cache.get("d", NOW + KEPT_FOR), None, "expired");
        assert_eq!(cache.get("other", NOW), None);
    }

    #[test]
    fn a_kept_token_is_asked_for_again_after_the_kept_seconds() {
        let cache = TokenCache::default();
        cache.keep("d", cache.generation(), NOW, user(), None);
        assert_eq!(
            cache.get("d", NOW + KEPT_FOR - Duration::MILLISECOND),
            Some(user())
        );
        assert_eq!(cache.get("d", NOW + KEPT_FOR), None);
        assert_eq!(
            cache.get("d", NOW - Duration::SECOND),
            None,
            "a clock set back"
        );
    }

    #[test]
    fn a_change_forgets_every_token_and_a_look_up_from_before_it_is_not_kept() {
        let cache = TokenCache::default();
        cache.keep("d", cache.generation(), NOW, user(), None);
        let before = cache.generation();
        cache.forget_all();
        assert_eq!(cache.get("d", NOW), None);
        cache.keep("e", before, NOW, user(), None);
        assert_eq!(cache.get("e", NOW), None, "read before the change");
        cache.keep("e", cache.generation(), NOW, user(), None);
        assert_eq!(cache.get("e", NOW), Some(user()));
    }

    #[test]
    fn the_cache_never_holds_more_than_its_most() {
        let cache = TokenCache::default();
        for i in 0..MOST_KEPT + 10 {
            cache.keep(&i.to_string(), 0, NOW, user(), None);
        }
        assert!(cache.kept().entries.len() <= MOST_KEPT);
        assert!(cache.get(&(MOST_KEPT + 9).to_string(), NOW).is_some());
    }
}
