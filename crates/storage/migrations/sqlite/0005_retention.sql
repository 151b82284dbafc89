-- When a case's personal data was anonymised after its retention period; the case, its
-- states and its counts remain, so aggregates stay correct.
ALTER TABLE cases ADD COLUMN anonymised_on TEXT;
