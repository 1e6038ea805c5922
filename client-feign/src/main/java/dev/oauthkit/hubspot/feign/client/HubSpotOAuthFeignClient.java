package dev.oauthkit.hubspot.feign.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oauthkit.hubspot.client.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.client.model.RefreshTokenMetadata;
import dev.oauthkit.hubspot.client.model.TokenResponse;
import dev.oauthkit.hubspot.client.model.dated.CreateTokenResponse;
import dev.oauthkit.hubspot.client.model.dated.TokenIntrospection;
import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.ClientSettings;
import dev.oauthkit.hubspot.core.HubSpotOAuthClientBuilder;
import dev.oauthkit.hubspot.core.stack.AbstractHubSpotOAuthClient;
import dev.oauthkit.hubspot.core.stack.HttpCall;
import dev.oauthkit.hubspot.core.stack.ResponseReading;
import dev.oauthkit.hubspot.core.stack.TokenForm;
import dev.oauthkit.hubspot.feign.api.AccessTokensApi;
import dev.oauthkit.hubspot.feign.api.RefreshTokensApi;
import dev.oauthkit.hubspot.feign.api.TokenManagementApi;
import dev.oauthkit.hubspot.feign.api.dated.OAuthTokensApi;
import feign.Contract;
import feign.Feign;
import feign.FeignException;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.form.FormEncoder;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The HubSpot OAuth API on OpenFeign (over OkHttp), on any {@link
 * dev.oauthkit.hubspot.core.ApiVersion} (the newest date version by default): typed token results
 * and introspection, the shared models of {@code hubspot-oauth-client-model}, plus {@link
 * AccessTokenProvider}s that keep an access token fresh. Any non-2xx answer throws {@link
 * dev.oauthkit.hubspot.core.HubSpotOAuthException}; a transport failure throws {@link
 * UncheckedIOException}. Thread-safe; build one per app and account.
 */
public final class HubSpotOAuthFeignClient extends AbstractHubSpotOAuthClient {

  /** HubSpot's API host. */
  public static final String DEFAULT_BASE_URL = HubSpotOAuthClientBuilder.DEFAULT_BASE_URL;

  /** The User-Agent sent unless another is set. */
  public static final String DEFAULT_USER_AGENT =
      HubSpotOAuthClientBuilder.USER_AGENT_PREFIX + "feign";

  private final TokenManagementApi tokens;
  private final AccessTokensApi accessTokens;
  private final RefreshTokensApi refreshTokens;
  private final OAuthTokensApi oauthTokens;

  private HubSpotOAuthFeignClient(ClientSettings settings, OkHttpClient okHttpClient) {
    super(settings);
    ObjectMapper mapper = ResponseReading.objectMapper(settings);
    OkHttpClient.Builder http =
        okHttpClient != null ? okHttpClient.newBuilder() : new OkHttpClient.Builder();
    settings.connectTimeout().ifPresent(http::connectTimeout);
    settings.readTimeout().ifPresent(http::readTimeout);
    OkHttpClient okHttp = http.build();
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
            .errorDecoder(ErrorResponseDecoder.create())
            .retryer(Retryer.NEVER_RETRY)
            .contract(new SlashEncodingContract())
            .requestInterceptor(headers(settings.userAgent()));
    String target = settings.baseUrl().toString();
    this.tokens = feign.target(TokenManagementApi.class, target);
    this.accessTokens = feign.target(AccessTokensApi.class, target);
    this.refreshTokens = feign.target(RefreshTokensApi.class, target);
    // The date versions' paths are relative to https://api.hubapi.com/oauth/<version>.
    this.oauthTokens =
        feign.target(
            OAuthTokensApi.class, settings.apiVersion().apiRoot(settings.baseUrl()).toString());
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a Feign request interceptor that puts this client's access token on calls to other
   * HubSpot APIs, on the builder's {@code allowedHosts} only (default: the base URL's host). Add
   * {@link #unauthorizedRetry()} to the same builder for the 401 retry.
   */
  public BearerTokenInterceptor bearerInterceptor() {
    return BearerTokenInterceptor.create(tokenProvider(), allowedHosts());
  }

  /**
   * Returns a Feign capability that, when another HubSpot API answers 401 to this client's token,
   * refreshes the token once and retries the request once.
   */
  public UnauthorizedRetry unauthorizedRetry() {
    return UnauthorizedRetry.create(tokenProvider(), allowedHosts());
  }

  @Override
  protected HttpCall<TokenResponse> tokenCall(TokenForm form) {
    return http(() -> form.applyTo(tokens::createOrRefreshAccessToken));
  }

  @Override
  protected HttpCall<AccessTokenMetadata> accessTokenMetadataCall(String accessToken) {
    return http(() -> accessTokens.getAccessTokenMetadata(accessToken));
  }

  @Override
  protected HttpCall<RefreshTokenMetadata> refreshTokenMetadataCall(String refreshToken) {
    return http(() -> refreshTokens.getRefreshTokenMetadata(refreshToken));
  }

  @Override
  protected HttpCall<Void> revokeCall(String refreshToken) {
    return http(
        () -> {
          refreshTokens.revokeRefreshToken(refreshToken);
          return null;
        });
  }

  @Override
  protected HttpCall<CreateTokenResponse> createTokenCall(TokenForm form) {
    return http(() -> form.applyTo(oauthTokens::createToken));
  }

  @Override
  protected HttpCall<TokenIntrospection> introspectTokenCall(
      String clientId, String clientSecret, String token, String tokenTypeHint) {
    return http(() -> oauthTokens.introspectToken(clientId, clientSecret, token, tokenTypeHint));
  }

  @Override
  protected HttpCall<Void> revokeTokenCall(
      String clientId, String clientSecret, String token, String tokenTypeHint) {
    return http(
        () -> {
          oauthTokens.revokeToken(clientId, clientSecret, token, tokenTypeHint);
          return null;
        });
  }

  /**
   * A call on a generated Feign API. A non-2xx answer arrives as the {@link ErrorResponseDecoder}'s
   * exception. Feign's wrapper around a failure to send or read ({@link FeignException} with an
   * {@link IOException} cause) is dropped, since its message names the URL, which may hold a token;
   * the {@link IOException} itself is thrown.
   */
  private static <T> HttpCall<T> http(Supplier<T> call) {
    return () -> {
      try {
        return call.get();
      } catch (FeignException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw e;
      }
    };
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

  /**
   * Builds a {@link HubSpotOAuthFeignClient}; only the credentials are required. Besides the
   * options every stack shares, it takes an {@link OkHttpClient} to derive the HTTP client from;
   * that client's timeouts are kept unless set here.
   */
  public static final class Builder
      extends HubSpotOAuthClientBuilder<Builder, HubSpotOAuthFeignClient, OkHttpClient> {

    private Builder() {
      super(DEFAULT_USER_AGENT, HubSpotOAuthFeignClient::new);
    }

    /** Derives the HTTP client from {@code okHttpClient}, sharing its pool and interceptors. */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      return httpClient(okHttpClient, "okHttpClient");
    }
  }
}
