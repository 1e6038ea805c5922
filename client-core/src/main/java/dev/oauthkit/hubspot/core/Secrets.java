package dev.oauthkit.hubspot.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Helpers that keep secrets out of text: a short fingerprint to identify a secret, and redaction of
 * secrets from text received from a server.
 */
public final class Secrets {

  private static final int FINGERPRINT_HEX_CHARS = 8;

  private Secrets() {}

  /**
   * Returns {@code sha256:} followed by the first 8 hex characters of the SHA-256 of {@code
   * secret}: enough to tell two secrets apart in a log, useless to an attacker.
   *
   * @param secret the secret, or {@code null}
   * @return the fingerprint, or {@code "none"} when {@code secret} is {@code null}
   */
  public static String fingerprint(String secret) {
    if (secret == null) {
      return "none";
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest).substring(0, FINGERPRINT_HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /**
   * Returns every secret a call to the OAuth API may carry, for {@link #redact}: the call's own
   * token or code, the client secret and the current refresh token.
   *
   * @param credentials the client's current credentials
   * @param callSecret the token or code the call sent, or {@code null}
   * @return the secrets; {@code null} entries are left out
   */
  public static List<String> carriedBy(OAuthCredentials credentials, String callSecret) {
    Objects.requireNonNull(credentials, "credentials");
    List<String> secrets = new ArrayList<>();
    if (callSecret != null) {
      secrets.add(callSecret);
    }
    secrets.add(credentials.clientSecret());
    credentials.refreshToken().ifPresent(secrets::add);
    return List.copyOf(secrets);
  }

  /**
   * Replaces every occurrence of each secret in {@code text} with {@code [redacted <fingerprint>]}.
   *
   * @param text text that may echo a secret, for example an error body; may be {@code null}
   * @param secrets the secrets to remove; {@code null} and empty entries are ignored
   * @return the redacted text, or {@code null} when {@code text} is {@code null}
   */
  public static String redact(String text, Collection<String> secrets) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secrets) {
      if (secret != null && !secret.isEmpty()) {
        result = result.replace(secret, "[redacted " + fingerprint(secret) + "]");
      }
    }
    return result;
  }
}
