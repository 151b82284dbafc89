-- Failed one-time codes are counted apart from failed passwords, so a correct password never
-- resets them and the code step has its own tight limit (docs/security.md, sign-in).
ALTER TABLE users ADD COLUMN failed_codes INTEGER NOT NULL DEFAULT 0;
