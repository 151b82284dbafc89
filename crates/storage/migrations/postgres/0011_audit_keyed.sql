-- The audit chain is keyed (docs/decisions/0011-keyed-anchored-audit-trail.md): each entry
-- names the data key whose derived chain key computed its HMAC-SHA256. Empty means the
-- entry's hash is the plain SHA-256 of the entries written before this migration (or
-- without any key configured); verify applies the rule each entry names.
ALTER TABLE audit_log ADD COLUMN key_id TEXT NOT NULL DEFAULT '';
