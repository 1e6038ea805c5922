package dev.oauthkit.hubspot.sandbox.token;

import dev.oauthkit.hubspot.sandbox.web.Errors;
import dev.oauthkit.hubspot.server.api.AccessTokensApi;
import dev.oauthkit.hubspot.server.model.AccessTokenMetadata;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /oauth/v1/access-tokens/{token}}, implementing the generated {@link AccessTokensApi}.
 *
 * <p>A plain class, not a controller: the one request path ({@code HubSpotApiFilter}) calls it
 * through {@code OperationBinder}.
 */
public final class AccessTokensEndpoint implements AccessTokensApi {

  private final TokenMetadataService metadata;
  private final EarlyExpiry earlyExpiry;

  public AccessTokensEndpoint(TokenMetadataService metadata, EarlyExpiry earlyExpiry) {
    this.metadata = metadata;
    this.earlyExpiry = earlyExpiry;
  }

  @Override
  public ResponseEntity<AccessTokenMetadata> getAccessTokenMetadata(String token) {
    if (earlyExpiry.isExpired(token)) {
      throw Errors.invalidToken();
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(metadata.access(token));
  }
}
