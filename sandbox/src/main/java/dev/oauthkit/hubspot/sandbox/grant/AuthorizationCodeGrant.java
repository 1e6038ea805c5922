package dev.oauthkit.hubspot.sandbox.grant;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import dev.oauthkit.hubspot.sandbox.store.App;
import dev.oauthkit.hubspot.sandbox.store.AuthCodeRow;
import dev.oauthkit.hubspot.sandbox.store.RefreshTokenRow;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code grant_type=authorization_code}: a code is single-use, expires, is bound to its client and
 * to the exact redirect URI it was issued for. Presenting a used code again revokes every token it
 * produced (RFC 6749 section 4.1.2). A code whose authorize request carried a PKCE {@code
 * code_challenge} (S256) is exchanged only with the matching {@code code_verifier} (RFC 7636); a
 * {@code code_verifier} sent for a code minted without a challenge is refused too (RFC 9700 section
 * 4.8.2), so a PKCE downgrade cannot pass unnoticed.
 */
public final class AuthorizationCodeGrant implements GrantHandler {

  private final SandboxStore store;
  private final TokenMint mint;

  private AuthorizationCodeGrant(SandboxStore store, TokenMint mint) {
    this.store = Objects.requireNonNull(store, "store");
    this.mint = Objects.requireNonNull(mint, "mint");
  }

  public static AuthorizationCodeGrant of(SandboxStore store, TokenMint mint) {
    return new AuthorizationCodeGrant(store, mint);
  }

  @Override
  public String grantType() {
    return "authorization_code";
  }

  @Override
  public List<String> requiredFields() {
    return List.of("code", "redirect_uri");
  }

  @Override
  public IssuedTokens grant(TokenRequest request, App client) {
    String codeHash = Secrets.sha256Hex(request.code());
    AuthCodeRow code = store.findCode(codeHash).orElseThrow(Errors::badAuthCode);
    if (!code.clientId().equals(client.clientId())) {
      throw Errors.badAuthCode();
    }
    Instant now = mint.now();
    if (code.usedAt() != null) {
      store.revokeCodeFamily(codeHash, now);
      throw Errors.badAuthCode();
    }
    if (!now.isBefore(code.expiresAt())) {
      throw Errors.expiredAuthCode();
    }
    if (!client.redirectUris().contains(request.redirectUri())) {
      throw Errors.badRedirectUri();
    }
    if (!code.redirectUri().equals(request.redirectUri())) {
      throw Errors.mismatchRedirectUri();
    }
    String verifier = request.field("code_verifier");
    if (code.codeChallenge() == null
        ? verifier != null
        : !Pkce.matches(code.codeChallenge(), verifier)) {
      throw Errors.badCodeVerifier();
    }
    TokenMint.Minted refresh = mint.refreshToken();
    TokenMint.MintedAccess access = mint.accessToken(refresh.hash(), now);
    RefreshTokenRow refreshRow =
        RefreshTokenRow.issued(refresh.hash(), client.clientId(), code.grant(), codeHash, now);
    if (!store.redeemCode(codeHash, now, refreshRow, access.row())) {
      store.revokeCodeFamily(codeHash, now);
      throw Errors.badAuthCode();
    }
    return new IssuedTokens(
        access.value(), refresh.value(), mint.accessTokenSeconds(), code.grant());
  }
}
