package dev.oauthkit.hubspot.spring.boot;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
  private final Set<String> allowedHosts;

  private HubSpotBearerTokenInterceptor(AccessTokenProvider provider, Set<String> allowedHosts) {
    this.provider = Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(allowedHosts, "allowedHosts");
    if (allowedHosts.isEmpty()) {
      throw new IllegalArgumentException("allowedHosts must not be empty");
    }
    this.allowedHosts =
        allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  /**
   * Creates the interceptor.
   *
   * @param provider the provider of access tokens
   * @param allowedHosts the hosts that get the token (compared ignoring case); not empty
   * @return the interceptor
   */
  public static HubSpotBearerTokenInterceptor create(
      AccessTokenProvider provider, Set<String> allowedHosts) {
    return new HubSpotBearerTokenInterceptor(provider, allowedHosts);
  }

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    String host = request.getURI().getHost();
    if (host == null || !allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
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
    return "HubSpotBearerTokenInterceptor{allowedHosts=" + allowedHosts + ", " + provider + "}";
  }

  private static String obtain(Supplier<String> source) throws IOException {
    try {
      return source.get();
    } catch (RuntimeException e) {
      throw new IOException("could not obtain a HubSpot access token", e);
    }
  }
}
