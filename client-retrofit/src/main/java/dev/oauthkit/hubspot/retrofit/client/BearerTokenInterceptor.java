package dev.oauthkit.hubspot.retrofit.client;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.AllowedHosts;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp interceptor for other HubSpot APIs: on a request to one of its {@link AllowedHosts},
 * sets {@code Authorization: Bearer <token>} from an {@link AccessTokenProvider} and, when the
 * answer is 401, refreshes the token once and retries the request once. A request to any other host
 * or to HubSpot's OAuth endpoints ({@code /oauth/v1/token}, {@code /oauth/<version>/token}, ...,
 * {@link AllowedHosts#takesToken}) passes through untouched, without the token and without a
 * refresh. A failed refresh surfaces as an {@link IOException} whose cause says why. Add it with
 * {@code addInterceptor}: OkHttp drops {@code Authorization} itself when it follows a redirect to
 * another host.
 */
public final class BearerTokenInterceptor implements Interceptor {

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
  public Response intercept(Chain chain) throws IOException {
    if (!allowedHosts.takesToken(chain.request().url().uri())) {
      return chain.proceed(chain.request());
    }
    String token = obtain(provider::accessToken);
    Response response = chain.proceed(withBearer(chain.request(), token));
    if (response.code() != 401) {
      return response;
    }
    response.close();
    String refreshed = obtain(() -> provider.refreshAfterUnauthorized(token));
    return chain.proceed(withBearer(chain.request(), refreshed));
  }

  @Override
  public String toString() {
    return "BearerTokenInterceptor{" + allowedHosts + ", " + provider + "}";
  }

  private static Request withBearer(Request request, String token) {
    return request.newBuilder().header("Authorization", "Bearer " + token).build();
  }

  private static String obtain(Supplier<String> source) throws IOException {
    try {
      return source.get();
    } catch (RuntimeException e) {
      throw new IOException("could not obtain a HubSpot access token", e);
    }
  }
}
