package dev.oauthkit.hubspot.retrofit.client;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An OkHttp interceptor for other HubSpot APIs: sets {@code Authorization: Bearer <token>} from an
 * {@link AccessTokenProvider} and, when the answer is 401, refreshes the token once and retries the
 * request once. A failed refresh surfaces as an {@link IOException} whose cause says why.
 */
public final class BearerTokenInterceptor implements Interceptor {

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
  public Response intercept(Chain chain) throws IOException {
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
    return "BearerTokenInterceptor{" + provider + "}";
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
