package dev.oauthkit.hubspot.restclient.client;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.AllowedHosts;
import java.io.IOException;
import java.util.Objects;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A {@link org.springframework.web.client.RestClient} interceptor for other HubSpot APIs: on a
 * request to one of its {@link AllowedHosts} it sets {@code Authorization: Bearer <token>} from an
 * {@link AccessTokenProvider} and, when the answer is 401, refreshes the token once and sends the
 * request once more; a request to any other host or to HubSpot's OAuth endpoints ({@code
 * /oauth/v1/token}, {@code /oauth/<version>/token}, ...) goes out untouched ({@link
 * AllowedHosts#takesToken}). Redirects are the request factory's: one that follows them repeats the
 * header to wherever it is sent, so keep redirects off for calls that may leave HubSpot. If no
 * token can be obtained, the provider's exception ({@link
 * dev.oauthkit.hubspot.core.HubSpotOAuthException} or {@link java.io.UncheckedIOException})
 * propagates and the request is not sent. Add it last, so that the retry passes the interceptors
 * before it again.
 *
 * @see org.springframework.web.client.RestClient.Builder#requestInterceptor
 */
public final class BearerTokenInterceptor implements ClientHttpRequestInterceptor {

  private final AccessTokenProvider provider;
  private final AllowedHosts allowedHosts;

  private BearerTokenInterceptor(AccessTokenProvider provider, AllowedHosts allowedHosts) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.allowedHosts = Objects.requireNonNull(allowedHosts, "allowedHosts");
  }

  /**
   * Creates the interceptor; {@code hubspot.bearerInterceptor()} passes the client's provider and
   * allowed hosts.
   *
   * @param provider the provider of access tokens
   * @param allowedHosts the only hosts the token is sent to, for example {@code
   *     hubspot.allowedHosts()}
   * @return the interceptor
   */
  public static BearerTokenInterceptor create(
      AccessTokenProvider provider, AllowedHosts allowedHosts) {
    return new BearerTokenInterceptor(provider, allowedHosts);
  }

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    if (!allowedHosts.takesToken(request.getURI())) {
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
    return "BearerTokenInterceptor{" + allowedHosts + ", " + provider + "}";
  }
}
