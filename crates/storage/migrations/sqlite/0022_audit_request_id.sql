-- Each audit entry names the HTTP request that made it (issue 23), so an entry can be
-- matched with the server's log line of the same request. Empty for entries written
-- before this migration and for acts outside a request (the command line). A non-empty
-- id is covered by the entry's hash.
ALTER TABLE audit_log ADD COLUMN request_id TEXT NOT NULL DEFAULT '';
