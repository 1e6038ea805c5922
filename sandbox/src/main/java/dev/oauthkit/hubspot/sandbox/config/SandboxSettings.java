package dev.oauthkit.hubspot.sandbox.config;

import dev.oauthkit.hubspot.sandbox.store.JdbcTarget;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The sandbox's settings, made from its {@link Flags} (each a {@code --name=value} flag, else
 * {@code SANDBOX_NAME} in the environment, else the default in the {@link Flag} table).
 *
 * @param port the HTTP port ({@code 0}: a free one)
 * @param bind the address to listen on
 * @param dataDir where the database file, admin key and demo app file live
 * @param adminKey the admin key, or null to use (or generate) {@code <data-dir>/admin-key}
 * @param store the kind of store
 * @param rotateRefreshTokens whether a refresh grant replaces the refresh token
 * @param accessTokenTtl how long access tokens live
 * @param postgres for {@code --store=postgres}: {@code --jdbc-url}, {@code --db-user} and {@code
 *     --db-password}; null for the other stores
 * @param purgeInterval how often expired codes and tokens are deleted ({@code 0}: never)
 * @param apiVersions the API versions served ({@code --api-versions}, less v1 with {@code
 *     --disable-v1}); the others answer as after their sunset
 * @param allowedHosts {@code --allowed-hosts}: host names accepted in the {@code Host} header
 *     besides the addresses the sandbox serves ({@code *}: any); empty by default
 * @param flags where each value came from, for the start-up report
 */
public record SandboxSettings(
    int port,
    String bind,
    Path dataDir,
    String adminKey,
    StoreKind store,
    boolean rotateRefreshTokens,
    Duration accessTokenTtl,
    JdbcTarget postgres,
    Duration purgeInterval,
    List<String> apiVersions,
    List<String> allowedHosts,
    Flags flags) {

  public SandboxSettings {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
    Objects.requireNonNull(purgeInterval, "purgeInterval");
    Objects.requireNonNull(flags, "flags");
    apiVersions = List.copyOf(apiVersions);
    allowedHosts = List.copyOf(allowedHosts);
    address(bind);
    if (store == StoreKind.POSTGRES && postgres == null) {
      throw new IllegalArgumentException(
          "--store=postgres needs --jdbc-url=jdbc:postgresql://host:5432/db (or SANDBOX_JDBC_URL)");
    }
    if (accessTokenTtl.toSeconds() < 1 || accessTokenTtl.toSeconds() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "--access-token-ttl must be between 1 s and 2^31 s, got " + accessTokenTtl);
    }
    if (purgeInterval.isNegative()) {
      throw new IllegalArgumentException("--purge-interval must not be negative: " + purgeInterval);
    }
  }

  /**
   * The settings the flags describe.
   *
   * @throws IllegalArgumentException with a one-line message naming the flag
   */
  public static SandboxSettings from(Flags flags) {
    StoreKind store = StoreKind.named(text(flags, Flag.STORE)).orElseThrow();
    return new SandboxSettings(
        Integer.parseInt(text(flags, Flag.PORT)),
        text(flags, Flag.BIND),
        Path.of(text(flags, Flag.DATA_DIR)),
        flags.value(Flag.ADMIN_KEY).orElse(null),
        store,
        on(flags, Flag.ROTATE_REFRESH_TOKENS),
        duration(text(flags, Flag.ACCESS_TOKEN_TTL)).orElseThrow(),
        store == StoreKind.POSTGRES ? postgres(flags) : null,
        duration(text(flags, Flag.PURGE_INTERVAL)).orElseThrow(),
        apiVersions(flags),
        flags.value(Flag.ALLOWED_HOSTS).map(SandboxSettings::parseList).orElse(List.of()),
        flags);
  }

  /** The address to listen on ({@code bind} resolved). */
  public InetAddress address() {
    return address(bind);
  }

  private static InetAddress address(String bind) {
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "--bind=" + bind + ": must be an IP address or a host name of this machine", e);
    }
  }

  /** A duration as whole seconds ({@code 1800}) or ISO-8601 ({@code PT30M}); empty if neither. */
  static Optional<Duration> duration(String value) {
    try {
      return Optional.of(
          value.chars().allMatch(Character::isDigit)
              ? Duration.ofSeconds(Long.parseLong(value))
              : Duration.parse(value.toUpperCase(Locale.ROOT)));
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A comma-separated list, each value trimmed, empty ones left out. */
  static List<String> parseList(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
  }

  private static List<String> apiVersions(Flags flags) {
    List<String> versions =
        flags.value(Flag.API_VERSIONS).map(ServedVersions::parse).orElse(ServedVersions.all());
    if (!on(flags, Flag.DISABLE_V1)) {
      return versions;
    }
    if (flags.value(Flag.API_VERSIONS).isPresent() && versions.contains(ServedVersions.V1)) {
      throw new IllegalArgumentException(
          "--disable-v1 contradicts --api-versions, which names v1; give one of them");
    }
    return versions.stream().filter(version -> !version.equals(ServedVersions.V1)).toList();
  }

  /** The PostgreSQL target; null if no URL is given (the constructor then names the flag). */
  private static JdbcTarget postgres(Flags flags) {
    Optional<String> url = flags.value(Flag.JDBC_URL);
    if (url.isEmpty()) {
      return null;
    }
    try {
      return JdbcTarget.of(
          url.get(),
          flags.value(Flag.DB_USER).orElse(null),
          flags.value(Flag.DB_PASSWORD).orElse(null));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--jdbc-url: " + e.getMessage(), e);
    }
  }

  private static String text(Flags flags, Flag flag) {
    return flags.value(flag).orElse(flag.defaultValue());
  }

  private static boolean on(Flags flags, Flag flag) {
    return flags.value(flag).map(Boolean::parseBoolean).orElse(false);
  }

  @Override
  public String toString() {
    return "SandboxSettings[port="
        + port
        + ", bind="
        + bind
        + ", dataDir="
        + dataDir
        + ", adminKey="
        + (adminKey == null ? "none" : "given")
        + ", store="
        + store.id()
        + ", rotateRefreshTokens="
        + rotateRefreshTokens
        + ", accessTokenTtl="
        + accessTokenTtl
        + (postgres == null ? "" : ", postgres=" + postgres)
        + ", purgeInterval="
        + purgeInterval
        + ", allowedHosts="
        + allowedHosts
        + ", apiVersions="
        + apiVersions
        + ", "
        + flags
        + "]";
  }
}
