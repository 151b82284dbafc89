-- The case list filtered by one field, in its order (newest submission first, then case
-- number), as indexes: a page, the first or one after a given case, is then a range of
-- the index read in order, and a count capped at 10,001 reads that many entries of it,
-- whether the filter keeps most cases or few (an emergency among 100,000, one
-- nationality). A name search is read from the index of name words, and a filter on
-- nothing from cases_submitted (migration 14).
CREATE INDEX cases_state_submitted ON cases (state, submitted_on DESC, case_number);
CREATE INDEX cases_priority_submitted ON cases (priority, submitted_on DESC, case_number);
CREATE INDEX cases_nationality_submitted ON cases (nationality, submitted_on DESC, case_number);
CREATE INDEX cases_asylum_submitted ON cases (country_of_asylum, submitted_on DESC, case_number);
