package dev.oauthkit.hubspot.retrofit.client;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.ClientSettings;
import dev.oauthkit.hubspot.core.HubSpotOAuthClientBuilder;
import dev.oauthkit.hubspot.core.stack.AbstractHubSpotOAuthClient;
import dev.oauthkit.hubspot.core.stack.ErrorBodies;
import dev.oauthkit.hubspot.core.stack.ErrorResponse;
import dev.oauthkit.hubspot.core.stack.GeneratedCall;
import dev.oauthkit.hubspot.core.stack.HttpStack;
import dev.oauthkit.hubspot.core.stack.ResponseReading;
import dev.oauthkit.hubspot.retrofit.api.AccessTokensApi;
import dev.oauthkit.hubspot.retrofit.api.RefreshTokensApi;
import dev.oauthkit.hubspot.retrofit.api.TokenManagementApi;
import dev.oauthkit.hubspot.retrofit.api.dated.OAuthTokensApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Converter;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * The HubSpot OAuth API on Retrofit 3 and OkHttp, on any {@link
 * dev.oauthkit.hubspot.core.ApiVersion} (the newest date version by default): typed token results
 * and introspection, the shared models of {@code hubspot-oauth-client-model}, plus {@link
 * AccessTokenProvider}s that keep an access token fresh. Any non-2xx answer throws {@link
 * dev.oauthkit.hubspot.core.HubSpotOAuthException}; a transport failure throws {@link
 * UncheckedIOException}. Thread-safe; build one per app and account.
 */
public final class HubSpotOAuthRetrofitClient extends AbstractHubSpotOAuthClient {

  /** HubSpot's API host. */
  public static final String DEFAULT_BASE_URL = HubSpotOAuthClientBuilder.DEFAULT_BASE_URL;

  /** The User-Agent sent unless another is set. */
  public static final String DEFAULT_USER_AGENT =
      HubSpotOAuthClientBuilder.USER_AGENT_PREFIX + "retrofit";

  private HubSpotOAuthRetrofitClient(ClientSettings settings, OkHttpClient okHttpClient) {
    super(settings, stack(settings, okHttpClient));
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns an interceptor that puts this client's access token on calls to other HubSpot APIs, on
   * the builder's {@code allowedHosts} only (default: the base URL's host).
   */
  public BearerTokenInterceptor bearerInterceptor() {
    return BearerTokenInterceptor.create(tokenProvider(), allowedHosts());
  }

  /** The generated Retrofit APIs on one OkHttp client derived from {@code okHttpClient}. */
  private static HttpStack stack(ClientSettings settings, OkHttpClient okHttpClient) {
    OkHttpClient.Builder http =
        (okHttpClient != null ? okHttpClient.newBuilder() : new OkHttpClient.Builder())
            .addInterceptor(headers(settings.userAgent()));
    settings.connectTimeout().ifPresent(http::connectTimeout);
    settings.readTimeout().ifPresent(http::readTimeout);
    // A redirected token call is an error, never followed: its form holds the client secret and
    // the refresh token, which another host (or plain http) must not get.
    http.followRedirects(false).followSslRedirects(false);
    Retrofit retrofit =
        new Retrofit.Builder()
            .baseUrl(settings.baseUrl().toString())
            .client(http.build())
            .addConverterFactory(
                emptyAsMissing(
                    JacksonConverterFactory.create(ResponseReading.objectMapper(settings))))
            .build();
    // The date versions' paths are relative to https://api.hubapi.com/oauth/<version>/.
    Retrofit dated =
        retrofit
            .newBuilder()
            .baseUrl(settings.apiVersion().apiRoot(settings.baseUrl()).toString())
            .build();
    return new RetrofitStack(
        List.of(
            retrofit.create(TokenManagementApi.class),
            retrofit.create(AccessTokensApi.class),
            retrofit.create(RefreshTokensApi.class),
            dated.create(OAuthTokensApi.class)));
  }

  /**
   * {@code json}, except that an empty body is no body (null), as on the other stacks: the facade
   * then says "$ is missing (empty body)" rather than Jackson's end-of-input error.
   */
  private static Converter.Factory emptyAsMissing(Converter.Factory json) {
    return new Converter.Factory() {
      @Override
      public Converter<ResponseBody, ?> responseBodyConverter(
          Type type, Annotation[] annotations, Retrofit retrofit) {
        Converter<ResponseBody, ?> read = json.responseBodyConverter(type, annotations, retrofit);
        if (read == null) {
          return null;
        }
        return body -> body.source().exhausted() ? null : read.convert(body);
      }

      @Override
      public Converter<?, RequestBody> requestBodyConverter(
          Type type,
          Annotation[] parameterAnnotations,
          Annotation[] methodAnnotations,
          Retrofit retrofit) {
        return json.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
      }
    };
  }

  /** User-Agent and Accept, once each, replacing whatever the generated annotations set. */
  private static Interceptor headers(String userAgent) {
    return chain ->
        chain.proceed(
            chain
                .request()
                .newBuilder()
                .header("User-Agent", userAgent)
                .header("Accept", "application/json")
                .build());
  }

  /**
   * Sends a call by executing the {@link Call} its generated method returns: the body of a 2xx
   * answer, or status, Retry-After and body of any other as an {@link ErrorResponse}.
   */
  private record RetrofitStack(List<Object> apis) implements HttpStack {

    @Override
    public Object send(GeneratedCall call) throws IOException {
      Response<?> response = ((Call<?>) invoke(call)).execute();
      if (response.isSuccessful()) {
        return response.body();
      }
      ResponseBody body = response.errorBody();
      throw ErrorResponse.of(
          response.code(),
          // The first, as on the other stacks (OkHttp's get() gives the last).
          response.headers().values("Retry-After").stream().findFirst().orElse(null),
          body == null ? null : ErrorBodies.read(body.charStream()));
    }

    /** Retrofit's generated methods only build the call; they throw no checked exception. */
    private static Object invoke(GeneratedCall call) {
      try {
        return call.invoke();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(call.operationId() + " could not be prepared", e);
      }
    }
  }

  /**
   * Builds a {@link HubSpotOAuthRetrofitClient}; only the credentials are required. Besides the
   * options every stack shares, it takes an {@link OkHttpClient} to derive the HTTP client from.
   */
  public static final class Builder
      extends HubSpotOAuthClientBuilder<Builder, HubSpotOAuthRetrofitClient, OkHttpClient> {

    private Builder() {
      super(DEFAULT_USER_AGENT, HubSpotOAuthRetrofitClient::new);
    }

    /** Derives the HTTP client from {@code okHttpClient}, sharing its pool and interceptors. */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      return httpClient(okHttpClient, "okHttpClient");
    }
  }
}
