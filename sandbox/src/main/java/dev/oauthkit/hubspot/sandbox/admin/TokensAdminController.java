package dev.oauthkit.hubspot.sandbox.admin;

import dev.oauthkit.hubspot.sandbox.admin.api.TokensApi;
import dev.oauthkit.hubspot.sandbox.admin.model.ExpireAccessTokenRequest;
import dev.oauthkit.hubspot.sandbox.token.EarlyExpiry;
import dev.oauthkit.hubspot.sandbox.token.TokenMetadataService;
import dev.oauthkit.hubspot.sandbox.web.ApiError;
import dev.oauthkit.hubspot.sandbox.web.ApiError.Problem;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sandbox/v1/tokens/expire}: a valid access token expires now ({@link EarlyExpiry});
 * anything else (unknown, expired, revoked, a refresh token) is 400 naming {@code token}.
 */
@RestController
public final class TokensAdminController implements TokensApi {

  private final TokenMetadataService metadata;
  private final EarlyExpiry earlyExpiry;
  private final Clock clock;

  public TokensAdminController(
      TokenMetadataService metadata, EarlyExpiry earlyExpiry, Clock clock) {
    this.metadata = metadata;
    this.earlyExpiry = earlyExpiry;
    this.clock = clock;
  }

  @Override
  public ResponseEntity<Void> expireAccessToken(ExpireAccessTokenRequest request) {
    String token = request.getToken();
    if (token == null || token.isEmpty()) {
      throw Errors.invalidFields(List.of(Problem.missing("body", "token")));
    }
    Instant now = clock.instant();
    long secondsLeft;
    try {
      if (earlyExpiry.isExpired(token)) {
        throw Errors.invalidToken();
      }
      secondsLeft = metadata.access(token).getExpiresIn();
    } catch (ApiError e) {
      throw Errors.invalidFields(
          List.of(Problem.invalid("body", "token", "token is not a valid access token")));
    }
    earlyExpiry.expire(token, now.plusSeconds(secondsLeft));
    return ResponseEntity.noContent().build();
  }
}
