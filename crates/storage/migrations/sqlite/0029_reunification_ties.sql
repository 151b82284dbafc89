-- Family unity (issue 19, Belgian report §3.4 "Gezinshereniging"). A reunification request
-- records how the relative depends on the family (`dependency`: none, financial, emotional,
-- medical, comma-separated; empty until assessed), the proof of family ties offered
-- (`evidence`: documents, dna, testimony, photographs, unhcr_records), and the last day for
-- its decision under the profile's limit (`due_on`, YYYY-MM-DD; NULL where none was set).
-- The index serves the overdue list: open requests past their day.
ALTER TABLE reunification_requests ADD COLUMN dependency TEXT NOT NULL DEFAULT '';
ALTER TABLE reunification_requests ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
ALTER TABLE reunification_requests ADD COLUMN due_on TEXT;
CREATE INDEX reunification_requests_due ON reunification_requests (status, due_on);
