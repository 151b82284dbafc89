-- Placement (issue #6): each run of the optimiser with its figures (status, objective,
-- bound, gap, time, families left unplaced and why), and its proposals, one row per family,
-- reviewed and confirmed or rejected case by case by a reception officer. A new run
-- supersedes the proposals still open; decided ones stay as the record of who decided what.
CREATE TABLE placement_runs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id BIGINT NOT NULL REFERENCES programmes (id),
    run TEXT NOT NULL,
    ran_at TEXT NOT NULL
);

CREATE TABLE placement_proposals (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id BIGINT NOT NULL REFERENCES placement_runs (id),
    case_number TEXT NOT NULL,
    place_code TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    explanation TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'confirmed', 'rejected', 'superseded')),
    decided_by TEXT,
    decided_at TEXT
);
CREATE INDEX placement_proposals_case ON placement_proposals (case_number, status);
