package dev.oauthkit.hubspot.restclient.client;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A {@link org.springframework.web.client.RestClient} interceptor for other HubSpot APIs: on a
 * request to an allowed host it sets {@code Authorization: Bearer <token>} from an {@link
 * AccessTokenProvider} and, when the answer is 401, refreshes the token once and sends the request
 * once more; a request to any other host goes out untouched, without the token. If no token can be
 * obtained, the provider's exception ({@link dev.oauthkit.hubspot.core.HubSpotOAuthException} or
 * {@link java.io.UncheckedIOException}) propagates and the request is not sent. Add it last, so
 * that the retry passes the interceptors before it again.
 *
 * @see org.springframework.web.client.RestClient.Builder#requestInterceptor
 */
public final class BearerTokenInterceptor implements ClientHttpRequestInterceptor {

  private final AccessTokenProvider provider;
  private final Set<String> allowedHosts;

  private BearerTokenInterceptor(AccessTokenProvider provider, Collection<String> allowedHosts) {
    this.provider = Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(allowedHosts, "allowedHosts");
    if (allowedHosts.isEmpty() || allowedHosts.stream().anyMatch(h -> h == null || h.isBlank())) {
      throw new IllegalArgumentException("allowedHosts must hold at least one host, none blank");
    }
    this.allowedHosts =
        allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  /**
   * Creates the interceptor.
   *
   * @param provider the provider of access tokens
   * @param allowedHosts the hosts that get the token, for example {@code api.hubapi.com}; compared
   *     without regard to case, and exactly (no subdomains)
   * @return the interceptor
   */
  public static BearerTokenInterceptor create(
      AccessTokenProvider provider, Collection<String> allowedHosts) {
    return new BearerTokenInterceptor(provider, allowedHosts);
  }

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    if (!allowed(request.getURI())) {
      return execution.execute(request, body);
    }
    String token = provider.accessToken();
    request.getHeaders().setBearerAuth(token);
    ClientHttpResponse response = execution.execute(request, body);
    if (response.getStatusCode().value() != 401) {
      return response;
    }
    response.close();
    request.getHeaders().setBearerAuth(provider.refreshAfterUnauthorized(token));
    return execution.execute(request, body);
  }

  @Override
  public String toString() {
    return "BearerTokenInterceptor{allowedHosts=" + allowedHosts + ", " + provider + "}";
  }

  private boolean allowed(URI uri) {
    String host = uri.getHost();
    return host != null && allowedHosts.contains(host.toLowerCase(Locale.ROOT));
  }
}
