/**
 * Test fixtures shipped in the client-core test-jar: a mutable clock, a recording sleeper, a log
 * capture, the spec's examples, the strict WireMock HubSpot and the README drift check, for the
 * stack modules' tests too.
 */
package dev.oauthkit.hubspot.core.testing;
