package dev.oauthkit.hubspot.core.stack;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.ClientSettings;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.Secrets;
import dev.oauthkit.hubspot.core.TokenSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The four operations of {@link HubSpotOAuthClient}, written once for every stack: argument checks,
 * the form of each grant, the {@link AccessTokenProvider} and its refresh call (one attempt; the
 * provider retries), and the mapping of any non-2xx answer to a {@link
 * dev.oauthkit.hubspot.core.HubSpotOAuthException} that redacts the call's own token or code, the
 * client secret and the refresh token. A transport failure throws {@link UncheckedIOException}
 * naming the operation and the failure's type. A stack supplies one {@link HttpCall} per generated
 * operation and reads its token response.
 *
 * @param <T> the stack's generated {@code TokenResponse}
 * @param <A> the stack's generated {@code AccessTokenMetadata}
 * @param <R> the stack's generated {@code RefreshTokenMetadata}
 */
public abstract class AbstractHubSpotOAuthClient<T, A, R> implements HubSpotOAuthClient<T, A, R> {

  private static final String TOKEN_OPERATION = "createOrRefreshAccessToken";

  private final URI baseUrl;
  private final Clock clock;
  private final AccessTokenProvider provider;

  /**
   * Creates the client's token provider; no request is made.
   *
   * @param settings the builder's settings
   */
  protected AbstractHubSpotOAuthClient(ClientSettings settings) {
    this.baseUrl = settings.baseUrl();
    this.clock = settings.tokenProviderOptions().clock();
    this.provider =
        AccessTokenProvider.create(
            settings.credentials(), this::refresh, settings.tokenProviderOptions());
  }

  @Override
  public final T exchangeAuthorizationCode(String code, String redirectUri) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(redirectUri, "redirectUri");
    TokenForm form = TokenForm.authorizationCode(provider.credentials(), code, redirectUri);
    T response = unchecked(TOKEN_OPERATION, tokenCall(form), code);
    provider.install(toTokenSet(response));
    return response;
  }

  @Override
  public final T refreshAccessToken(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    TokenForm form = TokenForm.refreshToken(provider.credentials(), refreshToken);
    return unchecked(TOKEN_OPERATION, tokenCall(form), refreshToken);
  }

  @Override
  public final A getAccessTokenMetadata(String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    return unchecked("getAccessTokenMetadata", accessTokenMetadataCall(accessToken), accessToken);
  }

  @Override
  public final R getRefreshTokenMetadata(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    return unchecked(
        "getRefreshTokenMetadata", refreshTokenMetadataCall(refreshToken), refreshToken);
  }

  @Override
  public final void revokeRefreshToken(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    unchecked("revokeRefreshToken", revokeCall(refreshToken), refreshToken);
  }

  @Override
  public final AccessTokenProvider tokenProvider() {
    return provider;
  }

  /** The client's class, base URL and token provider; never a secret. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "{baseUrl=" + baseUrl + ", tokenProvider=" + provider + "}";
  }

  /**
   * {@code POST /oauth/v1/token} with exactly the form's non-null fields, form-encoded; typically
   * {@code form.applyTo(tokens::createOrRefreshAccessToken)}.
   *
   * @param form the grant's fields
   * @return the call
   */
  protected abstract HttpCall<T> tokenCall(TokenForm form);

  /**
   * {@code GET /oauth/v1/access-tokens/{token}}, the token one percent-encoded path segment.
   *
   * @param accessToken the access token
   * @return the call
   */
  protected abstract HttpCall<A> accessTokenMetadataCall(String accessToken);

  /**
   * {@code GET /oauth/v1/refresh-tokens/{token}}, the token one percent-encoded path segment.
   *
   * @param refreshToken the refresh token
   * @return the call
   */
  protected abstract HttpCall<R> refreshTokenMetadataCall(String refreshToken);

  /**
   * {@code DELETE /oauth/v1/refresh-tokens/{token}}, the token one percent-encoded path segment.
   *
   * @param refreshToken the refresh token
   * @return the call
   */
  protected abstract HttpCall<?> revokeCall(String refreshToken);

  /**
   * Reads the tokens of a token response, typically {@code tokenSet(response.getAccessToken(),
   * response.getExpiresIn(), response.getRefreshToken())}.
   *
   * @param response the response, never {@code null}
   * @return the tokens
   */
  protected abstract TokenSet tokenSet(T response);

  /**
   * The tokens of a token response, checked.
   *
   * @param accessToken the {@code access_token} field
   * @param expiresIn the {@code expires_in} field, in seconds
   * @param refreshToken the {@code refresh_token} field, or {@code null}
   * @return the tokens
   * @throws UncheckedIOException when {@code access_token} or {@code expires_in} is missing
   */
  protected static TokenSet tokenSet(String accessToken, Number expiresIn, String refreshToken) {
    if (accessToken == null || expiresIn == null) {
      throw lacksTokens();
    }
    return TokenSet.of(accessToken, Duration.ofSeconds(expiresIn.longValue()), refreshToken);
  }

  /** The provider's {@link dev.oauthkit.hubspot.core.TokenEndpoint}: one refresh, no retry. */
  private TokenSet refresh(OAuthCredentials credentials) throws IOException {
    String refreshToken = credentials.refreshToken().orElseThrow();
    TokenForm form = TokenForm.refreshToken(credentials, refreshToken);
    return toTokenSet(execute(TOKEN_OPERATION, tokenCall(form), refreshToken));
  }

  private TokenSet toTokenSet(T response) {
    if (response == null) {
      throw lacksTokens();
    }
    return tokenSet(response);
  }

  private static UncheckedIOException lacksTokens() {
    return new UncheckedIOException(
        new IOException("token response lacks access_token or expires_in"));
  }

  /** Sends {@code call}; transport failures are thrown as they are. */
  private <X> X execute(String operation, HttpCall<X> call, String secret) throws IOException {
    try {
      return call.send();
    } catch (ErrorResponse answer) {
      throw ErrorBodies.toException(
          operation,
          answer.status(),
          answer.retryAfter(),
          answer.body(),
          Secrets.carriedBy(provider.credentials(), secret),
          clock);
    }
  }

  /** Sends {@code call}; transport failures become {@link UncheckedIOException}. */
  private <X> X unchecked(String operation, HttpCall<X> call, String secret) {
    try {
      return execute(operation, call, secret);
    } catch (IOException e) {
      throw new UncheckedIOException(operation + " failed: " + e.getClass().getSimpleName(), e);
    }
  }
}
