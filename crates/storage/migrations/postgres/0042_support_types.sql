-- PostgreSQL keeps the days of integration support, its outcomes and funding claims as
-- dates, and the check-ins' and outcomes' yes/no answers as booleans, not as text and
-- 0 or 1 (docs/decisions/0023-postgresql-column-types.md). The stored `YYYY-MM-DD` text
-- casts as it is. A boolean holds yes or no by its type, so the checks that kept the
-- integers to 0 and 1 go first (they would no longer type-check). Each table's columns
-- change in one statement, so each table is rewritten once.
ALTER TABLE support_plans ALTER COLUMN starts_on TYPE DATE USING CAST(starts_on AS DATE);
ALTER TABLE support_goals
    ALTER COLUMN target_on TYPE DATE USING CAST(target_on AS DATE),
    ALTER COLUMN reached_on TYPE DATE USING CAST(reached_on AS DATE);
ALTER TABLE support_contacts ALTER COLUMN contact_on TYPE DATE USING CAST(contact_on AS DATE);
ALTER TABLE support_tasks
    ALTER COLUMN opened_on TYPE DATE USING CAST(opened_on AS DATE),
    ALTER COLUMN closed_on TYPE DATE USING CAST(closed_on AS DATE);
ALTER TABLE wellbeing_checkins
    DROP CONSTRAINT IF EXISTS wellbeing_checkins_own_home_check,
    DROP CONSTRAINT IF EXISTS wellbeing_checkins_own_kitchen_check,
    DROP CONSTRAINT IF EXISTS wellbeing_checkins_own_shower_check,
    DROP CONSTRAINT IF EXISTS wellbeing_checkins_language_course_check,
    ALTER COLUMN answered_on TYPE DATE USING CAST(answered_on AS DATE),
    ALTER COLUMN own_home TYPE BOOLEAN USING own_home <> 0,
    ALTER COLUMN own_kitchen TYPE BOOLEAN USING own_kitchen <> 0,
    ALTER COLUMN own_shower TYPE BOOLEAN USING own_shower <> 0,
    ALTER COLUMN language_course TYPE BOOLEAN USING language_course <> 0;
ALTER TABLE integration_outcomes
    DROP CONSTRAINT IF EXISTS integration_outcomes_employed_check,
    ALTER COLUMN employed TYPE BOOLEAN USING employed <> 0,
    ALTER COLUMN recorded_on TYPE DATE USING CAST(recorded_on AS DATE);
ALTER TABLE funding_claims
    ALTER COLUMN as_of TYPE DATE USING CAST(as_of AS DATE),
    ALTER COLUMN filed_on TYPE DATE USING CAST(filed_on AS DATE);
