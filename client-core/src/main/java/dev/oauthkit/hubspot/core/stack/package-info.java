/**
 * What an HTTP stack module builds its facade on; apps do not use these types directly.
 *
 * <p>{@link dev.oauthkit.hubspot.core.stack.AbstractHubSpotOAuthClient} implements the seven
 * operations of v1 and the date versions, the token provider's refresh call and the redaction of
 * secrets once; a stack supplies one {@link dev.oauthkit.hubspot.core.stack.HttpStack}: its
 * generated APIs and one way to send a {@link dev.oauthkit.hubspot.core.stack.GeneratedCall}. A
 * stack reads 2xx bodies with {@link dev.oauthkit.hubspot.core.stack.ResponseReading#objectMapper}
 * and reports a non-2xx answer as an {@link dev.oauthkit.hubspot.core.stack.ErrorResponse} (status,
 * Retry-After and body text, read with {@link dev.oauthkit.hubspot.core.stack.ErrorBodies#read}),
 * which {@link dev.oauthkit.hubspot.core.stack.ErrorBodies#toException} turns into a {@link
 * dev.oauthkit.hubspot.core.HubSpotOAuthException}.
 */
package dev.oauthkit.hubspot.core.stack;
