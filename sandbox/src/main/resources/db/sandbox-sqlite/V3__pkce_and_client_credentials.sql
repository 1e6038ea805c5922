-- Version 3, for the 2026-03 API: the PKCE challenge an authorize request carried (S256, checked
-- against the code_verifier at the exchange), and whether an app may use client_credentials.
ALTER TABLE auth_codes ADD COLUMN code_challenge TEXT;
ALTER TABLE apps ADD COLUMN client_credentials INTEGER NOT NULL DEFAULT 0;
