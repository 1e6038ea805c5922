/**
 * Where apps, codes and tokens live: the small {@link
 * dev.oauthkit.hubspot.sandbox.store.SandboxStore} interface, an in-memory implementation for tests
 * and a durable SQLite implementation. Codes and tokens are kept only as SHA-256 hashes.
 */
package dev.oauthkit.hubspot.sandbox.store;
