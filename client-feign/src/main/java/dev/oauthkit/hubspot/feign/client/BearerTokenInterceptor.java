package dev.oauthkit.hubspot.feign.client;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.AllowedHosts;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.Objects;

/**
 * A Feign {@link RequestInterceptor} for other HubSpot APIs: on a request to one of its {@link
 * AllowedHosts}, sets {@code Authorization: Bearer <token>} (once, replacing any earlier value)
 * from an {@link AccessTokenProvider}; a request to any other host (or whose URL does not parse) is
 * left untouched and asks the provider for nothing. If no token can be obtained, the provider's
 * exception ({@link dev.oauthkit.hubspot.core.HubSpotOAuthException} or {@link
 * java.io.UncheckedIOException}) propagates and the request is not sent. Add {@link
 * UnauthorizedRetry} to the same Feign builder to refresh and retry once on 401.
 */
public final class BearerTokenInterceptor implements RequestInterceptor {

  static final String AUTHORIZATION = "Authorization";
  static final String BEARER = "Bearer ";

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
  public void apply(RequestTemplate template) {
    if (!allowedHosts.takesToken(absoluteUrl(template))) {
      return;
    }
    String token = provider.accessToken();
    template.removeHeader(AUTHORIZATION);
    template.headerLiteral(AUTHORIZATION, BEARER + token);
  }

  @Override
  public String toString() {
    return "BearerTokenInterceptor{" + allowedHosts + ", " + provider + "}";
  }

  /**
   * The URL the request will go to: the template's own when absolute (a {@code URI} argument),
   * otherwise the Feign target's URL followed by the template's path. Interceptors run before Feign
   * applies the target, so the template alone may hold only the path.
   */
  private static String absoluteUrl(RequestTemplate template) {
    String url = template.url();
    if (url.startsWith("http://") || url.startsWith("https://") || template.feignTarget() == null) {
      return url;
    }
    return template.feignTarget().url() + url;
  }
}
