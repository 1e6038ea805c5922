package dev.oauthkit.hubspot.sandbox.grant;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.store.AuthCodeRow;
import dev.oauthkit.hubspot.sandbox.store.RefreshTokenRow;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code grant_type=refresh_token}: a new access token from an active refresh token of the same
 * client. Like HubSpot, the refresh token is kept: then a refresh reads the refresh token's row
 * (from memory on SQLite) and, when the mint seals, writes nothing (the token carries its refresh
 * token and expiry); otherwise it is one conditional insert. With rotation on, it is replaced by a
 * new one and can no longer be used (access tokens issued from it stay valid until they expire);
 * presenting it again revokes the whole family, except within the {@link #REUSE_GRACE}: the
 * immediately previous token, presented again by its client while its successor is unused, gets
 * that same successor (idempotent rotation, as Okta's grace period and Auth0's reuse interval do),
 * so a client whose answer was lost (timeout, crash, restart) can retry.
 */
public final class RefreshTokenGrant implements GrantHandler {

  /**
   * How long after its rotation a refresh token's retry gets the same successor (Okta's default).
   */
  public static final Duration REUSE_GRACE = Duration.ofSeconds(30);

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
    String token = request.refreshToken();
    String oldHash = Secrets.sha256Hex(token);
    Instant now = mint.now();
    if (rotate) {
      return rotate(token, oldHash, client, now);
    }
    Optional<RefreshTokenRow> current = ofClient(oldHash, client).filter(RefreshTokenRow::active);
    if (current.isEmpty()) {
      return refused(token, oldHash, client, now);
    }
    // The answer carries the grant (hub, user, scopes) as the code exchange's does.
    AuthCodeRow.Grant grant = current.get().grant();
    if (mint.seal().isPresent()) {
      return new IssuedTokens(mint.sealedAccessToken(oldHash, now), token, seconds(), grant);
    }
    TokenMint.MintedAccess access = mint.accessToken(oldHash, now);
    return store.issueAccessToken(client.clientId(), access.row())
        ? new IssuedTokens(access.value(), token, seconds(), grant)
        : refused(token, oldHash, client, now);
  }

  private IssuedTokens rotate(String token, String oldHash, App client, Instant now) {
    Optional<RefreshTokenRow> current = ofClient(oldHash, client).filter(RefreshTokenRow::active);
    if (current.isEmpty()) {
      return refused(token, oldHash, client, now);
    }
    String seed = Secrets.successorSeed();
    TokenMint.Minted next = mint.successor(token, seed);
    TokenMint.MintedAccess access = mint.accessToken(next.hash(), now);
    RefreshTokenRow nextRow =
        RefreshTokenRow.issued(
            next.hash(), client.clientId(), current.get().grant(), current.get().codeHash(), now);
    return store.rotateRefreshToken(oldHash, now, seed, nextRow, access.row())
        ? new IssuedTokens(access.value(), next.value(), seconds(), current.get().grant())
        : refused(token, oldHash, client, now);
  }

  /**
   * The answer to a refresh token that cannot be used as it is. If it is the client's and was
   * rotated out less than {@link #REUSE_GRACE} ago, and its successor is still active, this is a
   * retry: the same successor comes back, with a new access token. Otherwise, a rotated-out token
   * is being used a second time, by the client or by whoever stole it: the whole family is revoked
   * (RFC 9700 section 4.14.2), so neither keeps the grant.
   */
  private IssuedTokens refused(String token, String hash, App client, Instant now) {
    Optional<RefreshTokenRow> rotated =
        ofClient(hash, client).filter(row -> row.rotatedAt() != null && row.revokedAt() == null);
    if (rotated.isEmpty()) {
      throw Errors.badRefreshToken();
    }
    RefreshTokenRow row = rotated.get();
    if (row.successorSeed() != null && now.isBefore(row.rotatedAt().plus(REUSE_GRACE))) {
      TokenMint.Minted next = mint.successor(token, row.successorSeed());
      TokenMint.MintedAccess access = mint.accessToken(next.hash(), now);
      if (store.issueAccessToken(client.clientId(), access.row())) {
        return new IssuedTokens(access.value(), next.value(), seconds(), row.grant());
      }
    }
    store.revokeRefreshToken(hash, now);
    throw Errors.badRefreshToken();
  }

  private Optional<RefreshTokenRow> ofClient(String hash, App client) {
    return store.findRefreshToken(hash).filter(row -> row.clientId().equals(client.clientId()));
  }

  private long seconds() {
    return mint.accessTokenSeconds();
  }
}
