package dev.oauthkit.hubspot.core.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.oauthkit.hubspot.client.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.client.model.RefreshTokenMetadata;
import dev.oauthkit.hubspot.client.model.TokenResponse;
import dev.oauthkit.hubspot.client.model.dated.CreateTokenResponse;
import dev.oauthkit.hubspot.client.model.dated.TokenIntrospection;
import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.AllowedHosts;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.ClientCredentialsToken;
import dev.oauthkit.hubspot.core.ClientSettings;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.HubSpotOAuthResponseException;
import dev.oauthkit.hubspot.core.IntrospectedToken;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.RefreshingAccessTokenProvider;
import dev.oauthkit.hubspot.core.Secrets;
import dev.oauthkit.hubspot.core.TokenGrant;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.TokenSet;
import dev.oauthkit.hubspot.core.UserTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.Objects;

/**
 * The operations of {@link HubSpotOAuthClient}, written once for every stack and every API version:
 * argument checks, the form of each grant, the routing to the version's call ({@link
 * VersionRoute}), the mapping of the generated models to typed results ({@link TokenResults}), the
 * {@link AccessTokenProvider}s and their token call (one attempt; the provider retries), the
 * mapping of any non-2xx answer to a {@link dev.oauthkit.hubspot.core.HubSpotOAuthException} that
 * redacts the call's own token or code, the client secret and the refresh token, and of a 2xx body
 * without a required field (read by {@link ResponseReading}'s mapper) to a {@link
 * HubSpotOAuthResponseException}. A transport failure throws {@link UncheckedIOException} naming
 * the operation and the failure's type. A stack supplies one {@link HttpCall} per generated
 * operation of each version.
 */
public abstract class AbstractHubSpotOAuthClient implements HubSpotOAuthClient {

  private static final String CREATE_TOKEN = VersionRoute.CREATE_TOKEN;
  private static final String INTROSPECT = "introspectToken";

  private final URI baseUrl;
  private final Clock clock;
  private final ApiVersion version;
  private final VersionRoute route;
  private final TokenProviderOptions options;
  private final RefreshingAccessTokenProvider provider;
  private final AllowedHosts allowedHosts;

  /**
   * Creates the client's token provider; no request is made.
   *
   * @param settings the builder's settings
   */
  protected AbstractHubSpotOAuthClient(ClientSettings settings) {
    this.baseUrl = settings.baseUrl();
    this.options = settings.tokenProviderOptions();
    this.clock = options.clock();
    this.version = settings.apiVersion();
    this.route = VersionRoute.of(version);
    this.provider = AccessTokenProvider.create(settings.credentials(), this::refresh, options);
    this.allowedHosts = settings.allowedHosts();
  }

  @Override
  public final UserTokens exchangeAuthorizationCode(String code, String redirectUri) {
    return exchange(TokenForm.authorizationCode(provider.credentials(), code, redirectUri), code);
  }

  @Override
  public final UserTokens exchangeAuthorizationCode(
      String code, String redirectUri, String codeVerifier) {
    Objects.requireNonNull(codeVerifier, "codeVerifier");
    require(VersionRoute.Call.PKCE, "exchangeAuthorizationCode with a PKCE code verifier");
    return exchange(
        TokenForm.authorizationCode(provider.credentials(), code, redirectUri, codeVerifier), code);
  }

  @Override
  public final UserTokens refreshAccessToken(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    return userTokens(TokenForm.refreshToken(provider.credentials(), refreshToken), refreshToken);
  }

  @Override
  public final ClientCredentialsToken clientCredentialsToken(Collection<String> scopes) {
    String scope = scope(scopes);
    require(VersionRoute.Call.CLIENT_CREDENTIALS, "clientCredentialsToken");
    try {
      return clientCredentials(provider.credentials(), scope);
    } catch (IOException e) {
      throw transportFailure(CREATE_TOKEN, e);
    }
  }

