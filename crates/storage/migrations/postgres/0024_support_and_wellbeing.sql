-- Integration support and wellbeing after arrival (issue 25). A support plan names what
-- kind of organisation gives it (an NGO, the municipality, a sponsor group); its goals
-- have target dates; contacts are logged against it; wellbeing check-ins fall due at the
-- months the profile sets, their health answers sealed with the data key as the medical
-- record's are; a check-in that flags a problem opens a task for the provider.
ALTER TABLE support_plans ADD COLUMN provider_kind TEXT NOT NULL DEFAULT 'ngo'
    CHECK (provider_kind IN ('ngo', 'municipality', 'sponsor_group'));

CREATE TABLE support_goals (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    goal_no BIGINT NOT NULL CHECK (goal_no > 0),
    kind TEXT NOT NULL CHECK (kind IN ('own_housing', 'language_course', 'school_enrolment',
        'doctor_registration', 'work_or_training', 'family_abroad')),
    member_no BIGINT,
    target_on TEXT NOT NULL,
    reached_on TEXT,
    PRIMARY KEY (case_id, goal_no)
);

CREATE TABLE support_contacts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    contact_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('visit', 'office', 'call', 'message')),
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX support_contacts_case ON support_contacts (case_id, contact_on);

-- One row per family and check-in month. `schooling` and `work` are the answers per
-- child and per adult as JSON lists; `health` is sealed, bound to the case and month.
CREATE TABLE wellbeing_checkins (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    months BIGINT NOT NULL CHECK (months > 0),
    answered_on TEXT NOT NULL,
    answered_by TEXT NOT NULL CHECK (answered_by IN ('staff', 'family')),
    own_home BIGINT NOT NULL CHECK (own_home IN (0, 1)),
    own_kitchen BIGINT NOT NULL CHECK (own_kitchen IN (0, 1)),
    own_shower BIGINT NOT NULL CHECK (own_shower IN (0, 1)),
    rooms BIGINT NOT NULL CHECK (rooms > 0),
    language_course BIGINT NOT NULL CHECK (language_course IN (0, 1)),
    schooling TEXT NOT NULL,
    work TEXT NOT NULL,
    health TEXT NOT NULL,
    relatives_abroad BIGINT NOT NULL CHECK (relatives_abroad >= 0),
    feeling BIGINT NOT NULL CHECK (feeling BETWEEN 1 AND 5),
    recorded_by TEXT NOT NULL,
    PRIMARY KEY (case_id, months)
);

CREATE TABLE support_tasks (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL CHECK (kind IN ('no_own_housing', 'child_not_in_school', 'relative_abroad')),
    member_no BIGINT,
    from_months BIGINT NOT NULL,
    opened_on TEXT NOT NULL,
    closed_on TEXT,
    closed_by TEXT
);
-- The open tasks of the work list, oldest first.
CREATE INDEX support_tasks_open ON support_tasks (opened_on, case_id) WHERE closed_on IS NULL;
CREATE INDEX support_tasks_case ON support_tasks (case_id);
