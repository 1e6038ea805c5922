-- Version 2. Indexes for the background purge, so it finds expired and revoked rows without a
-- scan: by expiry (appended in time order) and a partial index on revoked refresh tokens (empty
-- for live ones, so issuing a token pays nothing for it).
CREATE INDEX access_tokens_by_expiry ON access_tokens (expires_at);
CREATE INDEX auth_codes_by_expiry ON auth_codes (expires_at);
CREATE INDEX refresh_tokens_revoked ON refresh_tokens (revoked_at) WHERE revoked_at IS NOT NULL;

-- A revoked refresh token is purged while access tokens issued from it may still wait for their
-- own expiry purge; they are dead already (an access token is valid only while its refresh token
-- is not revoked), and one whose refresh token row is gone is unknown (401). As in the SQLite schema,
-- the reference is therefore not a foreign key, which also spares each issued token a key lock.
ALTER TABLE access_tokens DROP CONSTRAINT IF EXISTS access_tokens_refresh_hash_fkey;
