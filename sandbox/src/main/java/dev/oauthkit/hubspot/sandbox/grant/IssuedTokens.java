package dev.oauthkit.hubspot.sandbox.grant;

import dev.oauthkit.hubspot.sandbox.store.AuthCodeRow;

/**
 * What a successful grant answers with. {@link #toString()} shows no token.
 *
 * @param accessToken the new access token
 * @param refreshToken the refresh token (the same one, unless rotated), or null for
 *     client_credentials
 * @param expiresIn seconds until the access token expires
 * @param grant who approved which scopes: every answer carries it, a refresh's as the code
 *     exchange's
 */
public record IssuedTokens(
    String accessToken, String refreshToken, long expiresIn, AuthCodeRow.Grant grant) {

  @Override
  public String toString() {
    return "IssuedTokens[expiresIn=" + expiresIn + "]";
  }
}
