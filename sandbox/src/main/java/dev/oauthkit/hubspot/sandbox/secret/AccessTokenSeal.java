package dev.oauthkit.hubspot.sandbox.secret;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens that carry what the sandbox needs to check them, so issuing one writes nothing: the
 * SHA-256 of the refresh token it came from and its expiry, encrypted and authenticated with
 * AES-256-GCM under the sandbox's key (a fresh 96-bit nonce per token). A token is {@value #LENGTH}
 * URL-safe characters starting with {@code C}, like HubSpot's; whoever holds one learns nothing
 * from it, and a token changed in any character does not open. Revocation still works: the refresh
 * token's row is read at every use. Thread-safe.
 */
public final class AccessTokenSeal {

  /** The key size: 32 bytes (AES-256). */
  public static final int KEY_BYTES = 32;

  /** The length of a sealed token. */
  public static final int LENGTH = 92;

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int PAYLOAD_BYTES = 32 + 8;
  private static final int SEALED_BYTES = NONCE_BYTES + PAYLOAD_BYTES + TAG_BITS / 8;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<Cipher> CIPHER =
      ThreadLocal.withInitial(AccessTokenSeal::newCipher);

  private final SecretKeySpec key;

  private AccessTokenSeal(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * A seal under the given key.
   *
   * @param key {@value #KEY_BYTES} bytes
   */
  public static AccessTokenSeal of(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("key must be " + KEY_BYTES + " bytes, got " + key.length);
    }
    return new AccessTokenSeal(key.clone());
  }

  /** A new random key, as stored by the sandbox. */
  public static byte[] newKey() {
    return Secrets.randomBytes(KEY_BYTES);
  }

  /**
   * What a sealed token says.
   *
   * @param refreshHash SHA-256 hex of the refresh token it was issued from
   * @param expiresAt when it expires (millisecond precision)
   */
  public record Contents(String refreshHash, Instant expiresAt) {}

  /** A new token for a refresh token (by its SHA-256 hex) expiring at {@code expiresAt}. */
  public String seal(String refreshHash, Instant expiresAt) {
    byte[] hash = HEX.parseHex(Objects.requireNonNull(refreshHash, "refreshHash"));
    if (hash.length != 32) {
      throw new IllegalArgumentException("refreshHash must be SHA-256 hex");
    }
    byte[] payload =
        ByteBuffer.allocate(PAYLOAD_BYTES).put(hash).putLong(expiresAt.toEpochMilli()).array();
    byte[] nonce = Secrets.randomBytes(NONCE_BYTES);
    byte[] sealed = new byte[SEALED_BYTES];
    System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
    try {
      Cipher cipher = CIPHER.get();
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.doFinal(payload, 0, payload.length, sealed, NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
    return "C" + ENCODER.encodeToString(sealed);
  }

  /** What a token sealed under this key says; empty for any other value. */
  public Optional<Contents> open(String token) {
    if (token == null || token.length() != LENGTH || token.charAt(0) != 'C') {
      return Optional.empty();
    }
    byte[] sealed;
    try {
      sealed = DECODER.decode(token.substring(1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (sealed.length != SEALED_BYTES
        || !ENCODER.encodeToString(sealed).equals(token.substring(1))) {
      return Optional
          .empty(); // also a second spelling of the same bytes (the last character's spare bits)
    }
    byte[] payload;
    try {
      Cipher cipher = CIPHER.get();
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      payload = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(payload);
    byte[] hash = new byte[32];
    buffer.get(hash);
    return Optional.of(new Contents(HEX.formatHex(hash), Instant.ofEpochMilli(buffer.getLong())));
  }

  @Override
  public String toString() {
    return "AccessTokenSeal[AES-256-GCM]";
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM/NoPadding is not available", e);
    }
  }
}
