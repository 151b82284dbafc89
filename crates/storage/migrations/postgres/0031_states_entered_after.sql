-- Which states each case entered after it first entered each state: a bit per state
-- (`state_days::bit`: submitted 1, scheduled_for_mission 2, dossier_review 4,
-- interviewed 8, accepted 16, accepted_in_part 32, refused 64, deferred 128,
-- pre_departure 256, departure_scheduled 512, arrived 1024, in_reception 2048, housed
-- 4096, integration_support 8192, closed 16384, withdrawn 32768, deceased 65536), in the
-- events' order. A time limit's clock still runs on a case when none of its stops is
-- among the states entered after the limit's start, so the overdue list decides every
-- case from the index alone, and counts and pages in the database (it read 28,000 rows
-- back and the histories of the cases whose stop fell on the day their clock started).
-- Kept by every write of an event; filled from the events recorded before. A sum of
-- distinct bits is their OR, which SQLite has no aggregate for.
ALTER TABLE case_state_days ADD COLUMN entered_after BIGINT NOT NULL DEFAULT 0;
UPDATE case_state_days SET entered_after = a.bits
  FROM (SELECT x.case_id, x.state,
               SUM(CASE y.state
                     WHEN 'submitted' THEN 1 WHEN 'scheduled_for_mission' THEN 2
                     WHEN 'dossier_review' THEN 4 WHEN 'interviewed' THEN 8
                     WHEN 'accepted' THEN 16 WHEN 'accepted_in_part' THEN 32
                     WHEN 'refused' THEN 64 WHEN 'deferred' THEN 128
                     WHEN 'pre_departure' THEN 256 WHEN 'departure_scheduled' THEN 512
                     WHEN 'arrived' THEN 1024 WHEN 'in_reception' THEN 2048
                     WHEN 'housed' THEN 4096 WHEN 'integration_support' THEN 8192
                     WHEN 'closed' THEN 16384 WHEN 'withdrawn' THEN 32768
                     WHEN 'deceased' THEN 65536 ELSE 0 END) AS bits
          FROM (SELECT case_id, to_state AS state, MIN(seq) AS first_seq
                  FROM case_events GROUP BY case_id, to_state) x
          JOIN (SELECT case_id, to_state AS state, MAX(seq) AS last_seq
                  FROM case_events GROUP BY case_id, to_state) y
            ON y.case_id = x.case_id AND y.last_seq > x.first_seq
         GROUP BY x.case_id, x.state) a
 WHERE case_state_days.case_id = a.case_id AND case_state_days.state = a.state;
-- The stops are read from the index with the range, and the case too: no row of the
-- table is visited (PostgreSQL's index holds no key of its own, so the case is named).
DROP INDEX case_state_days_screen;
CREATE INDEX case_state_days_screen
    ON case_state_days (state, priority, now_in, first_on, entered_after, case_id);
