package dev.oauthkit.hubspot.sandbox.grant;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.store.RefreshTokenRow;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code grant_type=refresh_token}: a new access token from an active refresh token of the same
 * client. Like HubSpot, the refresh token is kept: then a refresh reads the refresh token's row
 * (from memory on SQLite) and, when the mint seals, writes nothing (the token carries its refresh
 * token and expiry); otherwise it is one conditional insert. With rotation on, it is replaced by a
 * new one and can no longer be used (access tokens issued from it stay valid until they expire);
 * presenting it again revokes the whole family.
 */
public final class RefreshTokenGrant implements GrantHandler {

  private final SandboxStore store;
  private final TokenMint mint;
  private final boolean rotate;

  private RefreshTokenGrant(SandboxStore store, TokenMint mint, boolean rotate) {
    this.store = Objects.requireNonNull(store, "store");
    this.mint = Objects.requireNonNull(mint, "mint");
    this.rotate = rotate;
  }

  /** A grant that keeps refresh tokens ({@code rotate=false}) or replaces them. */
  public static RefreshTokenGrant of(SandboxStore store, TokenMint mint, boolean rotate) {
    return new RefreshTokenGrant(store, mint, rotate);
  }

  @Override
  public String grantType() {
    return "refresh_token";
  }

  @Override
  public List<String> requiredFields() {
    return List.of("refresh_token");
  }

  @Override
  public IssuedTokens grant(TokenRequest request, App client) {
    String oldHash = Secrets.sha256Hex(request.refreshToken());
    Instant now = mint.now();
    if (!rotate && mint.seal().isPresent()) {
      store
          .findRefreshToken(oldHash)
          .filter(row -> row.active() && row.clientId().equals(client.clientId()))
          .orElseThrow(() -> refused(oldHash, client, now));
      return new IssuedTokens(
          mint.sealedAccessToken(oldHash, now), request.refreshToken(), mint.accessTokenSeconds());
    }
    if (!rotate) {
      TokenMint.MintedAccess access = mint.accessToken(oldHash, now);
      if (!store.issueAccessToken(client.clientId(), access.row())) {
        throw refused(oldHash, client, now);
      }
      return new IssuedTokens(access.value(), request.refreshToken(), mint.accessTokenSeconds());
    }
    RefreshTokenRow current =
        store
            .findRefreshToken(oldHash)
            .filter(row -> row.active() && row.clientId().equals(client.clientId()))
            .orElseThrow(() -> refused(oldHash, client, now));
    TokenMint.Minted next = mint.refreshToken();
    TokenMint.MintedAccess access = mint.accessToken(next.hash(), now);
    RefreshTokenRow nextRow =
        RefreshTokenRow.issued(
            next.hash(), client.clientId(), current.grant(), current.codeHash(), now);
    if (!store.rotateRefreshToken(oldHash, now, nextRow, access.row())) {
      throw refused(oldHash, client, now);
    }
    return new IssuedTokens(access.value(), next.value(), mint.accessTokenSeconds());
  }

  /**
   * The answer to a refresh token that cannot be used. If it is the client's and was rotated out,
   * it is being used a second time, by the client or by whoever stole it: the whole family is
   * revoked (RFC 9700 section 4.14.2), so neither keeps the grant.
   */
  private RuntimeException refused(String tokenHash, App client, Instant now) {
    store
        .findRefreshToken(tokenHash)
        .filter(row -> row.rotatedAt() != null && row.clientId().equals(client.clientId()))
        .ifPresent(row -> store.revokeRefreshToken(tokenHash, now));
    return Errors.badRefreshToken();
  }
}
