-- The quota decision on record (issue 24; NGO report 3.3 and recommendation 3): who
-- proposed it, whom they consulted, why, and when it was published, with the persons it
-- sets for each year. A later decision for a year supersedes an earlier one; none is
-- ever changed in place.
CREATE TABLE quota_decisions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id BIGINT NOT NULL REFERENCES programmes (id),
    proposed_by TEXT NOT NULL,
    consulted TEXT NOT NULL,
    motivation TEXT NOT NULL,
    published_on TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX quota_decisions_programme ON quota_decisions (programme_id, id);

CREATE TABLE quota_decision_years (
    decision_id BIGINT NOT NULL REFERENCES quota_decisions (id),
    year BIGINT NOT NULL,
    persons BIGINT NOT NULL CHECK (persons >= 0),
    emergency BIGINT NOT NULL CHECK (emergency >= 0),
    PRIMARY KEY (decision_id, year)
);
