package dev.oauthkit.hubspot.sandbox.grant;

import java.util.function.Function;

/**
 * The fields of a token request ({@code POST /oauth/v1/token} or {@code /oauth/<date
 * version>/token}). Blank fields count as missing. {@link #toString()} shows no secret, code,
 * verifier or token.
 *
 * @param grantType authorization_code, refresh_token or client_credentials
 * @param clientId the app's client id
 * @param clientSecret the app's client secret
 * @param redirectUri the redirect URI (authorization_code)
 * @param code the authorization code (authorization_code)
 * @param refreshToken the refresh token (refresh_token)
 * @param codeVerifier the PKCE verifier (authorization_code, date versions only)
 * @param scope the space-separated scopes asked for (client_credentials, date versions only)
 */
public record TokenRequest(
    String grantType,
    String clientId,
    String clientSecret,
    String redirectUri,
    String code,
    String refreshToken,
    String codeVerifier,
    String scope) {

  /** A v1 request: no verifier, no scope. */
  public TokenRequest(
      String grantType,
      String clientId,
      String clientSecret,
      String redirectUri,
      String code,
      String refreshToken) {
    this(grantType, clientId, clientSecret, redirectUri, code, refreshToken, null, null);
  }

  /** Reads the fields from form parameters by their wire names. */
  public static TokenRequest of(Function<String, String> parameter) {
    return new TokenRequest(
        parameter.apply("grant_type"),
        parameter.apply("client_id"),
        parameter.apply("client_secret"),
        parameter.apply("redirect_uri"),
        parameter.apply("code"),
        parameter.apply("refresh_token"),
        parameter.apply("code_verifier"),
        parameter.apply("scope"));
  }

  /** A field's value by its wire name, or null if absent or blank. */
  public String field(String name) {
    String value =
        switch (name) {
          case "grant_type" -> grantType;
          case "client_id" -> clientId;
          case "client_secret" -> clientSecret;
          case "redirect_uri" -> redirectUri;
          case "code" -> code;
          case "refresh_token" -> refreshToken;
          case "code_verifier" -> codeVerifier;
          case "scope" -> scope;
          default -> throw new IllegalArgumentException("unknown field name: " + name);
        };
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    return "TokenRequest[grantType=" + grantType + ", clientId=" + clientId + "]";
  }
}
