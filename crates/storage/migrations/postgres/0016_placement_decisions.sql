-- Impossible data is refused (issue #19). A reunification request that is decided says
-- why. A placement confirmation over a place's capacity is
-- refused unless the reception officer says why; the reason is kept with the decision and
-- shown with the plan. A proposal keeps the version of the case it was made for, so it
-- lapses when the case moves on (a proposal from before this migration has none: lapsed).
ALTER TABLE placement_proposals ADD COLUMN over_capacity_reason TEXT;
ALTER TABLE placement_proposals ADD COLUMN case_version BIGINT;
ALTER TABLE reunification_requests ADD COLUMN decision_reason TEXT;
