-- The dashboard's cases and persons per state: one pass in state order over this index
-- alone (it holds both), instead of a pass over every case's row and a sort by state.
CREATE INDEX cases_state_travelling ON cases (state, travelling);
-- The families in reception at a place (a municipality's or a local initiative's): with the
-- state beside the place, both conditions are one range of this index. Indexed by the
-- place alone, SQLite chose the index on state of migration 34 instead and read every
-- family in reception (8,000 at 100,000 cases) to find a place's few.
DROP INDEX cases_reception_place;
CREATE INDEX cases_reception_place ON cases (reception_place_id, state);
-- The families on their way to a municipality's places: its places, then their confirmed
-- proposals, then the cases. Read from the cases' side, SQLite walked every case on its
-- way or just arrived (3,800 at 100,000 cases) to look each up among the proposals.
CREATE INDEX placement_proposals_place ON placement_proposals (place_code, status);
