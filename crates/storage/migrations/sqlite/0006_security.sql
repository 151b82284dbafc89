-- Access control and the audit trail (issue #5).

-- Append-only and hash-chained: each entry's hash covers its fields and the previous
-- entry's hash, so editing or removing a row breaks every later link (`resettle audit
-- verify`). `seq` is assigned under the write lock, without gaps.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    source TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    fields TEXT NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor, seq);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);

-- Browser sessions. Only a digest of the cookie is stored; ended_at is set by logout and
-- by time-outs, so a stolen cookie dies with the session.
CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    second_factor_done INTEGER NOT NULL CHECK (second_factor_done IN (0, 1)),
    ended_at TEXT
);

-- Lockout after failed sign-ins, and the second factor (secret encrypted with the data key).
ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until TEXT;
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_last_step INTEGER;

-- A token may carry fewer roles than its user (a submission feed needs only unhcr-liaison).
ALTER TABLE api_tokens ADD COLUMN roles TEXT;

-- The organisation (UNHCR office) that submitted a case: a liaison sees only its own.
ALTER TABLE cases ADD COLUMN submitted_by TEXT;
