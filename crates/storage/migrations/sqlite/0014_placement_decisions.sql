-- A confirmation over a place's capacity is refused unless the reception officer says why;
-- the reason is kept with the decision and shown with the plan (issue #19).
ALTER TABLE placement_proposals ADD COLUMN over_capacity_reason TEXT;
