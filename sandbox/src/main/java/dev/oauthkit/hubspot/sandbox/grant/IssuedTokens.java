package dev.oauthkit.hubspot.sandbox.grant;

/**
 * What a successful grant answers with. {@link #toString()} shows no token.
 *
 * @param accessToken the new access token
 * @param refreshToken the refresh token (the same one, unless rotated)
 * @param expiresIn seconds until the access token expires
 */
public record IssuedTokens(String accessToken, String refreshToken, long expiresIn) {

  @Override
  public String toString() {
    return "IssuedTokens[expiresIn=" + expiresIn + "]";
  }
}
