package dev.oauthkit.hubspot.core.stack;

import dev.oauthkit.hubspot.client.model.TokenResponse;
import dev.oauthkit.hubspot.client.model.dated.CreateTokenResponse;
import dev.oauthkit.hubspot.client.model.dated.TokenIntrospection;
import dev.oauthkit.hubspot.core.ActiveAccessToken;
import dev.oauthkit.hubspot.core.ActiveRefreshToken;
import dev.oauthkit.hubspot.core.ClientCredentialsToken;
import dev.oauthkit.hubspot.core.HubSpotOAuthResponseException;
import dev.oauthkit.hubspot.core.InactiveToken;
import dev.oauthkit.hubspot.core.IntrospectedToken;
import dev.oauthkit.hubspot.core.TokenGrant;
import dev.oauthkit.hubspot.core.UserTokens;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Maps the generated (flattened) response models to the typed results: a token response by its
 * {@code token_use}, an introspection by {@code active} and {@code token_use}. A field the
 * response's shape requires but the flattened schema cannot (the union's {@code if}/{@code then})
 * is checked here and, when missing, fails with {@link HubSpotOAuthResponseException} naming it.
 */
final class TokenResults {

  private TokenResults() {}

  /** A date-version token response: {@link UserTokens} or {@link ClientCredentialsToken}. */
  static TokenGrant grant(String operation, CreateTokenResponse response) {
    String accessToken = require(operation, "access_token", response.getAccessToken());
    Duration expiresIn =
        Duration.ofSeconds(require(operation, "expires_in", response.getExpiresIn()));
    String tokenType = require(operation, "token_type", response.getTokenType());
    List<String> scopes = orEmpty(response.getScopes());
    switch (require(operation, "token_use", response.getTokenUse())) {
      case CLIENT_CREDENTIALS:
        return new ClientCredentialsToken(accessToken, expiresIn, tokenType, scopes);
      case ACCESS_TOKEN:
      default:
        return new UserTokens(
            accessToken,
            expiresIn,
            require(operation, "refresh_token", response.getRefreshToken()),
            tokenType,
            scopes,
            Optional.ofNullable(response.getHubId()),
            Optional.ofNullable(response.getUserId()));
    }
  }

  /** A v1 token response, always user tokens. */
  static UserTokens userTokens(String operation, TokenResponse response) {
    return new UserTokens(
        require(operation, "access_token", response.getAccessToken()),
        Duration.ofSeconds(require(operation, "expires_in", response.getExpiresIn())),
        require(operation, "refresh_token", response.getRefreshToken()),
        response.getTokenType() == null ? "bearer" : response.getTokenType(),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }

  /** A date-version introspection: inactive, or an active access or refresh token. */
  static IntrospectedToken introspection(String operation, TokenIntrospection answer) {
    if (!Boolean.TRUE.equals(require(operation, "active", answer.getActive()))) {
      return new InactiveToken();
    }
    String token = require(operation, "token", answer.getToken());
    String tokenType = require(operation, "token_type", answer.getTokenType());
    String clientId = require(operation, "client_id", answer.getClientId());
    long appId = require(operation, "app_id", answer.getAppId());
    long hubId = require(operation, "hub_id", answer.getHubId());
    long userId = require(operation, "user_id", answer.getUserId());
    List<String> scopes = require(operation, "scopes", answer.getScopes());
    Optional<String> user = Optional.ofNullable(answer.getUser());
    Optional<String> hubDomain = Optional.ofNullable(answer.getHubDomain());
    switch (require(operation, "token_use", answer.getTokenUse())) {
      case REFRESH_TOKEN:
        return new ActiveRefreshToken(
            token, tokenType, clientId, appId, hubId, userId, user, hubDomain, scopes);
      case ACCESS_TOKEN:
      default:
        return new ActiveAccessToken(
            token,
            tokenType,
            clientId,
            appId,
            hubId,
            userId,
            user,
            hubDomain,
            scopes,
            Duration.ofSeconds(require(operation, "expires_in", answer.getExpiresIn())),
            Boolean.TRUE.equals(answer.getIsPrivateDistribution()));
    }
  }

  private static <T> T require(String operation, String field, T value) {
    if (value == null) {
      throw HubSpotOAuthResponseException.of(operation, "$." + field, "is missing");
    }
    return value;
  }

  private static List<String> orEmpty(List<String> scopes) {
    return scopes == null ? List.of() : scopes;
  }
}
