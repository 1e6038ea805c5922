package dev.oauthkit.hubspot.core;

import dev.oauthkit.hubspot.client.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.client.model.RefreshTokenMetadata;
import java.util.Collection;

/**
 * The HubSpot OAuth API, implemented once per HTTP stack, on the {@link ApiVersion} picked on the
 * builder (the newest date version unless set). Token calls return typed results ({@link
 * UserTokens}, {@link ClientCredentialsToken}, {@link IntrospectedToken}). Every non-2xx answer
 * throws {@link HubSpotOAuthException}; a 2xx answer lacking a required field throws its subtype
 * {@link HubSpotOAuthResponseException}; a call the client's version does not have throws {@link
 * UnsupportedOperationException} naming its replacement.
 *
 * <p>v1 to a date version: {@code exchangeAuthorizationCode}, {@code refreshAccessToken}, {@code
 * revokeRefreshToken} and {@link #tokenProvider()} work on every version; {@code
 * getAccessTokenMetadata} and {@code getRefreshTokenMetadata} are v1 calls, replaced by {@link
 * #introspect}; {@link #introspect}, PKCE and the client-credentials calls are date-version calls.
 */
public interface HubSpotOAuthClient {

  /**
   * Exchanges an authorization code ({@code grant_type=authorization_code}) and installs the
   * returned tokens in {@link #tokenProvider()}, which tells its listener the new refresh token.
   *
   * @param code the code HubSpot sent to the redirect URI
   * @param redirectUri the redirect URI of the authorization request
   * @return the tokens
   */
  UserTokens exchangeAuthorizationCode(String code, String redirectUri);

  /**
   * Exchanges an authorization code with its PKCE verifier ({@code code_verifier}, date versions
   * only; see {@link AuthorizationUrl.Builder#pkce(boolean)}), and installs the tokens like {@link
   * #exchangeAuthorizationCode(String, String)}.
   *
   * @param code the code HubSpot sent to the redirect URI
   * @param redirectUri the redirect URI of the authorization request
   * @param codeVerifier the verifier kept from the authorization URL ({@code codeVerifier()})
   * @return the tokens
   */
  UserTokens exchangeAuthorizationCode(String code, String redirectUri, String codeVerifier);

  /**
   * Makes one refresh call ({@code grant_type=refresh_token}) with the given refresh token and
   * returns the tokens; the token provider is not touched. Prefer {@link #tokenProvider()}.
   *
   * @param refreshToken the refresh token
   * @return the tokens
   */
  UserTokens refreshAccessToken(String refreshToken);

  /**
   * Makes one client-credentials call ({@code grant_type=client_credentials}, date versions only).
   * Prefer {@link #clientCredentialsTokenProvider}, which keeps the token fresh.
   *
   * @param scopes the scopes to ask for, at least one
   * @return the token
   */
  ClientCredentialsToken clientCredentialsToken(Collection<String> scopes);

  /**
   * Describes a token ({@code POST /oauth/<version>/token/introspect}, date versions only): an
   * active access token, an active refresh token, or an inactive one. Replaces both v1 metadata
   * calls.
   *
   * @param token an access token or a refresh token
   * @return what the server says about it
   */
  IntrospectedToken introspect(String token);

  /**
   * Returns the metadata of an access token ({@code GET /oauth/v1/access-tokens/{token}}, v1 only;
   * on date versions use {@link #introspect}).
   *
   * @param accessToken the access token
   * @return the metadata
   * @deprecated HubSpot switches its v1 OAuth API off on 2027-02-16; use {@link #introspect} on a
   *     date version
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  AccessTokenMetadata getAccessTokenMetadata(String accessToken);

  /**
   * Returns the metadata of a refresh token ({@code GET /oauth/v1/refresh-tokens/{token}}, v1 only;
   * on date versions use {@link #introspect}).
   *
   * @param refreshToken the refresh token
   * @return the metadata
   * @deprecated HubSpot switches its v1 OAuth API off on 2027-02-16; use {@link #introspect} on a
   *     date version
   */
  @Deprecated(since = "0.1.0", forRemoval = true)
  RefreshTokenMetadata getRefreshTokenMetadata(String refreshToken);

  /**
   * Revokes a refresh token and the access tokens issued from it: {@code POST
   * /oauth/<version>/token/revoke} (any 2xx, also for an unknown token) or v1's {@code DELETE}.
   *
   * @param refreshToken the refresh token
   */
  void revokeRefreshToken(String refreshToken);

  /** Returns the provider that keeps this client's access token fresh (refresh-token grant). */
  RefreshingAccessTokenProvider tokenProvider();

  /**
   * Returns a new provider of client-credentials tokens (date versions only) for {@code scopes}: it
   * asks for a token when first needed and a new one before it expires, one request in flight
   * however many threads ask, with the client's {@link TokenProviderOptions}. Create it once and
   * keep it.
   *
   * @param scopes the scopes to ask for, at least one
   * @return the provider
   */
  RefreshingAccessTokenProvider clientCredentialsTokenProvider(Collection<String> scopes);
}
