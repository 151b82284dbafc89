-- Families informed (issue #20): the family status page and programme holds.

-- One access code per case, stored as an argon2id hash: issuing a new one replaces the
-- row, so the old code stops working.
CREATE TABLE family_codes (
    case_id INTEGER PRIMARY KEY REFERENCES cases (id),
    code_hash TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL
);

-- A family's short session on its status page, for one case only. Only a digest of the
-- cookie is stored; ended_at is set by sign-out, by a new code and by the time-out.
CREATE TABLE family_sessions (
    id_hash TEXT PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    created_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE INDEX family_sessions_case ON family_sessions (case_id);

-- A programme stopped from one day to another (both included), with the reason families
-- read in their language (a code) and what staff know beyond it.
CREATE TABLE programme_holds (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id),
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX programme_holds_programme ON programme_holds (programme_id, ends_on);
