package dev.oauthkit.hubspot.sandbox.token;

import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.grant.IssuedTokens;
import dev.oauthkit.hubspot.sandbox.grant.TokenRequest;
import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import dev.oauthkit.hubspot.server.dated.api.OAuthTokensApi;
import dev.oauthkit.hubspot.server.dated.model.CreateTokenResponse;
import dev.oauthkit.hubspot.server.dated.model.TokenIntrospection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/**
 * {@code POST /oauth/<date version>/token}, {@code /token/introspect} and {@code /token/revoke},
 * implementing the generated {@link OAuthTokensApi} of the date versions. The token rules are the
 * v1 endpoint's ({@link TokenService}), with client_credentials and PKCE besides; the tokens are
 * the same rows, so the two versions see each other's tokens.
 *
 * <p>A plain class, not a controller: the one request path ({@code HubSpotApiFilter}) calls it
 * through {@code OperationBinder}.
 */
public final class OAuthTokensEndpoint implements OAuthTokensApi {

  private final TokenService tokens;
  private final TokenIntrospector introspector;
  private final AppRegistry apps;

  public OAuthTokensEndpoint(
      TokenService tokens, TokenIntrospector introspector, AppRegistry apps) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.introspector = Objects.requireNonNull(introspector, "introspector");
    this.apps = Objects.requireNonNull(apps, "apps");
  }

  @Override
  public ResponseEntity<CreateTokenResponse> createToken(
      String grantType,
      String clientId,
      String clientSecret,
      String code,
      String redirectUri,
      String codeVerifier,
      String refreshToken,
      String scope,
      String clientAssertion,
      String clientAssertionType) {
    IssuedTokens issued =
        tokens.exchange(
            new TokenRequest(
                grantType,
                clientId,
                clientSecret,
                redirectUri,
                code,
                refreshToken,
                codeVerifier,
                scope));
    boolean clientCredentials = issued.refreshToken() == null;
    CreateTokenResponse body =
        new CreateTokenResponse(
            issued.accessToken(),
            issued.expiresIn(),
            "bearer",
            clientCredentials
                ? CreateTokenResponse.TokenUseEnum.CLIENT_CREDENTIALS
                : CreateTokenResponse.TokenUseEnum.ACCESS_TOKEN);
    body.setRefreshToken(issued.refreshToken());
    if (issued.grant() != null) {
      body.setScopes(issued.grant().scopes());
      if (!clientCredentials) {
        body.setHubId(issued.grant().hubId());
        body.setUserId(issued.grant().userId());
      }
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  @Override
  public ResponseEntity<TokenIntrospection> introspectToken(
      String clientId, String clientSecret, String token, String tokenTypeHint) {
    App client = authenticate(clientId, clientSecret, token);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(introspector.introspect(client, token));
  }

  @Override
  public ResponseEntity<Void> revokeToken(
      String clientId, String clientSecret, String token, String tokenTypeHint) {
    introspector.revoke(authenticate(clientId, clientSecret, token), token);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
  }

  /** Every missing field named at once (400), then the client's credentials checked (401). */
  private App authenticate(String clientId, String clientSecret, String token) {
    List<String> missing = new ArrayList<>();
    if (blank(clientId)) {
      missing.add("client_id");
    }
    if (blank(clientSecret)) {
      missing.add("client_secret");
    }
    if (blank(token)) {
      missing.add("token");
    }
    if (!missing.isEmpty()) {
      throw Errors.missingTokenParameters(missing);
    }
    return apps.authenticate(clientId, clientSecret);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
