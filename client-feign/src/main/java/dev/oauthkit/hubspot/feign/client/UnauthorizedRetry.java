package dev.oauthkit.hubspot.feign.client;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.AllowedHosts;
import feign.Capability;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Feign {@link Capability} for other HubSpot APIs that wraps the builder's {@link Client}: when a
 * request that carries a bearer token (set by {@link BearerTokenInterceptor}) is answered 401, it
 * refreshes the token once and sends the request once more with the new token. A second 401 is
 * returned to Feign like any other answer, so the builder's error decoder surfaces it. A failed
 * refresh propagates the provider's exception. Requests without a bearer token, and requests to a
 * host that is not one of its {@link AllowedHosts}, pass through: their 401 is never retried.
 */
public final class UnauthorizedRetry implements Capability {

  private final AccessTokenProvider provider;
  private final AllowedHosts allowedHosts;

  private UnauthorizedRetry(AccessTokenProvider provider, AllowedHosts allowedHosts) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.allowedHosts = Objects.requireNonNull(allowedHosts, "allowedHosts");
  }

  /**
   * Creates the capability; {@code hubspot.unauthorizedRetry()} passes the client's provider and
   * allowed hosts.
   *
   * @param provider the provider whose token {@link BearerTokenInterceptor} sends
   * @param allowedHosts the hosts whose 401 is refreshed and retried, those of the interceptor
   * @return the capability
   */
  public static UnauthorizedRetry create(AccessTokenProvider provider, AllowedHosts allowedHosts) {
    return new UnauthorizedRetry(provider, allowedHosts);
  }

  @Override
  public Client enrich(Client client) {
    Objects.requireNonNull(client, "client");
    return (request, options) -> execute(client, request, options);
  }

  @Override
  public String toString() {
    return "UnauthorizedRetry{" + allowedHosts + ", " + provider + "}";
  }

  private Response execute(Client client, Request request, Request.Options options)
      throws IOException {
    Response response = client.execute(request, options);
    String rejected = bearerToken(request);
    if (response.status() != 401 || rejected == null || !allowedHosts.allows(request.url())) {
      return response;
    }
    response.close();
    String refreshed = provider.refreshAfterUnauthorized(rejected);
    return client.execute(withBearer(request, refreshed), options);
  }

  private static String bearerToken(Request request) {
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase(BearerTokenInterceptor.AUTHORIZATION)) {
        for (String value : header.getValue()) {
          if (value.startsWith(BearerTokenInterceptor.BEARER)) {
            return value.substring(BearerTokenInterceptor.BEARER.length());
          }
        }
      }
    }
    return null;
  }

  private static Request withBearer(Request request, String token) {
    Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    request.headers().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
    headers.put(
        BearerTokenInterceptor.AUTHORIZATION, List.of(BearerTokenInterceptor.BEARER + token));
    return Request.create(
        request.httpMethod(),
        request.url(),
        headers,
        request.body(),
        request.charset(),
        request.requestTemplate());
  }
}
