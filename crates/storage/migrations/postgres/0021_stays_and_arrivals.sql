-- Reception in stages (issue #19): where a family lives after arrival is a list of dated
-- stays (centre, local reception initiative, municipality, sponsor group, own home), each
-- from the day it began until the day the next began; occupancy counts only the stays
-- current on a day (crates/domain/src/reception/occupancy.rs). `cases.reception_place_id`
-- now names the place of the current stay only, so a housed family no longer holds its LOI.
--
-- Arrivals are counted as the persons who travelled, not the family as submitted: members a
-- split decision left behind did not arrive. `cases.travelling` is the family less those
-- members (and, from the arrival, those who travelled); `arrivals` records each arrival
-- with its day and persons, which the pledges and the dashboard sum per year from an index
-- alone.
CREATE TABLE stays (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL CHECK (kind IN ('centre', 'loi', 'municipality', 'sponsor', 'home')),
    place_id BIGINT REFERENCES reception_places (id),
    sponsor_group_id BIGINT REFERENCES sponsor_groups (id),
    from_on TEXT NOT NULL,
    until_on TEXT,
    persons BIGINT NOT NULL CHECK (persons > 0),
    reason TEXT NOT NULL,
    over_capacity_reason TEXT,
    CHECK (until_on IS NULL OR until_on >= from_on)
);
CREATE INDEX stays_case ON stays (case_id, from_on);
CREATE INDEX stays_place ON stays (place_id, until_on, kind, from_on, persons, case_id);
-- The families in a kind of stay now (those due a home: in an LOI), longest there first.
CREATE INDEX stays_open ON stays (kind, from_on) WHERE until_on IS NULL;

CREATE TABLE arrivals (
    case_id BIGINT PRIMARY KEY REFERENCES cases (id),
    programme_id BIGINT NOT NULL REFERENCES programmes (id),
    arrived_on TEXT NOT NULL,
    persons BIGINT NOT NULL CHECK (persons > 0)
);
CREATE INDEX arrivals_by_day ON arrivals (programme_id, arrived_on, persons);

ALTER TABLE cases ADD COLUMN travelling BIGINT;

-- The persons who travel: the family, less the members a split decision did not accept
-- (as `CaseFile::travelling` counts them: the latest decision that lists its members).
UPDATE cases SET travelling = family_size;
UPDATE cases SET travelling = (
    SELECT json_array_length(CASE WHEN json_typeof(e.payload::json -> 'members_accepted') = 'array' THEN e.payload::json -> 'members_accepted' END) FROM case_events e
     WHERE e.case_id = cases.id AND e.to_state = 'accepted_in_part'
       AND json_array_length(CASE WHEN json_typeof(e.payload::json -> 'members_accepted') = 'array' THEN e.payload::json -> 'members_accepted' END) > 0
     ORDER BY e.seq DESC LIMIT 1)
 WHERE EXISTS (SELECT 1 FROM case_events e
                WHERE e.case_id = cases.id AND e.to_state = 'accepted_in_part'
                  AND json_array_length(CASE WHEN json_typeof(e.payload::json -> 'members_accepted') = 'array' THEN e.payload::json -> 'members_accepted' END) > 0);

-- Each arrival, on the day of its step, with the persons who travelled.
INSERT INTO arrivals (case_id, programme_id, arrived_on, persons)
SELECT c.id, c.programme_id, substr(MAX(e.at), 1, 10), c.travelling
  FROM cases c JOIN case_events e ON e.case_id = c.id AND e.to_state = 'arrived'
 GROUP BY c.id, c.programme_id, c.travelling;

-- A family's stay at its reception place: from the day it was taken in (or arrived) until
-- the day it was housed, when it was; a municipality placed in directly (the Netherlands)
-- from the day it was housed, open.
INSERT INTO stays (case_id, kind, place_id, sponsor_group_id, from_on, until_on, persons, reason)
SELECT id, kind, place_id, NULL, from_on,
       CASE WHEN housed_on IS NULL THEN NULL WHEN housed_on < from_on THEN from_on
            ELSE housed_on END,
       travelling, ''
  FROM (SELECT c.id, r.kind, r.id AS place_id, c.travelling,
               CASE WHEN r.kind = 'municipality' THEN h.day
                    ELSE COALESCE(
                        (SELECT substr(MAX(e.at), 1, 10) FROM case_events e
                          WHERE e.case_id = c.id AND e.to_state = 'in_reception'),
                        (SELECT substr(MAX(e.at), 1, 10) FROM case_events e
                          WHERE e.case_id = c.id AND e.to_state = 'arrived')) END AS from_on,
               CASE WHEN r.kind = 'municipality' THEN NULL ELSE h.day END AS housed_on
          FROM cases c JOIN reception_places r ON r.id = c.reception_place_id
          LEFT JOIN (SELECT case_id, substr(MAX(at), 1, 10) AS day FROM case_events
                      WHERE to_state = 'housed' GROUP BY case_id) h ON h.case_id = c.id) placed
 WHERE from_on IS NOT NULL;

-- From the day it was housed: the home a sponsor group found, or its own (unless it was
-- placed directly in a municipality, whose stay is its home).
INSERT INTO stays (case_id, kind, place_id, sponsor_group_id, from_on, until_on, persons, reason)
SELECT c.id, CASE WHEN c.sponsor_group_id IS NULL THEN 'home' ELSE 'sponsor' END, NULL,
       c.sponsor_group_id, h.day, NULL, c.travelling, ''
  FROM cases c
  JOIN (SELECT case_id, substr(MAX(at), 1, 10) AS day FROM case_events
         WHERE to_state = 'housed' GROUP BY case_id) h ON h.case_id = c.id
 WHERE NOT EXISTS (SELECT 1 FROM reception_places r
                    WHERE r.id = c.reception_place_id AND r.kind = 'municipality')
   AND h.day >= COALESCE((SELECT MAX(s.from_on) FROM stays s WHERE s.case_id = c.id), h.day);

-- A municipality's and a sponsor group's families are read from indexes: those received
-- at a place the municipality runs, and those a group receives.
CREATE INDEX cases_reception_place ON cases (reception_place_id);
CREATE INDEX cases_sponsor_group ON cases (sponsor_group_id);

-- The departure date last told, kept on the case with each departure promise: the
-- families on their way are listed in its order from an index (the reception page read
-- the latest promise of each of them, 3,806 at 100,000 cases, to sort them).
ALTER TABLE cases ADD COLUMN departs_on TEXT;
UPDATE cases SET departs_on = (SELECT p.promised_date FROM promises p
                                WHERE p.case_id = cases.id AND p.kind = 'departure'
                                ORDER BY p.id DESC LIMIT 1);
CREATE INDEX cases_departing ON cases (programme_id, state, departs_on, case_number, travelling);

-- The reception place is where the family is now: none once it lives in a home.
UPDATE cases SET reception_place_id = NULL
 WHERE EXISTS (SELECT 1 FROM stays s WHERE s.case_id = cases.id AND s.until_on IS NULL
                 AND s.kind IN ('sponsor', 'home'));
