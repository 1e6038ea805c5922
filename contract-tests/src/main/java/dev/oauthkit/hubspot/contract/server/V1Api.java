package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.util.Optional;

/**
 * The operations of the v1 API that the v1 flows and catalogues drive, found in the spec by
 * operationId; absent when the spec (or {@code --api-versions}) leaves v1 out.
 *
 * @param token {@code POST /oauth/v1/token}: code exchange and refresh
 * @param accessMetadata {@code GET /oauth/v1/access-tokens/{token}}
 * @param refreshMetadata {@code GET /oauth/v1/refresh-tokens/{token}}
 * @param revoke {@code DELETE /oauth/v1/refresh-tokens/{token}}
 */
record V1Api(
    OperationContract token,
    OperationContract accessMetadata,
    OperationContract refreshMetadata,
    OperationContract revoke) {

  /** The operationId of v1's token request, whose presence in a spec means v1 is checked. */
  static final String TOKEN = "createOrRefreshAccessToken";

  /** The v1 operations of the spec, if it has v1's token request. */
  static Optional<V1Api> in(ContractSpec spec) {
    if (!spec.has(TOKEN)) {
      return Optional.empty();
    }
    return Optional.of(
        new V1Api(
            spec.operation(TOKEN),
            spec.operation("getAccessTokenMetadata"),
            spec.operation("getRefreshTokenMetadata"),
            spec.operation("revokeRefreshToken")));
  }

  /** The API version, {@code v1}. */
  String version() {
    return token.version();
  }
}
