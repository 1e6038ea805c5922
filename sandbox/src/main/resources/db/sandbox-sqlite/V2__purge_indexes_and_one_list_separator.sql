-- Version 2. Indexes for the background purge, so it finds expired and revoked rows without a
-- scan: by expiry (appended in time order) and a partial index on revoked refresh tokens (empty
-- for live ones, so issuing a token pays nothing for it).
CREATE INDEX access_tokens_by_expiry ON access_tokens (expires_at);
CREATE INDEX auth_codes_by_expiry ON auth_codes (expires_at);
CREATE INDEX refresh_tokens_revoked ON refresh_tokens (revoked_at) WHERE revoked_at IS NOT NULL;

-- Lists are stored one value a line. Version 1 joined scopes with spaces; a scope never holds a
-- space (RFC 6749 section 3.3), so this rewrite is lossless.
UPDATE apps SET scopes = replace(scopes, ' ', char(10)),
  optional_scopes = replace(optional_scopes, ' ', char(10));
UPDATE auth_codes SET scopes = replace(scopes, ' ', char(10));
UPDATE refresh_tokens SET scopes = replace(scopes, ' ', char(10));
