package dev.oauthkit.hubspot.spring.boot;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.AllowedHosts;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A {@code RestClient} interceptor for HubSpot's APIs: on a request to an allowed host it sets
 * {@code Authorization: Bearer <token>} from an {@link AccessTokenProvider} and, when the answer is
 * 401, refreshes the token once and sends the request once more. A request to any other host or to
 * HubSpot's OAuth endpoints ({@code /oauth/v1/token}, {@code /oauth/<version>/token}, ...) passes
 * untouched ({@link AllowedHosts#takesToken}): the token never leaves HubSpot's hosts, whatever
 * else the shared builder calls. Redirects are the request factory's: one that follows them repeats
 * the header to wherever it is sent (see the starter's README).
 */
public final class HubSpotBearerTokenInterceptor implements ClientHttpRequestInterceptor {

  private final Supplier<AccessTokenProvider> providers;
  private final AllowedHosts allowedHosts;
  private volatile AccessTokenProvider provider;

  private HubSpotBearerTokenInterceptor(
      Supplier<AccessTokenProvider> providers, AllowedHosts allowedHosts) {
    this.providers = Objects.requireNonNull(providers, "providers");
    this.allowedHosts = Objects.requireNonNull(allowedHosts, "allowedHosts");
  }

  /**
   * Creates the interceptor.
   *
   * @param provider the provider of access tokens
   * @param allowedHosts the hosts that get the token
   * @return the interceptor
   */
  public static HubSpotBearerTokenInterceptor create(
      AccessTokenProvider provider, AllowedHosts allowedHosts) {
    Objects.requireNonNull(provider, "provider");
    return new HubSpotBearerTokenInterceptor(() -> provider, allowedHosts);
  }

  /**
   * Creates the interceptor with a provider looked up at its first request (so that the provider
   * may itself be built from the builder this interceptor customizes).
   */
  static HubSpotBearerTokenInterceptor lazy(
      Supplier<AccessTokenProvider> providers, AllowedHosts allowedHosts) {
    return new HubSpotBearerTokenInterceptor(providers, allowedHosts);
  }

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    if (!allowedHosts.takesToken(request.getURI())) {
      return execution.execute(request, body);
    }
    // The provider's exception (a HubSpotOAuthException naming the token call's status) reaches
    // the caller as it is, as from client-restclient's interceptor; the call is not sent.
    AccessTokenProvider provider = provider();
    String token = provider.accessToken();
    request.getHeaders().setBearerAuth(token);
    ClientHttpResponse response = execution.execute(request, body);
    if (response.getStatusCode().value() != HttpStatus.UNAUTHORIZED.value()) {
      return response;
    }
    response.close();
    request.getHeaders().setBearerAuth(provider.refreshAfterUnauthorized(token));
    return execution.execute(request, body);
  }

  @Override
  public String toString() {
    AccessTokenProvider known = provider;
    return "HubSpotBearerTokenInterceptor{"
        + allowedHosts
        + ", "
        + (known == null ? "provider not looked up yet" : known)
        + "}";
  }

  private AccessTokenProvider provider() {
    AccessTokenProvider known = provider;
    if (known == null) {
      known = Objects.requireNonNull(providers.get(), "provider");
      provider = known;
    }
    return known;
  }
}
