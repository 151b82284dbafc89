-- The first and the last day each case entered each state (UTC days of its events), one
-- row per case and state entered, with the case's priority and the state it is in now,
-- kept by every write of an event in the same transaction. The overdue list reads a time
-- limit's start as one range of the index below (the cases in a state now, of a priority,
-- that first entered the limit's start before a day) and its stops by key, instead of
-- grouping the events of every open case (878 ms at 100,000 cases). Filled from the
-- events already recorded; a case's priority never changes.
CREATE TABLE case_state_days (
    case_id INTEGER NOT NULL REFERENCES cases (id),
    state TEXT NOT NULL,
    first_on TEXT NOT NULL,
    last_on TEXT NOT NULL,
    priority TEXT NOT NULL,
    now_in TEXT NOT NULL,
    PRIMARY KEY (case_id, state)
) WITHOUT ROWID;
INSERT INTO case_state_days (case_id, state, first_on, last_on, priority, now_in)
SELECT e.case_id, e.to_state, MIN(substr(e.at, 1, 10)), MAX(substr(e.at, 1, 10)),
       c.priority, c.state
  FROM case_events e JOIN cases c ON c.id = e.case_id
 GROUP BY e.case_id, e.to_state, c.priority, c.state;
CREATE INDEX case_state_days_screen ON case_state_days (state, priority, now_in, first_on);
