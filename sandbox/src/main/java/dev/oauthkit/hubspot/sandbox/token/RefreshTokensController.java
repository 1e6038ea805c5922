package dev.oauthkit.hubspot.sandbox.token;

import dev.oauthkit.hubspot.server.api.RefreshTokensApi;
import dev.oauthkit.hubspot.server.model.RefreshTokenMetadata;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET} and {@code DELETE /oauth/v1/refresh-tokens/{token}}, as the generated {@link
 * RefreshTokensApi} declares them.
 */
@RestController
public final class RefreshTokensController implements RefreshTokensApi {

  private final TokenMetadataService metadata;

  public RefreshTokensController(TokenMetadataService metadata) {
    this.metadata = metadata;
  }

  @Override
  public ResponseEntity<RefreshTokenMetadata> getRefreshTokenMetadata(String token) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(metadata.refresh(token));
  }

  @Override
  public ResponseEntity<Void> revokeRefreshToken(String token) {
    metadata.revoke(token);
    return ResponseEntity.noContent().build();
  }
}
