-- Integration follow-up: whether each adult has work 12 and 18 months after arrival. The
-- outcomes a programme records are what its own placement model is fitted on.
CREATE TABLE integration_outcomes (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    member_no INTEGER NOT NULL,
    months INTEGER NOT NULL CHECK (months IN (12, 18)),
    employed INTEGER NOT NULL CHECK (employed IN (0, 1)),
    recorded_on TEXT NOT NULL,
    PRIMARY KEY (case_id, member_no, months),
    FOREIGN KEY (case_id, member_no) REFERENCES family_members (case_id, member_no)
);
