package dev.oauthkit.hubspot.sandbox.grant;

import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.store.AuthCodeRow;
import dev.oauthkit.hubspot.sandbox.store.RefreshTokenRow;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code grant_type=client_credentials} (the date versions): an access token for the app itself, no
 * user, no hub and no refresh token, for apps registered for it ({@code client_credentials: true}
 * in the admin API). The scopes asked for ({@code scope}, space-separated) must all be the app's.
 * The grant is stored as a row whose refresh token is never handed out and that is revoked at the
 * access token's expiry ({@link SandboxStore#insertGrant}).
 */
public final class ClientCredentialsGrant implements GrantHandler {

  /** The hub id and domain a client-credentials token reports: it belongs to no HubSpot account. */
  static final long NO_HUB = 0;

  private final SandboxStore store;
  private final TokenMint mint;

  private ClientCredentialsGrant(SandboxStore store, TokenMint mint) {
    this.store = Objects.requireNonNull(store, "store");
    this.mint = Objects.requireNonNull(mint, "mint");
  }

  public static ClientCredentialsGrant of(SandboxStore store, TokenMint mint) {
    return new ClientCredentialsGrant(store, mint);
  }

  @Override
  public String grantType() {
    return "client_credentials";
  }

  @Override
  public List<String> requiredFields() {
    return List.of("scope");
  }

  @Override
  public IssuedTokens grant(TokenRequest request, App client) {
    if (!client.clientCredentials()) {
      throw Errors.unauthorizedClient();
    }
    Set<String> scopes =
        new LinkedHashSet<>(Arrays.asList(request.field("scope").trim().split("\\s+")));
    Set<String> known = new LinkedHashSet<>(client.scopes());
    known.addAll(client.optionalScopes());
    if (!known.containsAll(scopes)) {
      throw Errors.invalidScope();
    }
    Instant now = mint.now();
    TokenMint.Minted hidden = mint.refreshToken();
    TokenMint.MintedAccess access = mint.accessToken(hidden.hash(), now);
    AuthCodeRow.Grant grant = new AuthCodeRow.Grant(NO_HUB, null, null, "", List.copyOf(scopes));
    RefreshTokenRow row =
        RefreshTokenRow.issued(
                hidden.hash(), client.clientId(), grant, "client_credentials:" + hidden.hash(), now)
            .revokedAt(access.row().expiresAt());
    store.insertGrant(row, access.row());
    return new IssuedTokens(access.value(), null, mint.accessTokenSeconds(), grant);
  }
}
