package dev.oauthkit.hubspot.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tokens of the authorization-code and refresh grants: an access token and a refresh token, and
 * on date versions the account ({@code hub_id}) and user they are for.
 *
 * @param accessToken the access token; never log it
 * @param expiresIn the access token's lifetime
 * @param refreshToken the refresh token; never log it
 * @param tokenType the token type, normally {@code bearer}
 * @param scopes the scopes granted, empty when not listed
 * @param hubId the HubSpot account, if the server said
 * @param userId the user who authorized the app, if the server said
 */
public record UserTokens(
    String accessToken,
    Duration expiresIn,
    String refreshToken,
    String tokenType,
    List<String> scopes,
    Optional<Long> hubId,
    Optional<Long> userId)
    implements TokenGrant {

  /** Checks the fields: tokens present, scopes copied. */
  public UserTokens {
    OAuthCredentials.requireText(accessToken, "accessToken");
    OAuthCredentials.requireText(refreshToken, "refreshToken");
    Objects.requireNonNull(expiresIn, "expiresIn");
    scopes = List.copyOf(Objects.requireNonNull(scopes, "scopes"));
    Objects.requireNonNull(hubId, "hubId");
    Objects.requireNonNull(userId, "userId");
  }

  /** Fingerprints of the tokens, the lifetime, the scopes and IDs; never a token. */
  @Override
  public String toString() {
    return "UserTokens{accessToken="
        + Secrets.fingerprint(accessToken)
        + ", refreshToken="
        + Secrets.fingerprint(refreshToken)
        + ", expiresIn="
        + expiresIn
        + ", scopes="
        + scopes
        + ", hubId="
        + hubId.orElse(null)
        + "}";
  }
}
