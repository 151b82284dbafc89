-- Steps after arrival (issue 19, Belgian report §3.1 and §4: the asylum registration, the
-- refugee status and its certificate): each step of the profile's list a family has done,
-- with its day (YYYY-MM-DD), once per case and step; recording it again corrects the day.
CREATE TABLE after_arrival_steps (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    name TEXT NOT NULL,
    done_on TEXT NOT NULL,
    UNIQUE (case_id, name)
);
