-- PostgreSQL keeps the days, moments and yes/no of a case's own tables in its own types,
-- not text and 0/1 (issue 23, docs/decisions/0023-postgresql-column-types.md): a day as a
-- date, a moment as a timestamptz, a consent as a boolean. The stored text casts as it is
-- (`YYYY-MM-DD`, RFC 3339 in UTC); each table is rewritten once, with its indexes.
-- `case_events.payload` stays text: no statement reads into it (only migration 21 did,
-- once), and the store reads it back whole, as written.
ALTER TABLE cases
    ALTER COLUMN submitted_on TYPE DATE USING CAST(submitted_on AS DATE),
    ALTER COLUMN state_since TYPE TIMESTAMPTZ USING CAST(state_since AS TIMESTAMPTZ),
    ALTER COLUMN departs_on TYPE DATE USING CAST(departs_on AS DATE),
    ALTER COLUMN anonymised_on TYPE DATE USING CAST(anonymised_on AS DATE);
ALTER TABLE case_events ALTER COLUMN at TYPE TIMESTAMPTZ USING CAST(at AS TIMESTAMPTZ);
ALTER TABLE family_members
    ALTER COLUMN date_of_birth TYPE DATE USING CAST(date_of_birth AS DATE);
-- A boolean holds yes or no by its type: the check that the integer was 0 or 1 goes.
ALTER TABLE medical_records DROP CONSTRAINT IF EXISTS medical_records_consent_to_share_check;
ALTER TABLE medical_records
    ALTER COLUMN consent_to_share TYPE BOOLEAN USING consent_to_share <> 0;
ALTER TABLE promises
    ALTER COLUMN promised_date TYPE DATE USING CAST(promised_date AS DATE),
    ALTER COLUMN made_on TYPE DATE USING CAST(made_on AS DATE),
    ALTER COLUMN family_notified_on TYPE DATE USING CAST(family_notified_on AS DATE);
ALTER TABLE reunification_requests
    ALTER COLUMN requested_on TYPE DATE USING CAST(requested_on AS DATE),
    ALTER COLUMN resolved_on TYPE DATE USING CAST(resolved_on AS DATE),
    ALTER COLUMN due_on TYPE DATE USING CAST(due_on AS DATE);
ALTER TABLE case_state_days
    ALTER COLUMN first_on TYPE DATE USING CAST(first_on AS DATE),
    ALTER COLUMN last_on TYPE DATE USING CAST(last_on AS DATE);
ALTER TABLE stays
    ALTER COLUMN from_on TYPE DATE USING CAST(from_on AS DATE),
    ALTER COLUMN until_on TYPE DATE USING CAST(until_on AS DATE);
ALTER TABLE arrivals ALTER COLUMN arrived_on TYPE DATE USING CAST(arrived_on AS DATE);
ALTER TABLE after_arrival_steps ALTER COLUMN done_on TYPE DATE USING CAST(done_on AS DATE);
