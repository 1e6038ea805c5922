package dev.oauthkit.hubspot.core;

import dev.oauthkit.hubspot.client.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.client.model.RefreshTokenMetadata;
import dev.oauthkit.hubspot.client.model.TokenResponse;

/**
 * The four operations of the HubSpot OAuth API, implemented once per HTTP stack and typed by the
 * models of {@code hubspot-oauth-client-model}, the same for every stack. Every non-2xx answer
 * throws {@link HubSpotOAuthException}; a 2xx answer lacking a required field throws its subtype
 * {@link HubSpotOAuthResponseException}.
 */
public interface HubSpotOAuthClient {

  /**
   * Exchanges an authorization code ({@code grant_type=authorization_code}) and installs the
   * returned tokens in {@link #tokenProvider()}, which tells its listener the new refresh token.
   *
   * @param code the code HubSpot sent to the redirect URI
   * @param redirectUri the redirect URI of the authorization request
   * @return the token response
   */
  TokenResponse exchangeAuthorizationCode(String code, String redirectUri);

  /**
   * Makes one refresh call ({@code grant_type=refresh_token}) with the given refresh token and
   * returns the raw response; the token provider is not touched. Prefer {@link #tokenProvider()}.
   *
   * @param refreshToken the refresh token
   * @return the token response
   */
  TokenResponse refreshAccessToken(String refreshToken);

  /**
   * Returns the metadata of an access token.
   *
   * @param accessToken the access token
   * @return the metadata
   */
  AccessTokenMetadata getAccessTokenMetadata(String accessToken);

  /**
   * Returns the metadata of a refresh token.
   *
   * @param refreshToken the refresh token
   * @return the metadata
   */
  RefreshTokenMetadata getRefreshTokenMetadata(String refreshToken);

  /**
   * Revokes a refresh token and the access tokens issued from it.
   *
   * @param refreshToken the refresh token
   */
  void revokeRefreshToken(String refreshToken);

  /** Returns the provider that keeps this client's access token fresh. */
  AccessTokenProvider tokenProvider();
}
