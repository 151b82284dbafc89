-- The municipality a family lives in (or is received in), kept current on every step
-- that moves it, so a municipality's scope follows the family (security issue item 12):
-- before, the scope read the name of the reception place, which a move home left behind.
ALTER TABLE cases ADD COLUMN municipality TEXT;
UPDATE cases SET municipality =
    (SELECT r.municipality FROM reception_places r WHERE r.id = cases.reception_place_id);
CREATE INDEX cases_municipality ON cases (municipality);
