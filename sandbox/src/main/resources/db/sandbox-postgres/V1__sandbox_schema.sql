-- The sandbox's PostgreSQL schema, version 1. Applied by Flyway when a sandbox starts with
-- --store=postgres; several sandboxes may share it. Codes, tokens and client secrets are stored
-- only as SHA-256 hex; an access token row holds its hash, its refresh token's hash and its expiry.

CREATE TABLE apps (
  app_id          bigint      PRIMARY KEY,
  client_id       text        NOT NULL UNIQUE,
  secret_sha256   text        NOT NULL,
  name            text        NOT NULL,
  redirect_uris   text[]      NOT NULL,
  scopes          text[]      NOT NULL,
  optional_scopes text[]      NOT NULL
);

CREATE TABLE auth_codes (
  code_hash       text        PRIMARY KEY,
  client_id       text        NOT NULL,
  redirect_uri    text        NOT NULL,
  hub_id          bigint      NOT NULL,
  user_id         bigint,
  user_email      text,
  hub_domain      text        NOT NULL,
  scopes          text[]      NOT NULL,
  expires_at      timestamptz NOT NULL,
  used_at         timestamptz
);

CREATE TABLE refresh_tokens (
  token_hash      text        PRIMARY KEY,
  client_id       text        NOT NULL,
  hub_id          bigint      NOT NULL,
  user_id         bigint,
  user_email      text,
  hub_domain      text        NOT NULL,
  scopes          text[]      NOT NULL,
  code_hash       text        NOT NULL,
  issued_at       timestamptz NOT NULL,
  rotated_at      timestamptz,
  revoked_at      timestamptz
);

CREATE INDEX refresh_tokens_by_code ON refresh_tokens (code_hash);

CREATE TABLE access_tokens (
  token_hash      text        PRIMARY KEY,
  refresh_hash    text        NOT NULL REFERENCES refresh_tokens (token_hash),
  expires_at      timestamptz NOT NULL
);
