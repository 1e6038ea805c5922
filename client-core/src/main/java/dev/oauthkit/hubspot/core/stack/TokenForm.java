package dev.oauthkit.hubspot.core.stack;

import dev.oauthkit.hubspot.core.OAuthCredentials;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of one token form ({@code POST /oauth/v1/token} or {@code POST
 * /oauth/<version>/token}): the authorization-code grant (optionally with a PKCE verifier), the
 * refresh grant or the client-credentials grant (date versions only), each with exactly its own
 * fields and {@code null} for the others. Holds secrets; not printable.
 */
public final class TokenForm {

  private final String grantType;
  private final String clientId;
  private final String clientSecret;
  private final String redirectUri;
  private final String code;
  private final String refreshToken;
  private final String codeVerifier;
  private final String scope;

  private TokenForm(
      String grantType,
      OAuthCredentials credentials,
      String redirectUri,
      String code,
      String refreshToken,
      String codeVerifier,
      String scope) {
    this.grantType = grantType;
    this.clientId = credentials.clientId();
    this.clientSecret = credentials.clientSecret();
    this.redirectUri = redirectUri;
    this.code = code;
    this.refreshToken = refreshToken;
    this.codeVerifier = codeVerifier;
    this.scope = scope;
  }

  /**
   * The {@code authorization_code} grant.
   *
   * @param credentials the client ID and secret to send
   * @param code the authorization code
   * @param redirectUri the redirect URI of the authorization request
   * @return the form
   */
  public static TokenForm authorizationCode(
      OAuthCredentials credentials, String code, String redirectUri) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(redirectUri, "redirectUri");
    return authorizationCode(credentials, code, redirectUri, null);
  }

  /**
   * The {@code authorization_code} grant with a PKCE verifier (date versions).
   *
   * @param credentials the client ID and secret to send
   * @param code the authorization code
   * @param redirectUri the redirect URI of the authorization request
   * @param codeVerifier the PKCE code verifier, or {@code null} for none
   * @return the form
   */
  public static TokenForm authorizationCode(
      OAuthCredentials credentials, String code, String redirectUri, String codeVerifier) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(redirectUri, "redirectUri");
    return new TokenForm(
        "authorization_code", credentials, redirectUri, code, null, codeVerifier, null);
  }

  /**
   * The {@code client_credentials} grant (date versions).
   *
   * @param credentials the client ID and secret to send
   * @param scope the scopes, separated by spaces
   * @return the form
   */
  public static TokenForm clientCredentials(OAuthCredentials credentials, String scope) {
    return new TokenForm(
        "client_credentials",
        credentials,
        null,
        null,
        null,
        null,
        Objects.requireNonNull(scope, "scopes"));
  }

  /**
   * The {@code refresh_token} grant.
   *
   * @param credentials the client ID and secret to send
   * @param refreshToken the refresh token
   * @return the form
   */
  public static TokenForm refreshToken(OAuthCredentials credentials, String refreshToken) {
    return new TokenForm(
        "refresh_token",
        credentials,
        null,
        null,
        Objects.requireNonNull(refreshToken, "refreshToken"),
        null,
        null);
  }

  /**
   * Returns the form's fields by wire name, for either token operation: every field of both, {@code
   * null} for those this grant does not send ({@code client_assertion} and {@code
   * client_assertion_type} are never sent).
   */
  Map<String, String> fields() {
    Map<String, String> fields = new HashMap<>();
    fields.put("grant_type", grantType);
    fields.put("client_id", clientId);
    fields.put("client_secret", clientSecret);
    fields.put("redirect_uri", redirectUri);
    fields.put("code", code);
    fields.put("refresh_token", refreshToken);
    fields.put("code_verifier", codeVerifier);
    fields.put("scope", scope);
    fields.put("client_assertion", null);
    fields.put("client_assertion_type", null);
    return Collections.unmodifiableMap(fields);
  }
}
