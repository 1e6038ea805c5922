-- The sandbox's SQLite schema, version 1: the tables as the sandbox created them before Flyway ran
-- its SQLite migrations (a database from then is baselined at this version, not re-created).
-- Codes, tokens and client secrets are stored only as SHA-256 hex; instants as epoch milliseconds;
-- an access token row holds its hash, its refresh token's hash and its expiry.

CREATE TABLE apps (
  app_id          INTEGER PRIMARY KEY,
  client_id       TEXT    NOT NULL UNIQUE,
  secret_sha256   TEXT    NOT NULL,
  name            TEXT    NOT NULL,
  redirect_uris   TEXT    NOT NULL,
  scopes          TEXT    NOT NULL,
  optional_scopes TEXT    NOT NULL
);

CREATE TABLE auth_codes (
  code_hash       TEXT    PRIMARY KEY,
  client_id       TEXT    NOT NULL,
  redirect_uri    TEXT    NOT NULL,
  hub_id          INTEGER NOT NULL,
  user_id         INTEGER,
  user_email      TEXT,
  hub_domain      TEXT    NOT NULL,
  scopes          TEXT    NOT NULL,
  expires_at      INTEGER NOT NULL,
  used_at         INTEGER
) WITHOUT ROWID;

CREATE TABLE refresh_tokens (
  token_hash      TEXT    PRIMARY KEY,
  client_id       TEXT    NOT NULL,
  hub_id          INTEGER NOT NULL,
  user_id         INTEGER,
  user_email      TEXT,
  hub_domain      TEXT    NOT NULL,
  scopes          TEXT    NOT NULL,
  code_hash       TEXT    NOT NULL,
  issued_at       INTEGER NOT NULL,
  rotated_at      INTEGER,
  revoked_at      INTEGER
) WITHOUT ROWID;

CREATE INDEX refresh_tokens_by_code ON refresh_tokens (code_hash);

CREATE TABLE access_tokens (
  token_hash      TEXT    PRIMARY KEY,
  refresh_hash    TEXT    NOT NULL,
  expires_at      INTEGER NOT NULL
) WITHOUT ROWID;
