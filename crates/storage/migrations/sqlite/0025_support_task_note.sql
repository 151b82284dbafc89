-- A task is closed with a note of what was done (a home found, a school place taken), so
-- that whoever reads the family's support later knows how the problem ended.
ALTER TABLE support_tasks ADD COLUMN closed_note TEXT;
