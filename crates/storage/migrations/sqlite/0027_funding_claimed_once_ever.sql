-- A person is claimed once under an instrument, ever (issue 21): AMIF's lump sum is paid
-- per resettled person, and the Dutch municipal allowance once per person received, so a
-- first claim line of a person in one year bars one in any other year too (an arrival day
-- corrected into another year is settled by correction lines, which stay unconstrained).
-- The index replaces the one per instrument and year, which it implies.
DROP INDEX funding_claim_lines_once;
CREATE UNIQUE INDEX funding_claim_lines_once_ever
    ON funding_claim_lines (programme_id, instrument, person_id) WHERE kind = 'claim';
