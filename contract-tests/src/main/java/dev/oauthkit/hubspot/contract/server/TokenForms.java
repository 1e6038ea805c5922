package dev.oauthkit.hubspot.contract.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The form bodies of every version's flows (v1's token request takes the same grant fields as a
 * date version's), for a registered app: each a fresh mutable map in wire order, so a flow can drop
 * or change one field to make a mistake.
 */
final class TokenForms {

  /** The scope the client_credentials flows ask for. */
  static final String CLIENT_CREDENTIALS_SCOPE = "developer.webhooks_journal.read";

  private TokenForms() {}

  /** An authorization_code grant; {@code verifier} is the PKCE code_verifier, or null. */
  static Map<String, String> code(SandboxAdmin.App app, String code, String verifier) {
    Map<String, String> form = credentials(app, "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", app.redirectUri());
    if (verifier != null) {
      form.put("code_verifier", verifier);
    }
    return form;
  }

  /** A refresh_token grant. */
  static Map<String, String> refresh(SandboxAdmin.App app, String refreshToken) {
    Map<String, String> form = credentials(app, "refresh_token");
    form.put("refresh_token", refreshToken);
    return form;
  }

  /** A client_credentials grant for {@link #CLIENT_CREDENTIALS_SCOPE}. */
  static Map<String, String> clientCredentials(SandboxAdmin.App app) {
    Map<String, String> form = credentials(app, "client_credentials");
    form.put("scope", CLIENT_CREDENTIALS_SCOPE);
    return form;
  }

  /** An introspect or revoke request. */
  static Map<String, String> token(SandboxAdmin.App app, String token) {
    Map<String, String> form = credentials(app, null);
    form.put("token", token);
    return form;
  }

  /** The PKCE S256 challenge of a verifier (RFC 7636 4.2). */
  static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  private static Map<String, String> credentials(SandboxAdmin.App app, String grantType) {
    Map<String, String> form = new LinkedHashMap<>();
    if (grantType != null) {
      form.put("grant_type", grantType);
    }
    form.put("client_id", app.clientId());
    form.put("client_secret", app.clientSecret());
    return form;
  }
}
