/**
 * Test fixtures shipped in the client-core test-jar: a mutable clock, a recording sleeper, a log
 * capture and the spec's examples, for the stack modules' tests too.
 */
package dev.oauthkit.hubspot.core.testing;
