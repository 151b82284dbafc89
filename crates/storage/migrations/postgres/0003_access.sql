-- Organisations, users and API tokens. Passwords are stored as argon2id hashes and tokens
-- as SHA-256 digests: a database dump reveals neither.
CREATE TABLE organisations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('agency', 'unhcr', 'municipality', 'loi', 'sponsor', 'ngo'))
);

CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    organisation_id BIGINT REFERENCES organisations (id),
    roles TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    disabled BIGINT NOT NULL CHECK (disabled IN (0, 1)),
    created_at TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT
);
