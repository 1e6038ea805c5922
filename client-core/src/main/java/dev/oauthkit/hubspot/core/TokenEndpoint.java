package dev.oauthkit.hubspot.core;

import java.io.IOException;

/**
 * The token call, implemented once for every stack: {@code POST /oauth/<version>/token} (or {@code
 * /oauth/v1/token}) with {@code grant_type=refresh_token}, or {@code client_credentials} for a
 * {@link AccessTokenProvider#clientCredentials client-credentials provider}. {@link
 * AccessTokenProvider} adds caching, single flight and retries.
 */
@FunctionalInterface
public interface TokenEndpoint {

  /**
   * Gets a new access token, once, without retrying: for the refresh token of {@code credentials},
   * or for the client's own scopes.
   *
   * @param credentials client ID, client secret and (for the refresh grant) refresh token to send
   * @return the new tokens
   * @throws HubSpotOAuthException for any non-2xx answer, with its Retry-After if one was sent
   * @throws IOException when the request could not be sent or the answer not read
   */
  TokenSet refresh(OAuthCredentials credentials) throws IOException;
}
