-- PostgreSQL keeps the moments, days and yes/no of people, access, notices to families and
-- planning in its own types, not text and 0/1 (docs/decisions/0023-postgresql-column-types.md).
-- The stored RFC 3339 text and `YYYY-MM-DD` days cast as they are. Each table changes in one
-- statement, so it is rewritten once, and a check over two columns (a hold's days) is
-- checked again with both already typed. A flag's `CHECK (x IN (0, 1))` no longer
-- type-checks against a boolean, which holds only yes or no anyway: it goes first.
ALTER TABLE users DROP CONSTRAINT IF EXISTS users_disabled_check;
ALTER TABLE users
    ALTER COLUMN disabled TYPE BOOLEAN USING disabled <> 0,
    ALTER COLUMN created_at TYPE TIMESTAMPTZ USING CAST(created_at AS TIMESTAMPTZ),
    ALTER COLUMN locked_until TYPE TIMESTAMPTZ USING CAST(locked_until AS TIMESTAMPTZ);

ALTER TABLE api_tokens
    ALTER COLUMN created_at TYPE TIMESTAMPTZ USING CAST(created_at AS TIMESTAMPTZ),
    ALTER COLUMN expires_at TYPE TIMESTAMPTZ USING CAST(expires_at AS TIMESTAMPTZ),
    ALTER COLUMN revoked_at TYPE TIMESTAMPTZ USING CAST(revoked_at AS TIMESTAMPTZ);

ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_second_factor_done_check;
ALTER TABLE sessions
    ALTER COLUMN second_factor_done TYPE BOOLEAN USING second_factor_done <> 0,
    ALTER COLUMN created_at TYPE TIMESTAMPTZ USING CAST(created_at AS TIMESTAMPTZ),
    ALTER COLUMN last_seen TYPE TIMESTAMPTZ USING CAST(last_seen AS TIMESTAMPTZ),
    ALTER COLUMN ended_at TYPE TIMESTAMPTZ USING CAST(ended_at AS TIMESTAMPTZ);

ALTER TABLE policy_profiles
    ALTER COLUMN added_at TYPE TIMESTAMPTZ USING CAST(added_at AS TIMESTAMPTZ);

ALTER TABLE family_contacts
    ALTER COLUMN updated_at TYPE TIMESTAMPTZ USING CAST(updated_at AS TIMESTAMPTZ);

ALTER TABLE family_notices
    ALTER COLUMN queued_at TYPE TIMESTAMPTZ USING CAST(queued_at AS TIMESTAMPTZ),
    ALTER COLUMN next_attempt_at TYPE TIMESTAMPTZ USING CAST(next_attempt_at AS TIMESTAMPTZ),
    ALTER COLUMN email_sent_at TYPE TIMESTAMPTZ USING CAST(email_sent_at AS TIMESTAMPTZ),
    ALTER COLUMN sms_sent_at TYPE TIMESTAMPTZ USING CAST(sms_sent_at AS TIMESTAMPTZ),
    ALTER COLUMN sent_at TYPE TIMESTAMPTZ USING CAST(sent_at AS TIMESTAMPTZ),
    ALTER COLUMN claimed_until TYPE TIMESTAMPTZ USING CAST(claimed_until AS TIMESTAMPTZ);

ALTER TABLE family_codes
    ALTER COLUMN issued_at TYPE TIMESTAMPTZ USING CAST(issued_at AS TIMESTAMPTZ);

ALTER TABLE family_sessions
    ALTER COLUMN created_at TYPE TIMESTAMPTZ USING CAST(created_at AS TIMESTAMPTZ),
    ALTER COLUMN ended_at TYPE TIMESTAMPTZ USING CAST(ended_at AS TIMESTAMPTZ);

ALTER TABLE placement_runs
    ALTER COLUMN ran_at TYPE TIMESTAMPTZ USING CAST(ran_at AS TIMESTAMPTZ);

ALTER TABLE placement_proposals
    ALTER COLUMN decided_at TYPE TIMESTAMPTZ USING CAST(decided_at AS TIMESTAMPTZ);

ALTER TABLE selection_missions
    ALTER COLUMN starts_on TYPE DATE USING CAST(starts_on AS DATE),
    ALTER COLUMN ends_on TYPE DATE USING CAST(ends_on AS DATE);

ALTER TABLE programme_holds
    ALTER COLUMN starts_on TYPE DATE USING CAST(starts_on AS DATE),
    ALTER COLUMN ends_on TYPE DATE USING CAST(ends_on AS DATE),
    ALTER COLUMN recorded_at TYPE TIMESTAMPTZ USING CAST(recorded_at AS TIMESTAMPTZ);

ALTER TABLE quota_decisions
    ALTER COLUMN published_on TYPE DATE USING CAST(published_on AS DATE);
