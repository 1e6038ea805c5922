package dev.oauthkit.hubspot.feign.client;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.Objects;

/**
 * A Feign {@link RequestInterceptor} for other HubSpot APIs: sets {@code Authorization: Bearer
 * <token>} (once, replacing any earlier value) from an {@link AccessTokenProvider}. If no token can
 * be obtained, the provider's exception ({@link dev.oauthkit.hubspot.core.HubSpotOAuthException} or
 * {@link java.io.UncheckedIOException}) propagates and the request is not sent. Add {@link
 * UnauthorizedRetry} to the same Feign builder to refresh and retry once on 401.
 */
public final class BearerTokenInterceptor implements RequestInterceptor {

  static final String AUTHORIZATION = "Authorization";
  static final String BEARER = "Bearer ";

  private final AccessTokenProvider provider;

  private BearerTokenInterceptor(AccessTokenProvider provider) {
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  /**
   * Creates the interceptor.
   *
   * @param provider the provider of access tokens
   * @return the interceptor
   */
  public static BearerTokenInterceptor create(AccessTokenProvider provider) {
    return new BearerTokenInterceptor(provider);
  }

  @Override
  public void apply(RequestTemplate template) {
    String token = provider.accessToken();
    template.removeHeader(AUTHORIZATION);
    template.headerLiteral(AUTHORIZATION, BEARER + token);
  }

  @Override
  public String toString() {
    return "BearerTokenInterceptor{" + provider + "}";
  }
}
