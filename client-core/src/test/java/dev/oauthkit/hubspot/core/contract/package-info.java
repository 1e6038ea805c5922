/**
 * The behavioural contract every HTTP stack's {@link dev.oauthkit.hubspot.core.HubSpotOAuthClient}
 * must pass, shipped in the client-core test-jar; a stack runs it with a small hook subclass. It
 * also holds the builder's argument checks and the suite that runs a stack README's examples.
 */
package dev.oauthkit.hubspot.core.contract;
