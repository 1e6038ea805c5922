/**
 * The behavioural contract every HTTP stack's {@link dev.oauthkit.hubspot.core.HubSpotOAuthClient}
 * must pass, shipped in the client-core test-jar; a stack runs it with a small factory subclass.
 */
package dev.oauthkit.hubspot.core.contract;
