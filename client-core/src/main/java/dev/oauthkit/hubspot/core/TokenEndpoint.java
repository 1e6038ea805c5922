package dev.oauthkit.hubspot.core;

import java.io.IOException;

/**
 * The refresh call, implemented once per HTTP stack: {@code POST /oauth/v1/token} with {@code
 * grant_type=refresh_token}. {@link AccessTokenProvider} adds caching, single flight and retries.
 */
@FunctionalInterface
public interface TokenEndpoint {

  /**
   * Exchanges the refresh token of {@code credentials} for a new access token, once, without
   * retrying.
   *
   * @param credentials client ID, client secret and refresh token to send
   * @return the new tokens
   * @throws HubSpotOAuthException for any non-2xx answer, with its Retry-After if one was sent
   * @throws IOException when the request could not be sent or the answer not read
   */
  TokenSet refresh(OAuthCredentials credentials) throws IOException;
}
