package dev.oauthkit.hubspot.sandbox.token;

import dev.oauthkit.hubspot.sandbox.grant.IssuedTokens;
import dev.oauthkit.hubspot.sandbox.grant.TokenRequest;
import dev.oauthkit.hubspot.server.api.TokenManagementApi;
import dev.oauthkit.hubspot.server.model.TokenResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /oauth/v1/token}, implementing the generated {@link TokenManagementApi}.
 *
 * <p>A plain class, not a controller: the one request path ({@code HubSpotApiFilter}) calls it
 * through {@code OperationBinder}.
 */
public final class TokenEndpoint implements TokenManagementApi {

  private final TokenService tokens;

  public TokenEndpoint(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public ResponseEntity<TokenResponse> createOrRefreshAccessToken(
      String grantType,
      String clientId,
      String clientSecret,
      String redirectUri,
      String code,
      String refreshToken) {
    IssuedTokens issued =
        tokens.exchange(
            new TokenRequest(grantType, clientId, clientSecret, redirectUri, code, refreshToken));
    TokenResponse body =
        new TokenResponse(
            issued.accessToken(),
            "bearer",
            Math.toIntExact(issued.expiresIn()),
            issued.refreshToken());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }
}