  @Override
  public final RefreshingAccessTokenProvider clientCredentialsTokenProvider(
      Collection<String> scopes) {
    String scope = scope(scopes);
    require(VersionRoute.Call.CLIENT_CREDENTIALS, "clientCredentialsTokenProvider");
    return AccessTokenProvider.clientCredentials(
        OAuthCredentials.of(
            provider.credentials().clientId(), provider.credentials().clientSecret()),
        credentials -> tokenSet(clientCredentials(credentials, scope)),
        options);
  }

  @Override
  public final IntrospectedToken introspect(String token) {
    Objects.requireNonNull(token, "token");
    require(VersionRoute.Call.INTROSPECT, "introspect");
    OAuthCredentials credentials = provider.credentials();
    TokenIntrospection answer =
        unchecked(
            INTROSPECT,
            introspectTokenCall(credentials.clientId(), credentials.clientSecret(), token, null),
            token);
    return TokenResults.introspection(INTROSPECT, answer);
  }

  @Override
  public final AccessTokenMetadata getAccessTokenMetadata(String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    require(VersionRoute.Call.METADATA, "getAccessTokenMetadata");
    return unchecked("getAccessTokenMetadata", accessTokenMetadataCall(accessToken), accessToken);
  }

  @Override
  public final RefreshTokenMetadata getRefreshTokenMetadata(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    require(VersionRoute.Call.METADATA, "getRefreshTokenMetadata");
    return unchecked(
        "getRefreshTokenMetadata", refreshTokenMetadataCall(refreshToken), refreshToken);
  }

  @Override
  public final void revokeRefreshToken(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    try {
      route.revoke(this, provider.credentials(), refreshToken);
    } catch (IOException e) {
      throw transportFailure(route.revokeOperation(), e);
    }
  }

  @Override
  public final RefreshingAccessTokenProvider tokenProvider() {
    return provider;
  }

  /** Returns the hosts this client's bearer interceptor sends the access token to. */
  public final AllowedHosts allowedHosts() {
    return allowedHosts;
  }

