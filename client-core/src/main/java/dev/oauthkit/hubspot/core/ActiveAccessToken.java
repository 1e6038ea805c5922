package dev.oauthkit.hubspot.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An active access token, as introspection describes it; replaces v1's access-token metadata.
 *
 * @param token the token introspected; never log it
 * @param tokenType the token type, normally {@code bearer}
 * @param clientId the client ID of the app it was issued to
 * @param appId the ID of that app
 * @param hubId the HubSpot account it is for
 * @param userId the user who authorized the app
 * @param user that user's email address, if the server said
 * @param hubDomain the account's domain, if the server said
 * @param scopes the scopes granted
 * @param expiresIn how long the token remains valid
 * @param privateDistribution whether the app is privately distributed
 */
public record ActiveAccessToken(
    String token,
    String tokenType,
    String clientId,
    long appId,
    long hubId,
    long userId,
    Optional<String> user,
    Optional<String> hubDomain,
    List<String> scopes,
    Duration expiresIn,
    boolean privateDistribution)
    implements IntrospectedToken {

  /** Checks the fields: none null, scopes copied. */
  public ActiveAccessToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(tokenType, "tokenType");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(hubDomain, "hubDomain");
    scopes = List.copyOf(Objects.requireNonNull(scopes, "scopes"));
    Objects.requireNonNull(expiresIn, "expiresIn");
  }

  @Override
  public boolean active() {
    return true;
  }

  /** The token's fingerprint and its account, app, scopes and lifetime; never the token. */
  @Override
  public String toString() {
    return "ActiveAccessToken{token="
        + Secrets.fingerprint(token)
        + ", appId="
        + appId
        + ", hubId="
        + hubId
        + ", userId="
        + userId
        + ", scopes="
        + scopes
        + ", expiresIn="
        + expiresIn
        + "}";
  }
}
