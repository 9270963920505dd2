-- Who may see what (issue 10): local accounts and their API tokens, the audit log of person-level views, and which
-- pseudonym key the stored persons were made with. None of it touches data_version: no computed number changes.

-- Local accounts (the embedded default; OpenID Connect users are not stored). The password is ASP.NET Core Identity's
-- PasswordHasher format; the unit is the office, municipality or county the role belongs to.
CREATE TABLE users (
    id {{id}},
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    unit TEXT,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- API tokens (Authorization: Bearer …): only the SHA-256 of each is kept. Scope 'alt' acts as the user; 'metrics' may
-- only read /metrics.
CREATE TABLE api_tokens (
    id {{id}},
    user_id BIGINT NOT NULL REFERENCES users (id),
    token_hash TEXT NOT NULL UNIQUE,
    scope TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Every person-level view: who, when, which unit, month and indicator, and which persons (their short pseudonyms). No
-- foreign key: entries outlive users, batches and re-imports. Append-only in both databases.
CREATE TABLE audit_log (
    id {{id}},
    viewed_at TEXT NOT NULL,
    user_name TEXT NOT NULL,
    role TEXT NOT NULL,
    unit TEXT NOT NULL,
    month TEXT,
    indicator TEXT,
    action TEXT NOT NULL,
    persons TEXT NOT NULL
);
{{append-only audit_log}}

-- The pseudonym key the stored persons were made with: its fingerprint (a pseudonym of a fixed text, never the key) and how
-- many generations it has (rotations add one). One row, written by the first import.
CREATE TABLE pseudonym_key (
    id INTEGER NOT NULL PRIMARY KEY,
    fingerprint TEXT NOT NULL,
    generations INTEGER NOT NULL,
    recorded_at TEXT NOT NULL
);