  /** The client's class, base URL, API version and token provider; never a secret. */
  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "{baseUrl="
        + baseUrl
        + ", apiVersion="
        + version
        + ", tokenProvider="
        + provider
        + "}";
  }

  /**
   * {@code POST /oauth/v1/token} with exactly the form's non-null fields, form-encoded; typically
   * {@code form.applyTo(tokens::createOrRefreshAccessToken)}.
   *
   * @param form the grant's fields
   * @return the call
   */
  protected abstract HttpCall<TokenResponse> tokenCall(TokenForm form);

  /**
   * {@code GET /oauth/v1/access-tokens/{token}}, the token one percent-encoded path segment.
   *
   * @param accessToken the access token
   * @return the call
   */
  protected abstract HttpCall<AccessTokenMetadata> accessTokenMetadataCall(String accessToken);

  /**
   * {@code GET /oauth/v1/refresh-tokens/{token}}, the token one percent-encoded path segment.
   *
   * @param refreshToken the refresh token
   * @return the call
   */
  protected abstract HttpCall<RefreshTokenMetadata> refreshTokenMetadataCall(String refreshToken);

  /**
   * {@code DELETE /oauth/v1/refresh-tokens/{token}}, the token one percent-encoded path segment.
   *
   * @param refreshToken the refresh token
   * @return the call
   */
  protected abstract HttpCall<?> revokeCall(String refreshToken);

  /**
   * {@code POST /oauth/<date version>/token} with exactly the form's non-null fields, form-encoded;
   * typically {@code form.applyTo(tokens::createToken)}.
   *
   * @param form the grant's fields
   * @return the call
   */
  protected abstract HttpCall<CreateTokenResponse> createTokenCall(TokenForm form);

  /**
   * {@code POST /oauth/<date version>/token/introspect}, form-encoded; {@code null} fields are not
   * sent.
   *
   * @return the call
   */
  protected abstract HttpCall<TokenIntrospection> introspectTokenCall(
      String clientId, String clientSecret, String token, String tokenTypeHint);

  /**
   * {@code POST /oauth/<date version>/token/revoke}, form-encoded; {@code null} fields are not
   * sent.
   *
   * @return the call
   */
  protected abstract HttpCall<?> revokeTokenCall(
      String clientId, String clientSecret, String token, String tokenTypeHint);

  /** The provider's {@link dev.oauthkit.hubspot.core.TokenEndpoint}: one refresh, no retry. */
  private TokenSet refresh(OAuthCredentials credentials) throws IOException {
    String refreshToken = credentials.refreshToken().orElseThrow();
    return tokenSet(
        userTokensChecked(TokenForm.refreshToken(credentials, refreshToken), refreshToken));
  }

  private UserTokens exchange(TokenForm form, String code) {
    UserTokens tokens = userTokens(form, code);
    provider.install(tokenSet(tokens));
    return tokens;
  }

  private UserTokens userTokens(TokenForm form, String secret) {
    try {
      return userTokensChecked(form, secret);
    } catch (IOException e) {
      throw transportFailure(route.tokenOperation(), e);
    }
  }

  /** One token call of the authorization-code or refresh grant, on the client's version. */
  private UserTokens userTokensChecked(TokenForm form, String secret) throws IOException {
    return route.userTokens(this, form, secret);
  }

  private ClientCredentialsToken clientCredentials(OAuthCredentials credentials, String scope)
      throws IOException {
    TokenForm form = TokenForm.clientCredentials(credentials, scope);
    TokenGrant grant =
        TokenResults.grant(CREATE_TOKEN, execute(CREATE_TOKEN, createTokenCall(form), null));
    if (grant instanceof ClientCredentialsToken token) {
      return token;
    }
    throw HubSpotOAuthResponseException.of(
        CREATE_TOKEN, "$.token_use", "is access_token, expected client_credentials");
  }

  private void require(VersionRoute.Call call, String method) {
    if (!route.supports(call)) {
      throw new UnsupportedOperationException(
          method + " is not available on API version " + version + ": " + route.hint(call));
    }
  }

  private static String scope(Collection<String> scopes) {
    Objects.requireNonNull(scopes, "scopes");
    if (scopes.isEmpty() || scopes.stream().anyMatch(s -> s == null || s.isBlank())) {
      throw new IllegalArgumentException("scopes must hold at least one scope, none blank");
    }
    return String.join(" ", scopes);
  }

  /** The tokens the provider keeps. */
  private static TokenSet tokenSet(TokenGrant grant) {
    return TokenSet.of(
        grant.accessToken(),
        grant.expiresIn(),
        grant instanceof UserTokens user ? user.refreshToken() : null);
  }

  /**
   * Sends {@code call}: a non-2xx answer and a body without a required field become the facade's
   * exceptions, transport failures are thrown as they are.
   */
  <X> X execute(String operation, HttpCall<X> call, String secret) throws IOException {
    X body = send(operation, call, secret);
    if (body == null) {
      throw HubSpotOAuthResponseException.of(operation, "$", "is missing (empty body)");
    }
    return body;
  }

  <X> X send(String operation, HttpCall<X> call, String secret) throws IOException {
    try {
      return ResponseReading.reading(operation, call::send);
    } catch (ErrorResponse answer) {
      throw ErrorBodies.toException(
          operation,
          answer.status(),
          answer.retryAfter(),
          answer.body(),
          Secrets.carriedBy(provider.credentials(), secret),
          clock);
    } catch (JsonProcessingException e) {
      throw ResponseReading.toException(operation, e);
    }
  }

  /** Sends {@code call}; transport failures become {@link UncheckedIOException}. */
  private <X> X unchecked(String operation, HttpCall<X> call, String secret) {
    try {
      return execute(operation, call, secret);
    } catch (IOException e) {
      throw transportFailure(operation, e);
    }
  }

  private static UncheckedIOException transportFailure(String operation, IOException e) {
    return new UncheckedIOException(operation + " failed: " + e.getClass().getSimpleName(), e);
  }
}
