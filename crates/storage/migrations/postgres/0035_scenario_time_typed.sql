-- PostgreSQL keeps a saved scenario's moment as a timestamptz, not text: the first column
-- moved to PostgreSQL's own types (docs/decisions/0023-postgresql-column-types.md). The
-- stored RFC 3339 text casts as it is.
ALTER TABLE fair_share_scenarios ALTER COLUMN saved_at TYPE TIMESTAMPTZ USING CAST(saved_at AS TIMESTAMPTZ);
