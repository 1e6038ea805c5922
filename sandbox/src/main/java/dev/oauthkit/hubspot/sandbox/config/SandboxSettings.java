package dev.oauthkit.hubspot.sandbox.config;

import dev.oauthkit.hubspot.sandbox.store.JdbcTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
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
 * @param store {@code sqlite} (default), {@code memory} or {@code postgres}
 * @param rotateRefreshTokens whether a refresh grant replaces the refresh token
 * @param accessTokenTtl how long access tokens live
 * @param postgres for {@code --store=postgres}: {@code --jdbc-url}, {@code --db-user} and {@code
 *     --db-password} ({@code SANDBOX_JDBC_URL}, {@code SANDBOX_DB_USER}, {@code
 *     SANDBOX_DB_PASSWORD}); null for the other stores
 * @param purgeInterval how often expired codes and tokens are deleted ({@code --purge-interval},
 *     seconds or ISO-8601, default 60 s; {@code 0} turns the purge off)
 * @param disableV1 {@code --disable-v1}: every v1 route answers as after HubSpot's sunset of
 *     2027-02-16, so a team can prove its app no longer calls v1
 * @param allowedHosts {@code --allowed-hosts} ({@code SANDBOX_ALLOWED_HOSTS}), comma-separated:
 *     host names accepted in the {@code Host} header besides the addresses the sandbox serves
 *     ({@code *}: any); empty by default
 */
public record SandboxSettings(
    Path dataDir,
    String adminKey,
    String store,
    boolean rotateRefreshTokens,
    Duration accessTokenTtl,
    JdbcTarget postgres,
    Duration purgeInterval,
    boolean disableV1,
    List<String> allowedHosts) {

  /** The default access token lifetime, as at HubSpot. */
  public static final Duration DEFAULT_ACCESS_TOKEN_TTL = Duration.ofSeconds(1800);

  public SandboxSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(store, "store");
    if (!store.equals("sqlite") && !store.equals("memory") && !store.equals("postgres")) {
      throw new IllegalArgumentException(
          "--store must be sqlite, memory or postgres, got " + store);
    }
    if (store.equals("postgres") && postgres == null) {
      throw new IllegalArgumentException(
          "--store=postgres needs --jdbc-url=jdbc:postgresql://host:5432/db (or SANDBOX_JDBC_URL)");
    }
    Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
    if (accessTokenTtl.toSeconds() < 1 || accessTokenTtl.toSeconds() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "--access-token-ttl must be between 1 s and 2^31 s, got " + accessTokenTtl);
    }
    Objects.requireNonNull(purgeInterval, "purgeInterval");
    if (purgeInterval.isNegative()) {
      throw new IllegalArgumentException("--purge-interval must not be negative: " + purgeInterval);
    }
    allowedHosts = List.copyOf(allowedHosts);
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
    String kind =
        store == null || store.isBlank() ? "sqlite" : store.trim().toLowerCase(Locale.ROOT);
    return new SandboxSettings(
        Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir),
        adminKey == null || adminKey.isBlank() ? null : adminKey,
        kind,
        parseFlag(flag.apply("rotate-refresh-tokens")),
        parseTtl(flag.apply("access-token-ttl")),
        kind.equals("postgres") ? parseJdbc(flag) : null,
        parsePurgeInterval(flag.apply("purge-interval")),
        parseFlag(flag.apply("disable-v1")),
        parseList(flag.apply("allowed-hosts")));
  }

  /** A comma-separated list, each value trimmed, empty ones left out. */
  static List<String> parseList(String value) {
    return value == null
        ? List.of()
        : Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  /** The PostgreSQL target; null if no URL is given (the constructor then names the flag). */
  static JdbcTarget parseJdbc(Function<String, String> flag) {
    String url = flag.apply("jdbc-url");
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      return JdbcTarget.of(url, flag.apply("db-user"), flag.apply("db-password"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--jdbc-url: " + e.getMessage(), e);
    }
  }

  /** A duration as whole seconds ({@code 1800}) or ISO-8601 ({@code PT30M}). */
  static Duration parseTtl(String value) {
    return parseDuration("--access-token-ttl", value, DEFAULT_ACCESS_TOKEN_TTL);
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
        + (postgres == null ? "" : ", postgres=" + postgres)
        + ", purgeInterval="
        + purgeInterval
        + ", disableV1="
        + disableV1
        + ", allowedHosts="
        + allowedHosts
        + "]";
  }

  /** The default purge interval. */
  public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofSeconds(60);

  /** {@code --purge-interval}: whole seconds ({@code 60}) or ISO-8601 ({@code PT1M}); 0 is off. */
  static Duration parsePurgeInterval(String value) {
    return parseDuration("--purge-interval", value, DEFAULT_PURGE_INTERVAL);
  }

  /** A flag's duration as whole seconds ({@code 60}) or ISO-8601 ({@code PT1M}), else fallback. */
  static Duration parseDuration(String flag, String value, Duration fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    String trimmed = value.trim();
    try {
      return trimmed.chars().allMatch(Character::isDigit)
          ? Duration.ofSeconds(Long.parseLong(trimmed))
          : Duration.parse(trimmed.toUpperCase(Locale.ROOT));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          flag + " must be seconds or ISO-8601 like PT1M, got " + trimmed, e);
    }
  }
}
