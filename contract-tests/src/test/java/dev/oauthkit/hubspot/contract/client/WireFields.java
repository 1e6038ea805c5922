package dev.oauthkit.hubspot.contract.client;

import dev.oauthkit.hubspot.core.ActiveAccessToken;
import dev.oauthkit.hubspot.core.ActiveRefreshToken;
import dev.oauthkit.hubspot.core.ClientCredentialsToken;
import dev.oauthkit.hubspot.core.InactiveToken;
import dev.oauthkit.hubspot.core.UserTokens;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The wire fields a typed result of the facade carries, under the spec's names, so that a decoded
 * result can be compared with the example it came from. The kind of a result stands for the
 * example's {@code token_use} and {@code active}; the fields in {@link #NOT_CARRIED} are the only
 * ones a typed result drops.
 */
final class WireFields {

  /** Fields of an answer no typed result carries (the signed token's internals). */
  static final Set<String> NOT_CARRIED = Set.of("signed_access_token");

  private WireFields() {}

  /**
   * The fields {@code result} carries.
   *
   * @param result a {@link UserTokens}, {@link ClientCredentialsToken}, {@link ActiveAccessToken},
   *     {@link ActiveRefreshToken} or {@link InactiveToken}
   * @param dated whether the result came from a date version (whose token answers say {@code
   *     token_use}, scopes and IDs)
   * @throws IllegalArgumentException for any other kind of result
   */
  static Map<String, Object> of(Object result, boolean dated) {
    Objects.requireNonNull(result, "result");
    Map<String, Object> fields = new LinkedHashMap<>();
    if (result instanceof UserTokens tokens) {
      fields.put("access_token", tokens.accessToken());
      fields.put("expires_in", tokens.expiresIn().toSeconds());
      fields.put("refresh_token", tokens.refreshToken());
      fields.put("token_type", tokens.tokenType());
      if (dated) {
        fields.put("token_use", "access_token");
        tokens.hubId().ifPresent(id -> fields.put("hub_id", id));
        tokens.userId().ifPresent(id -> fields.put("user_id", id));
        fields.put("scopes", tokens.scopes());
      }
    } else if (result instanceof ClientCredentialsToken token) {
      fields.put("access_token", token.accessToken());
      fields.put("expires_in", token.expiresIn().toSeconds());
      fields.put("token_type", token.tokenType());
      fields.put("token_use", "client_credentials");
      fields.put("scopes", token.scopes());
    } else if (result instanceof ActiveAccessToken token) {
      active(fields, "access_token", token.token(), token.tokenType(), token.clientId());
      ids(fields, token.appId(), token.hubId(), token.userId());
      token.user().ifPresent(user -> fields.put("user", user));
      token.hubDomain().ifPresent(domain -> fields.put("hub_domain", domain));
      fields.put("scopes", token.scopes());
      fields.put("expires_in", token.expiresIn().toSeconds());
      fields.put("is_private_distribution", token.privateDistribution());
    } else if (result instanceof ActiveRefreshToken token) {
      active(fields, "refresh_token", token.token(), token.tokenType(), token.clientId());
      ids(fields, token.appId(), token.hubId(), token.userId());
      token.user().ifPresent(user -> fields.put("user", user));
      token.hubDomain().ifPresent(domain -> fields.put("hub_domain", domain));
      fields.put("scopes", token.scopes());
    } else if (result instanceof InactiveToken) {
      fields.put("active", false);
    } else {
      throw new IllegalArgumentException(
          "result must be a typed token result, got " + result.getClass().getSimpleName());
    }
    return fields;
  }

  private static void active(
      Map<String, Object> fields, String tokenUse, String token, String type, String clientId) {
    fields.put("active", true);
    fields.put("token_use", tokenUse);
    fields.put("token", token);
    fields.put("token_type", type);
    fields.put("client_id", clientId);
  }

  private static void ids(Map<String, Object> fields, long appId, long hubId, long userId) {
    fields.put("app_id", appId);
    fields.put("hub_id", hubId);
    fields.put("user_id", userId);
  }
}
