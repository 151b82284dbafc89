-- Families informed (issue #20). How to reach a family (the principal applicant's e-mail
-- address and mobile number: personal data, shown only to the roles that inform families),
-- and the outbox of notices to families: one row per notice, queued in the transaction of
-- the step or the date it tells of, and delivered by a worker that claims rows for a while
-- (claimed_by, claimed_until), so two servers never send the same notice. A notice holds no
-- personal data: what happened (news) and the language to word it in; the text is the case
-- number and the address of the family's page.
CREATE TABLE family_contacts (
    case_id BIGINT PRIMARY KEY REFERENCES cases (id),
    email TEXT,
    phone TEXT,
    updated_at TEXT NOT NULL
);

CREATE TABLE family_notices (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    news TEXT NOT NULL,
    language TEXT NOT NULL,
    queued_at TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed')),
    attempts BIGINT NOT NULL CHECK (attempts >= 0),
    last_error TEXT,
    next_attempt_at TEXT,
    email_sent_at TEXT,
    sms_sent_at TEXT,
    sent_at TEXT,
    claimed_by TEXT,
    claimed_until TEXT
);
CREATE INDEX family_notices_due ON family_notices (next_attempt_at);
CREATE INDEX family_notices_case ON family_notices (case_id, id);
