-- Custom policy profiles, stored as the text the user wrote and checked when added, so a
-- programme can run under rules that are not shipped with resettle.
CREATE TABLE policy_profiles (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    added_at TEXT NOT NULL
);
