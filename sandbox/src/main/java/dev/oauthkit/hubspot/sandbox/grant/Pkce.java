package dev.oauthkit.hubspot.sandbox.grant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** PKCE (RFC 7636), S256 only: the challenge is BASE64URL(SHA-256(ASCII(verifier))), unpadded. */
public final class Pkce {

  private Pkce() {}

  /** The S256 challenge of a verifier. */
  public static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Whether a verifier (null: none sent) matches the challenge, compared in constant time. */
  public static boolean matches(String challenge, String verifier) {
    if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
      return false;
    }
    return MessageDigest.isEqual(
        challenge.getBytes(StandardCharsets.US_ASCII),
        challenge(verifier).getBytes(StandardCharsets.US_ASCII));
  }
}
