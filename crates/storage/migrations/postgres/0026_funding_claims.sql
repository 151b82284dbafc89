-- Funding claims as filed (issue 21): a claim once filed never changes. Each claim of a
-- programme, instrument and year has the next number; its lines claim a person once
-- (`claim`) or correct an amount claimed before (`correction`, with its reason). The
-- partial unique index keeps anyone from being claimed twice under an instrument and year,
-- whatever the code above it does.
CREATE TABLE funding_claims (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id BIGINT NOT NULL REFERENCES programmes (id),
    instrument TEXT NOT NULL CHECK (instrument IN ('amif', 'allowance')),
    year BIGINT NOT NULL,
    number BIGINT NOT NULL CHECK (number >= 1),
    as_of TEXT NOT NULL,
    filed_on TEXT NOT NULL,
    filed_by TEXT NOT NULL,
    total_cents BIGINT NOT NULL,
    UNIQUE (programme_id, instrument, year, number)
);

CREATE TABLE funding_claim_lines (
    claim_id BIGINT NOT NULL REFERENCES funding_claims (id),
    line_no BIGINT NOT NULL,
    programme_id BIGINT NOT NULL REFERENCES programmes (id),
    instrument TEXT NOT NULL,
    year BIGINT NOT NULL,
    person_id TEXT NOT NULL,
    case_number TEXT NOT NULL,
    member_no BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('claim', 'correction')),
    amount_cents BIGINT NOT NULL,
    reason TEXT,
    PRIMARY KEY (claim_id, line_no)
);
CREATE UNIQUE INDEX funding_claim_lines_once
    ON funding_claim_lines (programme_id, instrument, year, person_id) WHERE kind = 'claim';
CREATE INDEX funding_claim_lines_person
    ON funding_claim_lines (programme_id, instrument, year, person_id);
