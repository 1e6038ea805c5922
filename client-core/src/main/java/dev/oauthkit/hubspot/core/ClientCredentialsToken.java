package dev.oauthkit.hubspot.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The token of the client-credentials grant (date versions): an access token for the app itself,
 * with no user and no refresh token; a new one is requested before it expires.
 *
 * @param accessToken the access token; never log it
 * @param expiresIn the access token's lifetime
 * @param tokenType the token type, normally {@code bearer}
 * @param scopes the scopes granted, empty when not listed
 */
public record ClientCredentialsToken(
    String accessToken, Duration expiresIn, String tokenType, List<String> scopes)
    implements TokenGrant {

  /** Checks the fields: token present, scopes copied. */
  public ClientCredentialsToken {
    OAuthCredentials.requireText(accessToken, "accessToken");
    Objects.requireNonNull(expiresIn, "expiresIn");
    scopes = List.copyOf(Objects.requireNonNull(scopes, "scopes"));
  }

  /** A fingerprint of the token, the lifetime and the scopes; never the token. */
  @Override
  public String toString() {
    return "ClientCredentialsToken{accessToken="
        + Secrets.fingerprint(accessToken)
        + ", expiresIn="
        + expiresIn
        + ", scopes="
        + scopes
        + "}";
  }
}
