package dev.oauthkit.hubspot.sandbox.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An issued authorization code, keyed by the SHA-256 hex of the code.
 *
 * @param codeHash SHA-256 hex of the code
 * @param clientId the app the code was issued to
 * @param redirectUri the exact redirect URI the code was issued for
 * @param grant who approved which scopes
 * @param expiresAt when the code stops being exchangeable
 * @param usedAt when it was exchanged, or {@code null}
 * @param codeChallenge the PKCE S256 challenge of the authorize request, or {@code null}
 */
public record AuthCodeRow(
    String codeHash,
    String clientId,
    String redirectUri,
    Grant grant,
    Instant expiresAt,
    Instant usedAt,
    String codeChallenge) {

  /** A code issued without PKCE. */
  public AuthCodeRow(
      String codeHash,
      String clientId,
      String redirectUri,
      Grant grant,
      Instant expiresAt,
      Instant usedAt) {
    this(codeHash, clientId, redirectUri, grant, expiresAt, usedAt, null);
  }

  public AuthCodeRow {
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(redirectUri, "redirectUri");
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The same code, marked used at {@code when}. */
  public AuthCodeRow usedAt(Instant when) {
    return new AuthCodeRow(codeHash, clientId, redirectUri, grant, expiresAt, when, codeChallenge);
  }

  @Override
  public String toString() {
    return "AuthCodeRow[fp=" + codeHash.substring(0, 8) + ", clientId=" + clientId + "]";
  }

  /**
   * What a user approved: hub, user and scopes. Carried from the code to every token of its family.
   *
   * @param hubId the HubSpot account
   * @param userId the approving user, or {@code null}
   * @param user that user's email, or {@code null}
   * @param hubDomain the account's domain
   * @param scopes the granted scopes
   */
  public record Grant(long hubId, Long userId, String user, String hubDomain, List<String> scopes) {
    public Grant {
      Objects.requireNonNull(hubDomain, "hubDomain");
      scopes = List.copyOf(Objects.requireNonNull(scopes, "scopes"));
    }
  }
}
