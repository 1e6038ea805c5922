/** Random tokens, SHA-256 hashes, fingerprints and constant-time comparison. */
package dev.oauthkit.hubspot.sandbox.secret;
