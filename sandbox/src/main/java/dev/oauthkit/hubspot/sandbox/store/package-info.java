/**
 * Where apps, codes and tokens live: the small {@link
 * dev.oauthkit.hubspot.sandbox.store.SandboxStore} interface, an in-memory implementation for
 * tests, a durable SQLite implementation (the default) and a PostgreSQL implementation that several
 * sandboxes can share, its schema migrated by Flyway. Codes, tokens and client secrets are kept
 * only as SHA-256 hashes.
 */
package dev.oauthkit.hubspot.sandbox.store;
