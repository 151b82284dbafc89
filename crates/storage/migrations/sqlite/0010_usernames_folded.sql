-- User names are unique without regard to case: `Case-Officer` cannot sit beside
-- `case-officer` (docs/security.md). New names are stored lowercase; this index also holds
-- for names stored before, and fails here if a database already has two such names (rename
-- one, then migrate again).
CREATE UNIQUE INDEX users_username_folded ON users (LOWER(username));
