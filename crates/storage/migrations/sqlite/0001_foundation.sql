-- The foundation: programmes, pledges, places, missions, cases with their families,
-- events, promises, medical records (kept apart), reunification and support.
CREATE TABLE programmes (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    state_code TEXT NOT NULL,
    policy_profile TEXT NOT NULL
);

CREATE TABLE pledges (
    programme_id INTEGER NOT NULL REFERENCES programmes (id),
    year INTEGER NOT NULL,
    pledged INTEGER NOT NULL CHECK (pledged >= 0),
    arrived_before_resettle INTEGER CHECK (arrived_before_resettle >= 0),
    source TEXT NOT NULL,
    PRIMARY KEY (programme_id, year)
);

CREATE TABLE reception_places (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('centre', 'loi', 'municipality')),
    municipality TEXT NOT NULL,
    region TEXT NOT NULL,
    capacity_persons INTEGER NOT NULL CHECK (capacity_persons >= 0),
    UNIQUE (programme_id, code)
);

CREATE TABLE sponsor_groups (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id),
    name TEXT NOT NULL,
    municipality TEXT NOT NULL,
    contact TEXT NOT NULL,
    members INTEGER NOT NULL CHECK (members >= 0),
    capacity_persons INTEGER NOT NULL CHECK (capacity_persons >= 0),
    UNIQUE (programme_id, name)
);

CREATE TABLE selection_missions (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id),
    code TEXT NOT NULL UNIQUE,
    destination TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    status TEXT NOT NULL,
    team TEXT NOT NULL
);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes (id),
    case_number TEXT NOT NULL UNIQUE,
    country_of_asylum TEXT NOT NULL,
    nationality TEXT NOT NULL,
    priority TEXT NOT NULL,
    channel TEXT NOT NULL,
    submitted_on TEXT NOT NULL,
    family_size INTEGER NOT NULL CHECK (family_size > 0),
    state TEXT NOT NULL,
    state_since TEXT NOT NULL,
    version INTEGER NOT NULL,
    mission_id INTEGER REFERENCES selection_missions (id),
    reception_place_id INTEGER REFERENCES reception_places (id),
    sponsor_group_id INTEGER REFERENCES sponsor_groups (id)
);
CREATE INDEX cases_programme_state ON cases (programme_id, state);

CREATE TABLE case_categories (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    position INTEGER NOT NULL,
    category TEXT NOT NULL,
    PRIMARY KEY (case_id, position)
);

CREATE TABLE case_links (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    linked_case_number TEXT NOT NULL,
    PRIMARY KEY (case_id, linked_case_number)
);

CREATE TABLE family_members (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    member_no INTEGER NOT NULL,
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
    case_id INTEGER NOT NULL,
    member_no INTEGER NOT NULL,
    condition TEXT NOT NULL,
    care_needs TEXT NOT NULL,
    consent_to_share INTEGER NOT NULL CHECK (consent_to_share IN (0, 1)),
    PRIMARY KEY (case_id, member_no),
    FOREIGN KEY (case_id, member_no) REFERENCES family_members (case_id, member_no)
);

-- Append-only: rows are inserted, never updated or deleted.
CREATE TABLE case_events (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    seq INTEGER NOT NULL,
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
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL,
    promised_date TEXT NOT NULL,
    made_on TEXT NOT NULL,
    slip_reason TEXT,
    family_notified_on TEXT
);
CREATE INDEX promises_case ON promises (case_id);

CREATE TABLE reunification_requests (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    relative_name TEXT NOT NULL,
    relationship TEXT NOT NULL,
    location TEXT NOT NULL,
    status TEXT NOT NULL,
    requested_on TEXT NOT NULL,
    resolved_on TEXT
);

CREATE TABLE support_plans (
    case_id INTEGER PRIMARY KEY REFERENCES cases (id),
    provider TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    months INTEGER NOT NULL CHECK (months > 0)
);
