package dev.oauthkit.hubspot.feign.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.TokenSet;
import dev.oauthkit.hubspot.feign.api.AccessTokensApi;
import dev.oauthkit.hubspot.feign.api.RefreshTokensApi;
import dev.oauthkit.hubspot.feign.api.TokenManagementApi;
import dev.oauthkit.hubspot.feign.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.feign.model.RefreshTokenMetadata;
import dev.oauthkit.hubspot.feign.model.TokenResponse;
import feign.Contract;
import feign.Feign;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.form.FormEncoder;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The HubSpot OAuth API on OpenFeign (over OkHttp): the four operations, typed by the generated
 * models, plus an {@link AccessTokenProvider} that keeps an access token fresh. Any non-2xx answer
 * throws {@link dev.oauthkit.hubspot.core.HubSpotOAuthException}; a transport failure throws {@link
 * UncheckedIOException}. Thread-safe; build one per app and account.
 */
public final class HubSpotOAuthFeignClient
    implements HubSpotOAuthClient<TokenResponse, AccessTokenMetadata, RefreshTokenMetadata> {

  /** HubSpot's API host. */
  public static final String DEFAULT_BASE_URL = "https://api.hubapi.com";

  /** The User-Agent sent unless another is set. */
  public static final String DEFAULT_USER_AGENT = "hubspot-oauth-client-feign";

  private final HttpUrl baseUrl;
  private final TokenManagementApi tokens;
  private final AccessTokensApi accessTokens;
  private final RefreshTokensApi refreshTokens;
  private final CallExecutor calls;
  private final AccessTokenProvider provider;

  private HubSpotOAuthFeignClient(Builder b) {
    this.baseUrl = b.baseUrl;
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    OkHttpClient.Builder http =
        b.okHttpClient != null ? b.okHttpClient.newBuilder() : new OkHttpClient.Builder();
    if (b.connectTimeout != null) {
      http.connectTimeout(b.connectTimeout);
    }
    if (b.readTimeout != null) {
      http.readTimeout(b.readTimeout);
    }
    OkHttpClient okHttp = http.build();
    ErrorMapper errors = ErrorMapper.create(mapper, b.options.clock());
    Feign.Builder feign =
        Feign.builder()
            .client(new feign.okhttp.OkHttpClient(okHttp))
            // Feign's own defaults (10 s / 60 s) would override the OkHttp client's timeouts.
            .options(
                new Request.Options(
                    okHttp.connectTimeoutMillis(),
                    TimeUnit.MILLISECONDS,
                    okHttp.readTimeoutMillis(),
                    TimeUnit.MILLISECONDS,
                    okHttp.followRedirects()))
            // FormEncoder writes the token call's form body; everything else is JSON.
            .encoder(new FormEncoder(new JacksonEncoder(mapper)))
            .decoder(new JacksonDecoder(mapper))
            .errorDecoder(errors)
            .retryer(Retryer.NEVER_RETRY)
            .contract(new SlashEncodingContract())
            .requestInterceptor(headers(b.userAgent));
    String target = b.baseUrl.toString();
    this.tokens = feign.target(TokenManagementApi.class, target);
    this.accessTokens = feign.target(AccessTokensApi.class, target);
    this.refreshTokens = feign.target(RefreshTokensApi.class, target);
    this.calls = CallExecutor.create(errors, this::currentCredentials);
    this.provider = AccessTokenProvider.create(b.credentials, this::refresh, b.options);
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public TokenResponse exchangeAuthorizationCode(String code, String redirectUri) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(redirectUri, "redirectUri");
    OAuthCredentials credentials = provider.credentials();
    TokenResponse response =
        calls.unchecked(
            "createOrRefreshAccessToken",
            () ->
                tokens.createOrRefreshAccessToken(
                    "authorization_code",
                    credentials.clientId(),
                    credentials.clientSecret(),
                    redirectUri,
                    code,
                    null),
            code);
    provider.install(toTokenSet(response));
    return response;
  }

  @Override
  public TokenResponse refreshAccessToken(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    OAuthCredentials credentials = provider.credentials();
    return calls.unchecked(
        "createOrRefreshAccessToken",
        () ->
            tokens.createOrRefreshAccessToken(
                "refresh_token",
                credentials.clientId(),
                credentials.clientSecret(),
                null,
                null,
                refreshToken),
        refreshToken);
  }

  @Override
  public AccessTokenMetadata getAccessTokenMetadata(String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    return calls.unchecked(
        "getAccessTokenMetadata",
        () -> accessTokens.getAccessTokenMetadata(accessToken),
        accessToken);
  }

  @Override
  public RefreshTokenMetadata getRefreshTokenMetadata(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    return calls.unchecked(
        "getRefreshTokenMetadata",
        () -> refreshTokens.getRefreshTokenMetadata(refreshToken),
        refreshToken);
  }

  @Override
  public void revokeRefreshToken(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    calls.unchecked(
        "revokeRefreshToken",
        () -> {
          refreshTokens.revokeRefreshToken(refreshToken);
          return null;
        },
        refreshToken);
  }

  @Override
  public AccessTokenProvider tokenProvider() {
    return provider;
  }

  /**
   * Returns a Feign request interceptor that puts this client's access token on calls to other
   * HubSpot APIs. Add {@link #unauthorizedRetry()} to the same builder for the 401 retry.
   */
  public BearerTokenInterceptor bearerInterceptor() {
    return BearerTokenInterceptor.create(provider);
  }

  /**
   * Returns a Feign capability that, when another HubSpot API answers 401 to this client's token,
   * refreshes the token once and retries the request once.
   */
  public UnauthorizedRetry unauthorizedRetry() {
    return UnauthorizedRetry.create(provider);
  }

  @Override
  public String toString() {
    return "HubSpotOAuthFeignClient{baseUrl=" + baseUrl + ", tokenProvider=" + provider + "}";
  }

  /** The provider's {@link dev.oauthkit.hubspot.core.TokenEndpoint}: one refresh, no retry. */
  private TokenSet refresh(OAuthCredentials credentials) throws IOException {
    String refreshToken = credentials.refreshToken().orElseThrow();
    return toTokenSet(
        calls.execute(
            "createOrRefreshAccessToken",
            () ->
                tokens.createOrRefreshAccessToken(
                    "refresh_token",
                    credentials.clientId(),
                    credentials.clientSecret(),
                    null,
                    null,
                    refreshToken),
            refreshToken));
  }

  private OAuthCredentials currentCredentials() {
    return provider.credentials();
  }

  private static TokenSet toTokenSet(TokenResponse response) {
    if (response == null || response.getAccessToken() == null || response.getExpiresIn() == null) {
      throw new UncheckedIOException(
          new IOException("token response lacks access_token or expires_in"));
    }
    return TokenSet.of(
        response.getAccessToken(),
        Duration.ofSeconds(response.getExpiresIn()),
        response.getRefreshToken());
  }

  /** User-Agent and Accept, once each, replacing whatever the generated annotations set. */
  private static RequestInterceptor headers(String userAgent) {
    return template -> {
      template.removeHeader("User-Agent");
      template.headerLiteral("User-Agent", userAgent);
      template.removeHeader("Accept");
      template.headerLiteral("Accept", "application/json");
    };
  }

  /**
   * Feign's default contract, but path parameters encode {@code /} (Feign leaves it raw by
   * default), so a token stays one path segment, as with Retrofit.
   */
  private static final class SlashEncodingContract implements Contract {
    private final Contract delegate = new Contract.Default();

    @Override
    public List<MethodMetadata> parseAndValidateMetadata(Class<?> targetType) {
      List<MethodMetadata> methods = delegate.parseAndValidateMetadata(targetType);
      methods.forEach(method -> method.template().decodeSlash(false));
      return methods;
    }
  }

  /** Builds a {@link HubSpotOAuthFeignClient}; only the credentials are required. */
  public static final class Builder {
    private HttpUrl baseUrl = HttpUrl.get(DEFAULT_BASE_URL + "/");
    private OAuthCredentials credentials;
    private OkHttpClient okHttpClient;
    private Duration connectTimeout;
    private Duration readTimeout;
    private String userAgent = DEFAULT_USER_AGENT;
    private TokenProviderOptions options = TokenProviderOptions.defaults();

    private Builder() {}

    /** Sets the API host (default {@value #DEFAULT_BASE_URL}), for example a local sandbox. */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      HttpUrl parsed = HttpUrl.parse(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
      if (parsed == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
      }
      this.baseUrl = parsed;
      return this;
    }

    /** Sets the client credentials and, normally, the refresh token. Required. */
    public Builder credentials(OAuthCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** Derives the HTTP client from {@code okHttpClient}, sharing its pool and interceptors. */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
      return this;
    }

    /** Sets the connect timeout (default: OkHttp's, 10 s). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    /** Sets the read timeout (default: OkHttp's, 10 s). */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
      return this;
    }

    /** Sets the User-Agent (default {@value #DEFAULT_USER_AGENT}). */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent");
      if (userAgent.isBlank()) {
        throw new IllegalArgumentException("userAgent must not be blank");
      }
      this.userAgent = userAgent;
      return this;
    }

    /** Sets clock, sleeper, refresh margin, retry policy and rotation listener. */
    public Builder tokenProviderOptions(TokenProviderOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /** Builds the client; no request is made until an operation is called. */
    public HubSpotOAuthFeignClient build() {
      Objects.requireNonNull(credentials, "credentials");
      return new HubSpotOAuthFeignClient(this);
    }
  }
}
