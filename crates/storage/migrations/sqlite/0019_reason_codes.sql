-- One mechanism for reason lists (issue #19): a deferral, a withdrawal and a date that
-- moved name their reason as a code from the policy profile's list, beside the officer's
-- words, so reports can count them and the family status page can word them in the
-- family's language. Rows from before the lists carry the code every list has: other.
ALTER TABLE case_events ADD COLUMN reason_code TEXT;
ALTER TABLE promises ADD COLUMN slip_reason_code TEXT;
UPDATE case_events SET reason_code = 'other'
 WHERE to_state IN ('deferred', 'withdrawn')
    OR (from_state = 'departure_scheduled' AND to_state = 'pre_departure');
UPDATE promises SET slip_reason_code = 'other' WHERE slip_reason IS NOT NULL;
