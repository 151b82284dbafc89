-- Saved fair-share plan scenarios, so planners can compare alternatives side by side.
CREATE TABLE fair_share_scenarios (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    inputs TEXT NOT NULL,
    result TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    saved_by TEXT NOT NULL
);
