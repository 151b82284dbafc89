-- A sponsorship that broke down names its reason from the profile's breakdown list
-- (issue #19), as a deferral, a withdrawal and a slip do since migration 19. A step back
-- from a sponsor group's home into reception recorded before the list has the officer's
-- words only; it carries the code every list has, other, so it reads as it did.
UPDATE case_events SET reason_code = 'other'
 WHERE from_state IN ('housed', 'integration_support')
   AND to_state = 'in_reception'
   AND reason_code IS NULL;
