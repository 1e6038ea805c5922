package dev.oauthkit.hubspot.sandbox.token;

import dev.oauthkit.hubspot.sandbox.secret.AccessTokenSeal;
import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import dev.oauthkit.hubspot.sandbox.store.AccessTokenRow;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds an access token, whichever way it was issued: a sealed one (a refresh grant's, {@link
 * AccessTokenSeal}) is opened and joined with its refresh token's row; any other is looked up by
 * its SHA-256. The one place the metadata call, introspection and revocation read access tokens.
 */
public final class AccessTokens {

  private final SandboxStore store;
  private final AccessTokenSeal seal;

  private AccessTokens(SandboxStore store, AccessTokenSeal seal) {
    this.store = Objects.requireNonNull(store, "store");
    this.seal = seal;
  }

  /** Access tokens of a store, opening sealed ones if {@code seal} is present. */
  public static AccessTokens of(SandboxStore store, Optional<AccessTokenSeal> seal) {
    return new AccessTokens(store, seal.orElse(null));
  }

  /** The token's row with its refresh token's, if the token was issued here. */
  public Optional<AccessTokenRow.WithRefresh> find(String token) {
    if (seal != null) {
      Optional<AccessTokenSeal.Contents> sealed = seal.open(token);
      if (sealed.isPresent()) {
        AccessTokenSeal.Contents contents = sealed.get();
        AccessTokenRow row =
            new AccessTokenRow(
                Secrets.sha256Hex(token), contents.refreshHash(), contents.expiresAt());
        return store
            .findRefreshToken(contents.refreshHash())
            .map(refresh -> new AccessTokenRow.WithRefresh(row, refresh));
      }
    }
    return store.findAccessToken(Secrets.sha256Hex(token));
  }
}
