/** Test fixtures: app builder, hand-moved clock, in-memory service wiring, spec schemas. */
package dev.oauthkit.hubspot.sandbox.testing;
