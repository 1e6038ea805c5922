package dev.oauthkit.hubspot.sandbox.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The sandbox's flags. Each is read as {@code --name=value}, else from {@code SANDBOX_NAME} in the
 * environment (e.g. {@code --data-dir} / {@code SANDBOX_DATA_DIR}), else a default. {@code --port}
 * and {@code --bind} go straight to the web server (see application.properties).
 *
 * @param dataDir where the database file, admin key and demo app file live
 * @param adminKey the admin key, or null to use (or generate) {@code <data-dir>/admin-key}
 * @param store {@code sqlite} (default) or {@code memory}
 * @param rotateRefreshTokens whether a refresh grant replaces the refresh token
 * @param accessTokenTtl how long access tokens live
 */
public record SandboxSettings(
    Path dataDir,
    String adminKey,
    String store,
    boolean rotateRefreshTokens,
    Duration accessTokenTtl) {

  /** The default access token lifetime, as at HubSpot. */
  public static final Duration DEFAULT_ACCESS_TOKEN_TTL = Duration.ofSeconds(1800);

  public SandboxSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(store, "store");
    if (!store.equals("sqlite") && !store.equals("memory")) {
      throw new IllegalArgumentException("--store must be sqlite or memory, got " + store);
    }
    Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
    if (accessTokenTtl.toSeconds() < 1 || accessTokenTtl.toSeconds() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "--access-token-ttl must be between 1 s and 2^31 s, got " + accessTokenTtl);
    }
  }

  /**
   * Reads the settings from a lookup of property names: {@code name} first (command line), then
   * {@code sandbox.name} (relaxed to {@code SANDBOX_NAME} by Spring's environment).
   */
  public static SandboxSettings from(Function<String, String> property) {
    Function<String, String> flag =
        name -> {
          String value = property.apply(name);
          return value != null ? value : property.apply("sandbox." + name);
        };
    String dataDir = flag.apply("data-dir");
    String adminKey = flag.apply("admin-key");
    String store = flag.apply("store");
    return new SandboxSettings(
        Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir),
        adminKey == null || adminKey.isBlank() ? null : adminKey,
        store == null || store.isBlank() ? "sqlite" : store.trim().toLowerCase(Locale.ROOT),
        parseFlag(flag.apply("rotate-refresh-tokens")),
        parseTtl(flag.apply("access-token-ttl")));
  }

  /** A duration as whole seconds ({@code 1800}) or ISO-8601 ({@code PT30M}). */
  static Duration parseTtl(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_ACCESS_TOKEN_TTL;
    }
    String trimmed = value.trim();
    try {
      return trimmed.chars().allMatch(Character::isDigit)
          ? Duration.ofSeconds(Long.parseLong(trimmed))
          : Duration.parse(trimmed.toUpperCase(Locale.ROOT));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--access-token-ttl must be seconds or ISO-8601 like PT30M, got " + trimmed, e);
    }
  }

  /** A boolean flag: present without a value ({@code --flag}) or {@code true} means true. */
  static boolean parseFlag(String value) {
    if (value == null) {
      return false;
    }
    String trimmed = value.trim().toLowerCase(Locale.ROOT);
    if (trimmed.isEmpty() || trimmed.equals("true")) {
      return true;
    }
    if (trimmed.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException("a boolean flag must be true or false, got " + trimmed);
  }

  @Override
  public String toString() {
    return "SandboxSettings[dataDir="
        + dataDir
        + ", adminKey="
        + (adminKey == null ? "none" : "given")
        + ", store="
        + store
        + ", rotateRefreshTokens="
        + rotateRefreshTokens
        + ", accessTokenTtl="
        + accessTokenTtl
        + "]";
  }
}
