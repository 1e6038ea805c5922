package dev.oauthkit.hubspot.restclient.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.ClientSettings;
import dev.oauthkit.hubspot.core.HubSpotOAuthClientBuilder;
import dev.oauthkit.hubspot.core.stack.AbstractHubSpotOAuthClient;
import dev.oauthkit.hubspot.core.stack.GeneratedCall;
import dev.oauthkit.hubspot.core.stack.HttpStack;
import dev.oauthkit.hubspot.core.stack.ResponseReading;
import dev.oauthkit.hubspot.restclient.api.AccessTokensApi;
import dev.oauthkit.hubspot.restclient.api.RefreshTokensApi;
import dev.oauthkit.hubspot.restclient.api.TokenManagementApi;
import dev.oauthkit.hubspot.restclient.api.dated.OAuthTokensApi;
import dev.oauthkit.hubspot.restclient.invoker.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.text.DateFormat;
import java.util.List;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The HubSpot OAuth API on Spring's {@link RestClient} (Spring Framework 7 or 6.2), on any {@link
 * dev.oauthkit.hubspot.core.ApiVersion} (the newest date version by default): typed token results
 * and introspection, the shared models of {@code hubspot-oauth-client-model}, plus {@link
 * AccessTokenProvider}s that keep an access token fresh. Any non-2xx answer throws {@link
 * dev.oauthkit.hubspot.core.HubSpotOAuthException}; a transport failure throws {@link
 * UncheckedIOException}. Thread-safe; build one per app and account.
 */
public final class HubSpotOAuthRestClient extends AbstractHubSpotOAuthClient {

  /** HubSpot's API host. */
  public static final String DEFAULT_BASE_URL = HubSpotOAuthClientBuilder.DEFAULT_BASE_URL;

  /** The User-Agent sent unless another is set. */
  public static final String DEFAULT_USER_AGENT =
      HubSpotOAuthClientBuilder.USER_AGENT_PREFIX + "restclient";

  private HubSpotOAuthRestClient(ClientSettings settings, RestClient.Builder restClientBuilder) {
    super(settings, stack(settings, restClientBuilder));
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns an interceptor for a {@link RestClient} of other HubSpot APIs: it puts this client's
   * access token on calls to the builder's {@code allowedHosts} only (default: the base URL's
   * host), and on 401 refreshes once and retries once.
   */
  public BearerTokenInterceptor bearerInterceptor() {
    return BearerTokenInterceptor.create(tokenProvider(), allowedHosts());
  }

  /** The generated APIs, v1's and the date versions', on one RestClient derived as configured. */
  private static HttpStack stack(ClientSettings settings, RestClient.Builder restClientBuilder) {
    ObjectMapper mapper = ResponseReading.objectMapper(settings);
    RestClient http = FacadeRestClient.create(settings, restClientBuilder, mapper);
    DateFormat dates = ApiClient.createDefaultDateFormat();
    ApiClient v1 = new ApiClient(http, mapper, dates);
    v1.setBasePath(basePath(settings.baseUrl()));
    // The date versions' paths are relative to https://api.hubapi.com/oauth/<version>.
    var dated = new dev.oauthkit.hubspot.restclient.invoker.dated.ApiClient(http, mapper, dates);
    dated.setBasePath(basePath(settings.apiVersion().apiRoot(settings.baseUrl())));
    return new RestClientStack(
        List.of(
            new TokenManagementApi(v1),
            new AccessTokensApi(v1),
            new RefreshTokensApi(v1),
            new OAuthTokensApi(dated)));
  }

  /**
   * Sends a call by invoking its generated method. A non-2xx answer arrives as the facade's status
   * handler's {@link dev.oauthkit.hubspot.core.stack.ErrorResponse}. Spring's wrapper around a
   * failure to send or read ({@link RestClientException} caused by an {@link IOException},
   * including a body Jackson could not read) is dropped, since its message names the URL, which may
   * hold a token; the {@link IOException} itself is thrown (a timeout as {@link
   * java.net.SocketTimeoutException}).
   */
  private record RestClientStack(List<Object> apis) implements HttpStack {

    @Override
    public Object send(GeneratedCall call) throws IOException {
      try {
        return call.invoke();
      } catch (RestClientException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
          if (cause instanceof IOException io) {
            throw FacadeRestClient.transportFailure(io);
          }
        }
        throw e;
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(call.operationId() + " failed", e);
      }
    }
  }

  /** The generated ApiClient appends paths that start with {@code /}. */
  private static String basePath(URI url) {
    String text = url.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * Builds a {@link HubSpotOAuthRestClient}; only the credentials are required. Besides the options
   * every stack shares, it takes a {@link RestClient.Builder} to derive the HTTP client from, for
   * example the one Spring Boot configures.
   */
  public static final class Builder
      extends HubSpotOAuthClientBuilder<Builder, HubSpotOAuthRestClient, RestClient.Builder> {

    private Builder() {
      super(DEFAULT_USER_AGENT, HubSpotOAuthRestClient::new);
    }

    /**
     * Derives the HTTP client from a copy of {@code restClientBuilder}, keeping its request factory
     * (unless a timeout is set here) and interceptors but not its observation registry (an
     * observation would record URLs that hold a token); {@code restClientBuilder} itself is not
     * changed.
     */
    public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
      return httpClient(restClientBuilder, "restClientBuilder");
    }
  }
}
