-- The language a user reads the pages in, chosen with the switcher and kept across devices
-- and sign-ins (ISO 639-1: en, nl, fr); none until the user chooses.
ALTER TABLE users ADD COLUMN language TEXT;
