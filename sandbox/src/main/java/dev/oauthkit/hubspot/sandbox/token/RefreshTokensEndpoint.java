package dev.oauthkit.hubspot.sandbox.token;

import dev.oauthkit.hubspot.server.api.RefreshTokensApi;
import dev.oauthkit.hubspot.server.model.RefreshTokenMetadata;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET} and {@code DELETE /oauth/v1/refresh-tokens/{token}}, implementing the generated
 * {@link RefreshTokensApi}.
 *
 * <p>A plain class, not a controller: the one request path ({@code HubSpotApiFilter}) calls it
 * through {@code OperationBinder}.
 */
public final class RefreshTokensEndpoint implements RefreshTokensApi {

  private final TokenMetadataService metadata;

  public RefreshTokensEndpoint(TokenMetadataService metadata) {
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
