-- The foundation: programmes, pledges, places, missions, cases with their families,
-- events, promises, medical records (kept apart), reunification and support.
CREATE TABLE programmes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    state_code TEXT NOT NULL,
    policy_profile TEXT NOT NULL
);

CREATE TABLE pledges (
    programme_id BIGINT NOT NULL REFERENCES programmes (id),
    year BIGINT NOT NULL,
    pledged BIGINT NOT NULL CHECK (pledged >= 0),
    arrived_before_resettle BIGINT CHECK (arrived_before_resettle >= 0),
    source TEXT NOT NULL,
    PRIMARY KEY (programme_id, year)
);

CREATE TABLE reception_places (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id BIGINT NOT NULL REFERENCES programmes (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('centre', 'loi', 'municipality')),
    municipality TEXT NOT NULL,
    region TEXT NOT NULL,
    capacity_persons BIGINT NOT NULL CHECK (capacity_persons >= 0),
    UNIQUE (programme_id, code)
);

CREATE TABLE sponsor_groups (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id BIGINT NOT NULL REFERENCES programmes (id),
    name TEXT NOT NULL,
    municipality TEXT NOT NULL,
    contact TEXT NOT NULL,
    members BIGINT NOT NULL CHECK (members >= 0),
    capacity_persons BIGINT NOT NULL CHECK (capacity_persons >= 0),
    UNIQUE (programme_id, name)
);

CREATE TABLE selection_missions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id BIGINT NOT NULL REFERENCES programmes (id),
    code TEXT NOT NULL UNIQUE,
    destination TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    status TEXT NOT NULL,
    team TEXT NOT NULL
);

CREATE TABLE cases (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_id BIGINT NOT NULL REFERENCES programmes (id),
    case_number TEXT NOT NULL UNIQUE,
    country_of_asylum TEXT NOT NULL,
    nationality TEXT NOT NULL,
    priority TEXT NOT NULL,
    channel TEXT NOT NULL,
    submitted_on TEXT NOT NULL,
    family_size BIGINT NOT NULL CHECK (family_size > 0),
    state TEXT NOT NULL,
    state_since TEXT NOT NULL,
    version BIGINT NOT NULL,
    mission_id BIGINT REFERENCES selection_missions (id),
    reception_place_id BIGINT REFERENCES reception_places (id),
    sponsor_group_id BIGINT REFERENCES sponsor_groups (id)
);
CREATE INDEX cases_programme_state ON cases (programme_id, state);

CREATE TABLE case_categories (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    position BIGINT NOT NULL,
    category TEXT NOT NULL,
    PRIMARY KEY (case_id, position)
);

CREATE TABLE case_links (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    linked_case_number TEXT NOT NULL,
    PRIMARY KEY (case_id, linked_case_number)
);

CREATE TABLE family_members (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    member_no BIGINT NOT NULL,
    full_name TEXT NOT NULL,
    date_of_birth TEXT NOT NULL,
    sex TEXT NOT NULL,
    relationship TEXT NOT NULL,
    languages TEXT NOT NULL,
    education TEXT,
    occupation TEXT,
    PRIMARY KEY (case_id, member_no)
);

-- Special-category data (GDPR art. 9): its own table so that access can be granted,
-- audited and encrypted apart from the rest of the case.
CREATE TABLE medical_records (
    case_id BIGINT NOT NULL,
    member_no BIGINT NOT NULL,
    condition TEXT NOT NULL,
    care_needs TEXT NOT NULL,
    consent_to_share BIGINT NOT NULL CHECK (consent_to_share IN (0, 1)),
    PRIMARY KEY (case_id, member_no),
    FOREIGN KEY (case_id, member_no) REFERENCES family_members (case_id, member_no)
);

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE case_events (
    case_id BIGINT NOT NULL REFERENCES cases (id),
    seq BIGINT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    reason TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (case_id, seq)
);
CREATE INDEX case_events_to_state ON case_events (to_state, at);

CREATE TABLE promises (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,
    promised_date TEXT NOT NULL,
    made_on TEXT NOT NULL,
    slip_reason TEXT,
    family_notified_on TEXT
);
CREATE INDEX promises_case ON promises (case_id);

CREATE TABLE reunification_requests (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    relative_name TEXT NOT NULL,
    relationship TEXT NOT NULL,
    location TEXT NOT NULL,
    status TEXT NOT NULL,
    requested_on TEXT NOT NULL,
    resolved_on TEXT
);

CREATE TABLE support_plans (
    case_id BIGINT PRIMARY KEY REFERENCES cases (id),
    provider TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    months BIGINT NOT NULL CHECK (months > 0)
);
