/**
 * Where apps, codes and tokens live: the small {@link
 * dev.oauthkit.hubspot.sandbox.store.SandboxStore} interface, an in-memory implementation for
 * tests, and one JDBC implementation ({@link dev.oauthkit.hubspot.sandbox.store.JdbcStore}) on a
 * durable SQLite file (the default) or on PostgreSQL, which several sandboxes can share, both
 * schemas migrated by Flyway. {@link dev.oauthkit.hubspot.sandbox.store.Purger} deletes expired and
 * revoked rows in the background. Codes, tokens and client secrets are kept only as SHA-256 hashes.
 */
package dev.oauthkit.hubspot.sandbox.store;
