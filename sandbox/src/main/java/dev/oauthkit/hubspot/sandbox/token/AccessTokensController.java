package dev.oauthkit.hubspot.sandbox.token;

import dev.oauthkit.hubspot.server.api.AccessTokensApi;
import dev.oauthkit.hubspot.server.model.AccessTokenMetadata;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /oauth/v1/access-tokens/{token}}, as the generated {@link AccessTokensApi} declares.
 */
@RestController
public final class AccessTokensController implements AccessTokensApi {

  private final TokenMetadataService metadata;

  public AccessTokensController(TokenMetadataService metadata) {
    this.metadata = metadata;
  }

  @Override
  public ResponseEntity<AccessTokenMetadata> getAccessTokenMetadata(String token) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(metadata.access(token));
  }
}
