package dev.oauthkit.hubspot.sandbox.authorize;

import java.util.List;

/**
 * What a code is issued for: an app, one of its redirect URIs, the granted scopes and who approved.
 * Null scopes mean the app's scopes; null hub and user fields take sandbox defaults.
 *
 * @param clientId the app's client id
 * @param redirectUri the redirect URI the code is bound to
 * @param scopes granted scopes, or null
 * @param hubId the approving hub, or null
 * @param userId the approving user, or null
 * @param user that user's email, or null
 * @param hubDomain the hub's domain, or null
 * @param codeChallenge the PKCE S256 challenge the code is bound to, or null
 */
public record CodeRequest(
    String clientId,
    String redirectUri,
    List<String> scopes,
    Long hubId,
    Long userId,
    String user,
    String hubDomain,
    String codeChallenge) {

  /** A request without PKCE. */
  public CodeRequest(
      String clientId,
      String redirectUri,
      List<String> scopes,
      Long hubId,
      Long userId,
      String user,
      String hubDomain) {
    this(clientId, redirectUri, scopes, hubId, userId, user, hubDomain, null);
  }

  /** A request for an app's redirect URI with every other field defaulted. */
  public static CodeRequest of(String clientId, String redirectUri) {
    return new CodeRequest(clientId, redirectUri, null, null, null, null, null);
  }

  public CodeRequest withScopes(List<String> newScopes) {
    return new CodeRequest(
        clientId, redirectUri, newScopes, hubId, userId, user, hubDomain, codeChallenge);
  }

  public CodeRequest withUser(Long newHubId, Long newUserId, String newUser) {
    return new CodeRequest(
        clientId, redirectUri, scopes, newHubId, newUserId, newUser, hubDomain, codeChallenge);
  }

  /** The same request, bound to a PKCE S256 challenge. */
  public CodeRequest withCodeChallenge(String challenge) {
    return new CodeRequest(
        clientId, redirectUri, scopes, hubId, userId, user, hubDomain, challenge);
  }
}
