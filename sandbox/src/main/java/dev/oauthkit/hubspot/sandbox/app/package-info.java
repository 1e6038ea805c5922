/** Registered apps: creation, an in-memory cache by client id, and client authentication. */
package dev.oauthkit.hubspot.sandbox.app;
