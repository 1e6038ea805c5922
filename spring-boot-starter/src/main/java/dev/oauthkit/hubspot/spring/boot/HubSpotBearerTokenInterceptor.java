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
 * 401, refreshes the token once and sends the request once more. A request to any other host passes
 * untouched: the token never leaves HubSpot's hosts, whatever else the shared builder calls.
 */
public final class HubSpotBearerTokenInterceptor implements ClientHttpRequestInterceptor {

  private final AccessTokenProvider provider;
  private final AllowedHosts allowedHosts;

  private HubSpotBearerTokenInterceptor(AccessTokenProvider provider, AllowedHosts allowedHosts) {
    this.provider = Objects.requireNonNull(provider, "provider");
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
    return new HubSpotBearerTokenInterceptor(provider, allowedHosts);
  }

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    if (!allowedHosts.allows(request.getURI())) {
      return execution.execute(request, body);
    }
    String token = obtain(provider::accessToken);
    request.getHeaders().setBearerAuth(token);
    ClientHttpResponse response = execution.execute(request, body);
    if (response.getStatusCode().value() != HttpStatus.UNAUTHORIZED.value()) {
      return response;
    }
    response.close();
    request.getHeaders().setBearerAuth(obtain(() -> provider.refreshAfterUnauthorized(token)));
    return execution.execute(request, body);
  }

  @Override
  public String toString() {
    return "HubSpotBearerTokenInterceptor{" + allowedHosts + ", " + provider + "}";
  }

  private static String obtain(Supplier<String> source) throws IOException {
    try {
      return source.get();
    } catch (RuntimeException e) {
      throw new IOException("could not obtain a HubSpot access token", e);
    }
  }
}
