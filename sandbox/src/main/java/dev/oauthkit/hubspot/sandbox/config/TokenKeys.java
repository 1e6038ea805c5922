package dev.oauthkit.hubspot.sandbox.config;

import dev.oauthkit.hubspot.sandbox.secret.AccessTokenSeal;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that seals refresh grants' access tokens ({@link AccessTokenSeal}), where sealing is
 * right: SQLite keeps it in {@code <data-dir>/token-key} (owner-only; created at the first start)
 * so tokens stay valid across restarts; the memory store, which forgets everything at exit, uses a
 * new one per start; PostgreSQL, shared by sandboxes that each have their own data directory, does
 * not seal (its refresh grants store their access tokens, as any sandbox on it can read them).
 */
final class TokenKeys {

  static final String FILE = "token-key";

  private static final Logger LOG = LoggerFactory.getLogger(TokenKeys.class);
  private static final HexFormat HEX = HexFormat.of();

  private TokenKeys() {}

  /**
   * The seal for {@code settings}' store, if it seals.
   *
   * @param grantsStored whether the store already holds grants, asked only when the key file is
   *     missing: then tokens sealed before cannot open any more, which is worth a warning
   */
  static Optional<AccessTokenSeal> resolve(
      SandboxSettings settings, DataDir dataDir, BooleanSupplier grantsStored) {
    if (!settings.store().seals()) {
      return Optional.empty();
    }
    return Optional.of(
        AccessTokenSeal.of(
            settings.store() == StoreKind.MEMORY
                ? AccessTokenSeal.newKey()
                : stored(dataDir, grantsStored)));
  }

  private static byte[] stored(DataDir dataDir, BooleanSupplier grantsStored) {
    Optional<String> text = dataDir.read(FILE).map(String::strip);
    if (text.isPresent()) {
      try {
        byte[] key = HEX.parseHex(text.get());
        if (key.length == AccessTokenSeal.KEY_BYTES) {
          return key;
        }
      } catch (IllegalArgumentException e) {
        // replaced below
      }
      warnReplaced("is not a key");
    } else if (grantsStored.getAsBoolean()) {
      warnReplaced("is missing, but the store holds grants");
    }
    byte[] key = AccessTokenSeal.newKey();
    dataDir.writeOwnerOnly(FILE, HEX.formatHex(key) + "\n");
    return key;
  }

  private static void warnReplaced(String why) {
    LOG.warn(
        "{} in the data directory {}; a new one is written (access tokens that refresh grants"
            + " issued before are no longer valid)",
        FILE,
        why);
  }
}
