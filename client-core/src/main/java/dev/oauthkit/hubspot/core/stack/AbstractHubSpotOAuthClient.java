package dev.oauthkit.hubspot.core.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.oauthkit.hubspot.client.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.client.model.RefreshTokenMetadata;
import dev.oauthkit.hubspot.client.model.TokenResponse;
import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.ClientSettings;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.HubSpotOAuthResponseException;
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
 * provider retries), the mapping of any non-2xx answer to a {@link
 * dev.oauthkit.hubspot.core.HubSpotOAuthException} that redacts the call's own token or code, the
 * client secret and the refresh token, and of a 2xx body without a required field (read by {@link
 * ResponseReading}'s mapper) to a {@link HubSpotOAuthResponseException}. A transport failure throws
 * {@link UncheckedIOException} naming the operation and the failure's type. A stack supplies one
 * {@link HttpCall} per generated operation.
 */
public abstract class AbstractHubSpotOAuthClient implements HubSpotOAuthClient {

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
  public final TokenResponse exchangeAuthorizationCode(String code, String redirectUri) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(redirectUri, "redirectUri");
    TokenForm form = TokenForm.authorizationCode(provider.credentials(), code, redirectUri);
    TokenResponse response = unchecked(TOKEN_OPERATION, tokenCall(form), code);
    provider.install(tokenSet(response));
    return response;
  }

  @Override
  public final TokenResponse refreshAccessToken(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    TokenForm form = TokenForm.refreshToken(provider.credentials(), refreshToken);
    return unchecked(TOKEN_OPERATION, tokenCall(form), refreshToken);
  }

  @Override
  public final AccessTokenMetadata getAccessTokenMetadata(String accessToken) {
    Objects.requireNonNull(accessToken, "accessToken");
    return unchecked("getAccessTokenMetadata", accessTokenMetadataCall(accessToken), accessToken);
  }

  @Override
  public final RefreshTokenMetadata getRefreshTokenMetadata(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    return unchecked(
        "getRefreshTokenMetadata", refreshTokenMetadataCall(refreshToken), refreshToken);
  }

  @Override
  public final void revokeRefreshToken(String refreshToken) {
    Objects.requireNonNull(refreshToken, "refreshToken");
    uncheckedNoBody("revokeRefreshToken", revokeCall(refreshToken), refreshToken);
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
  protected abstract HttpCall<TokenResponse> tokenCall(TokenForm form);

  /**
   * {@code GET /oauth/v1/access-tokens/{token}}, the token one percent-encoded path segment.
   *
   * @param accessToken the access token
   * @return the call
   */
  protected abstract HttpCall<AccessTokenMetadata> accessTokenMetadataCall(String accessToken);

  /**
   * {@code GET /oauth/v1/refresh-tokens/{token}}, the token one percent-encoded path segment.
   *
   * @param refreshToken the refresh token
   * @return the call
   */
  protected abstract HttpCall<RefreshTokenMetadata> refreshTokenMetadataCall(String refreshToken);

  /**
   * {@code DELETE /oauth/v1/refresh-tokens/{token}}, the token one percent-encoded path segment.
   *
   * @param refreshToken the refresh token
   * @return the call
   */
  protected abstract HttpCall<?> revokeCall(String refreshToken);

  /** The provider's {@link dev.oauthkit.hubspot.core.TokenEndpoint}: one refresh, no retry. */
  private TokenSet refresh(OAuthCredentials credentials) throws IOException {
    String refreshToken = credentials.refreshToken().orElseThrow();
    TokenForm form = TokenForm.refreshToken(credentials, refreshToken);
    return tokenSet(execute(TOKEN_OPERATION, tokenCall(form), refreshToken));
  }

  /** The tokens of a token response; the mapper already checked the required fields. */
  private static TokenSet tokenSet(TokenResponse response) {
    if (response.getAccessToken() == null || response.getExpiresIn() == null) {
      String field = response.getAccessToken() == null ? "access_token" : "expires_in";
      throw HubSpotOAuthResponseException.of(TOKEN_OPERATION, "$." + field, "is missing");
    }
    return TokenSet.of(
        response.getAccessToken(),
        Duration.ofSeconds(response.getExpiresIn().longValue()),
        response.getRefreshToken());
  }

  /**
   * Sends {@code call}: a non-2xx answer and a body without a required field become the facade's
   * exceptions, transport failures are thrown as they are.
   */
  private <X> X execute(String operation, HttpCall<X> call, String secret) throws IOException {
    X body = send(operation, call, secret);
    if (body == null) {
      throw HubSpotOAuthResponseException.of(operation, "$", "is missing (empty body)");
    }
    return body;
  }

  private <X> X send(String operation, HttpCall<X> call, String secret) throws IOException {
    try {
      return ResponseReading.reading(operation, call::send);
    } catch (ErrorResponse answer) {
      throw ErrorBodies.toException(
          operation,
          answer.status(),
          answer.retryAfter(),
          answer.body(),
          Secrets.carriedBy(provider.credentials(), secret),
          clock);
    } catch (JsonProcessingException e) {
      throw ResponseReading.toException(operation, e);
    }
  }

  /** Sends {@code call}; transport failures become {@link UncheckedIOException}. */
  private <X> X unchecked(String operation, HttpCall<X> call, String secret) {
    try {
      return execute(operation, call, secret);
    } catch (IOException e) {
      throw transportFailure(operation, e);
    }
  }

  /** Sends a call whose answer has no body. */
  private void uncheckedNoBody(String operation, HttpCall<?> call, String secret) {
    try {
      send(operation, call, secret);
    } catch (IOException e) {
      throw transportFailure(operation, e);
    }
  }

  private static UncheckedIOException transportFailure(String operation, IOException e) {
    return new UncheckedIOException(operation + " failed: " + e.getClass().getSimpleName(), e);
  }
}
