/**
 * The HubSpot OAuth sandbox inside JUnit 5 tests: {@link
 * dev.oauthkit.hubspot.sandbox.junit.HubSpotSandboxTest} or {@link
 * dev.oauthkit.hubspot.sandbox.junit.HubSpotSandboxExtension} start it as a child process and hand
 * tests a {@link dev.oauthkit.hubspot.sandbox.junit.HubSpotSandbox}.
 */
package dev.oauthkit.hubspot.sandbox.junit;
