package dev.oauthkit.hubspot.core.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.oauthkit.hubspot.client.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.client.model.RefreshTokenMetadata;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The operations of {@link HubSpotOAuthClient}, written once for every stack and every API version:
 * argument checks, the form of each grant, the routing to the version's call ({@link
 * VersionRoute}), the mapping of the generated models to typed results ({@link TokenResults}), the
 * {@link AccessTokenProvider}s and their token call (one attempt; the provider retries), the
 * mapping of any non-2xx answer to a {@link dev.oauthkit.hubspot.core.HubSpotOAuthException} that
 * redacts the call's own token or code, the client secret, the refresh token and any other secret
 * field of its form (a PKCE verifier), and of a 2xx body without a required field (read by {@link
 * ResponseReading}'s mapper) to a {@link HubSpotOAuthResponseException}. A transport failure throws
 * {@link UncheckedIOException} naming the operation and the failure's type. A stack supplies one
 * {@link HttpStack}: its generated APIs and one way to send a {@link GeneratedCall}; which method
 * each {@link Operation} calls, with which arguments, is decided here.
 */
public abstract class AbstractHubSpotOAuthClient implements HubSpotOAuthClient {

  /** Form fields whose values are secrets, redacted from error answers. */
  private static final List<String> SECRET_FIELDS =
      List.of(
          "client_secret", "code", "code_verifier", "refresh_token", "client_assertion", "token");

  private static final String CREATE_TOKEN = Operation.CREATE_TOKEN.id();
  private static final String INTROSPECT = Operation.INTROSPECT_TOKEN.id();

  private final URI baseUrl;
  private final Clock clock;
  private final ApiVersion version;
  private final VersionRoute route;
  private final TokenProviderOptions options;
  private final RefreshingAccessTokenProvider provider;
  private final AllowedHosts allowedHosts;
  private final HttpStack stack;
  private final GeneratedApis apis;

  /**
   * Finds each operation's generated method on the stack's APIs and creates the client's token
   * provider; no request is made.
   *
   * @param settings the builder's settings
   * @param stack the stack's generated APIs and its way to send a call
   * @throws IllegalArgumentException when an operation's generated method is missing from {@code
   *     stack.apis()} or takes another number of parameters
   */
  protected AbstractHubSpotOAuthClient(ClientSettings settings, HttpStack stack) {
    this.stack = Objects.requireNonNull(stack, "stack");
    this.apis = GeneratedApis.of(stack.apis());
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
            Operation.INTROSPECT_TOKEN,
            TokenIntrospection.class,
            credentialFields(credentials, token, null),
            token);
    return TokenResults.introspection(INTROSPECT, answer);
  }

  @Override
  public final AccessTokenMetadata getAccessTokenMetadata(String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    require(VersionRoute.Call.METADATA, "getAccessTokenMetadata");
    return unchecked(
        Operation.GET_ACCESS_TOKEN_METADATA,
        AccessTokenMetadata.class,
        tokenField(accessToken),
        accessToken);
  }

  @Override
  public final RefreshTokenMetadata getRefreshTokenMetadata(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    require(VersionRoute.Call.METADATA, "getRefreshTokenMetadata");
    return unchecked(
        Operation.GET_REFRESH_TOKEN_METADATA,
        RefreshTokenMetadata.class,
        tokenField(refreshToken),
        refreshToken);
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
        TokenResults.grant(
            CREATE_TOKEN,
            execute(Operation.CREATE_TOKEN, CreateTokenResponse.class, form.fields(), null));
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

  /** The one field {@code token} of the operations with the token in the path. */
  static Map<String, String> tokenField(String token) {
    return Map.of("token", token);
  }

  /** The fields of the date versions' introspection and revocation. */
  static Map<String, String> credentialFields(
      OAuthCredentials credentials, String token, String tokenTypeHint) {
    Map<String, String> fields = new HashMap<>();
    fields.put("client_id", credentials.clientId());
    fields.put("client_secret", credentials.clientSecret());
    fields.put("token", token);
    fields.put("token_type_hint", tokenTypeHint);
    return fields;
  }

  /**
   * Sends {@code operation}: a non-2xx answer, an empty body and a body without a required field
   * become the facade's exceptions, transport failures are thrown as they are.
   */
  <X> X execute(Operation operation, Class<X> type, Map<String, String> values, String secret)
      throws IOException {
    Object body = send(operation, values, secret);
    if (body == null) {
      throw HubSpotOAuthResponseException.of(operation.id(), "$", "is missing (empty body)");
    }
    return type.cast(body);
  }

  /** Sends {@code operation}; the body of a 2xx answer, {@code null} when there is none. */
  Object send(Operation operation, Map<String, String> values, String secret) throws IOException {
    GeneratedCall call = apis.call(operation, values);
    try {
      return stack.send(call);
    } catch (ErrorResponse answer) {
      throw ErrorBodies.toException(
          operation.id(),
          answer.status(),
          answer.retryAfter(),
          answer.body(),
          carried(values, secret),
          clock);
    } catch (JsonProcessingException e) {
      throw ResponseReading.toException(operation.id(), e);
    }
  }

  /**
   * The secrets a call carried: its own token or code, the credentials' secret and refresh token,
   * and any other secret field of its form (a PKCE verifier, a client assertion).
   */
  private List<String> carried(Map<String, String> values, String secret) {
    List<String> secrets = new ArrayList<>(Secrets.carriedBy(provider.credentials(), secret));
    for (String field : SECRET_FIELDS) {
      String value = values.get(field);
      if (value != null && !value.isBlank()) {
        secrets.add(value);
      }
    }
    return secrets;
  }

  /** Sends {@code operation}; transport failures become {@link UncheckedIOException}. */
  private <X> X unchecked(
      Operation operation, Class<X> type, Map<String, String> values, String secret) {
    try {
      return execute(operation, type, values, secret);
    } catch (IOException e) {
      throw transportFailure(operation.id(), e);
    }
  }

  private static UncheckedIOException transportFailure(String operation, IOException e) {
    return new UncheckedIOException(operation + " failed: " + e.getClass().getSimpleName(), e);
  }
}
