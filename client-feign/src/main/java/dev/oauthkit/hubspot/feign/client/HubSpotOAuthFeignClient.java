package dev.oauthkit.hubspot.feign.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.ClientSettings;
import dev.oauthkit.hubspot.core.HubSpotOAuthClientBuilder;
import dev.oauthkit.hubspot.core.stack.AbstractHubSpotOAuthClient;
import dev.oauthkit.hubspot.core.stack.GeneratedCall;
import dev.oauthkit.hubspot.core.stack.HttpStack;
import dev.oauthkit.hubspot.core.stack.ResponseReading;
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
import feign.codec.Decoder;
import feign.form.FormEncoder;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

  private HubSpotOAuthFeignClient(ClientSettings settings, OkHttpClient okHttpClient) {
    super(settings, stack(settings, okHttpClient));
  }

  /**
   * {@code json}, reading a body whose Content-Type names a charset the JVM does not know as UTF-8,
   * as OkHttp does on Retrofit and the facade on RestClient (Feign would throw).
   */
  private static Decoder knownCharset(Decoder json) {
    return (response, type) -> {
      try {
        response.charset();
        return json.decode(response, type);
      } catch (IllegalArgumentException unknown) {
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        response
            .headers()
            .forEach(
                (name, values) -> {
                  if (!"content-type".equalsIgnoreCase(name)) {
                    headers.put(name, values);
                  }
                });
        headers.put("Content-Type", List.of("application/json; charset=UTF-8"));
        return json.decode(response.toBuilder().headers(headers).build(), type);
      }
    };
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The generated Feign APIs on one OkHttp client derived from {@code okHttpClient}. */
  private static HttpStack stack(ClientSettings settings, OkHttpClient okHttpClient) {
    ObjectMapper mapper = ResponseReading.objectMapper(settings);
    OkHttpClient.Builder http =
        okHttpClient != null ? okHttpClient.newBuilder() : new OkHttpClient.Builder();
    settings.connectTimeout().ifPresent(http::connectTimeout);
    settings.readTimeout().ifPresent(http::readTimeout);
    // A redirected token call is an error, never followed: its form holds the client secret and
    // the refresh token, which another host (or plain http) must not get.
    OkHttpClient okHttp = http.followRedirects(false).followSslRedirects(false).build();
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
                    false))
            // FormEncoder writes the token call's form body; everything else is JSON.
            .encoder(new FormEncoder(new JacksonEncoder(mapper)))
            .decoder(knownCharset(new JacksonDecoder(mapper)))
            .errorDecoder(ErrorResponseDecoder.create())
            .retryer(Retryer.NEVER_RETRY)
            .contract(new SlashEncodingContract())
            .requestInterceptor(headers(settings.userAgent()));
    String target = settings.baseUrl().toString();
    // The date versions' paths are relative to https://api.hubapi.com/oauth/<version>.
    String dated = settings.apiVersion().apiRoot(settings.baseUrl()).toString();
    return new FeignStack(
        List.of(
            feign.target(TokenManagementApi.class, target),
            feign.target(AccessTokensApi.class, target),
            feign.target(RefreshTokensApi.class, target),
            feign.target(OAuthTokensApi.class, dated)));
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

  /**
   * Sends a call by invoking its generated method. A non-2xx answer arrives as the {@link
   * ErrorResponseDecoder}'s exception. Feign's wrapper around a failure to send or read ({@link
   * FeignException} with an {@link IOException} cause) is dropped, since its message names the URL,
   * which may hold a token; the {@link IOException} itself is thrown.
   */
  private record FeignStack(List<Object> apis) implements HttpStack {

    @Override
    public Object send(GeneratedCall call) throws IOException {
      try {
        return call.invoke();
      } catch (FeignException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw e;
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(call.operationId() + " failed", e);
      }
    }
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
