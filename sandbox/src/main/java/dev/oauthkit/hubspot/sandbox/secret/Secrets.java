package dev.oauthkit.hubspot.sandbox.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Creates random secrets and hashes them. Stores keep only {@link #sha256Hex} of a code, token or
 * client secret; logs show only its {@link #fingerprint}, the first 8 hex characters of that hash.
 */
public final class Secrets {

  /**
   * One DRBG per thread: the default (NativePRNG) serialises every caller on one lock and reads
   * /dev/urandom each time, which showed under load (benchmarks/README.md). DRBG (SHA-256
   * Hash_DRBG, seeded from the OS) is as strong and, per thread, uncontended.
   */
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(Secrets::newRandom);

  private static final HexFormat HEX = HexFormat.of();
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(Secrets::newSha256);

  private Secrets() {}

  /** A random UUID-shaped value (122 random bits), as HubSpot uses for refresh tokens and codes. */
  public static String uuidShaped() {
    return uuidShaped(randomBytes(16));
  }

  /**
   * The successor of a rotated refresh token: UUID-shaped, derived from the token's value and a
   * random seed the store keeps (HMAC-SHA256 keyed with the token). Only whoever holds the token
   * and the store's seed can compute it, so the same successor can be answered again to a retry.
   */
  public static String successor(String token, String seed) {
    if (token == null || seed == null) {
      throw new IllegalArgumentException("token and seed must not be null");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return uuidShaped(mac.doFinal(seed.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** A random seed for {@link #successor} (128 bits as hex). */
  public static String successorSeed() {
    return toHex(randomBytes(16));
  }

  /** The first 16 bytes as a version-4 UUID string. */
  private static String uuidShaped(byte[] random) {
    byte[] bytes = Arrays.copyOf(random, 16);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
    String hex = HEX.formatHex(bytes);
    return hex.substring(0, 8)
        + '-'
        + hex.substring(8, 12)
        + '-'
        + hex.substring(12, 16)
        + '-'
        + hex.substring(16, 20)
        + '-'
        + hex.substring(20);
  }

  /** {@code n} random bytes from this thread's DRBG. */
  public static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.get().nextBytes(bytes);
    return bytes;
  }

  /** A random URL-safe access token (288 random bits), shaped like HubSpot's. */
  public static String accessToken() {
    byte[] bytes = new byte[36];
    RANDOM.get().nextBytes(bytes);
    return "C" + URL_SAFE.encodeToString(bytes);
  }

  /** A random URL-safe admin key (256 random bits). */
  public static String adminKey() {
    byte[] bytes = new byte[32];
    RANDOM.get().nextBytes(bytes);
    return URL_SAFE.encodeToString(bytes);
  }

  /** A random integer in {@code [min, max)}. */
  public static int randomInt(int min, int max) {
    if (min >= max) {
      throw new IllegalArgumentException("min must be below max, got min=" + min + " max=" + max);
    }
    return min + RANDOM.get().nextInt(max - min);
  }

  /** The SHA-256 of a value's UTF-8 bytes. */
  public static byte[] sha256(String value) {
    if (value == null) {
      throw new IllegalArgumentException("value must not be null");
    }
    MessageDigest digest = SHA256.get();
    digest.reset();
    return digest.digest(value.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of a value as 64 lower-case hex characters: how stores key codes and tokens. */
  public static String sha256Hex(String value) {
    return HEX.formatHex(sha256(value));
  }

  /** The first 8 hex characters of a value's SHA-256: safe to log, enough to correlate. */
  public static String fingerprint(String value) {
    return value == null ? "-" : sha256Hex(value).substring(0, 8);
  }

  /** The fingerprint of a value whose SHA-256 hex is already known. */
  public static String fingerprintOfHash(String sha256Hex) {
    return sha256Hex.substring(0, 8);
  }

  /** Whether a presented value hashes to the expected SHA-256, compared in constant time. */
  public static boolean matches(String presented, byte[] expectedSha256) {
    if (presented == null || expectedSha256 == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(presented), expectedSha256);
  }

  /** Parses 64 hex characters back into the 32 bytes of a SHA-256. */
  public static byte[] fromHex(String hex) {
    return HEX.parseHex(hex);
  }

  /** Formats bytes as lower-case hex. */
  public static String toHex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  private static SecureRandom newRandom() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
