package dev.oauthkit.hubspot.sandbox.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to start a sandbox. Equal settings share one sandbox per run ({@code perRun}); the password
 * is never part of {@link #toString()}.
 */
record SandboxSettings(
    boolean perRun,
    boolean rotateRefreshTokens,
    Duration accessTokenTtl,
    String jdbcUrl,
    String dbUser,
    String dbPassword,
    Path jar,
    Duration startTimeout) {

  static final Duration DEFAULT_TTL = Duration.ofMinutes(30);
  static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

  static SandboxSettings defaults() {
    return new SandboxSettings(
        false, false, DEFAULT_TTL, null, null, null, null, DEFAULT_START_TIMEOUT);
  }

  /**
   * The settings of the {@link HubSpotSandboxTest} on {@code testClass} or the nearest enclosing
   * class that has one; empty if none has.
   */
  static Optional<SandboxSettings> fromAnnotation(Class<?> testClass) {
    for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
      HubSpotSandboxTest annotation = type.getAnnotation(HubSpotSandboxTest.class);
      if (annotation != null) {
        return Optional.of(
            new SandboxSettings(
                annotation.perRun(),
                annotation.rotateRefreshTokens(),
                DEFAULT_TTL,
                null,
                null,
                null,
                null,
                DEFAULT_START_TIMEOUT));
      }
    }
    return Optional.empty();
  }

  /** The sandbox's flags after {@code --port=0 --data-dir=...}. */
  List<String> flags() {
    List<String> flags = new ArrayList<>();
    if (jdbcUrl == null) {
      flags.add("--store=memory");
    } else {
      flags.add("--store=postgres");
      flags.add("--jdbc-url=" + jdbcUrl);
      if (dbUser != null) {
        flags.add("--db-user=" + dbUser);
      }
    }
    flags.add("--access-token-ttl=" + accessTokenTtl.toSeconds());
    if (rotateRefreshTokens) {
      flags.add("--rotate-refresh-tokens");
    }
    return flags;
  }

  /** Variables for the sandbox's environment (kept out of {@code ps}). */
  Map<String, String> environment(String adminKey) {
    return dbPassword == null
        ? Map.of("SANDBOX_ADMIN_KEY", adminKey)
        : Map.of("SANDBOX_ADMIN_KEY", adminKey, "SANDBOX_DB_PASSWORD", dbPassword);
  }

  @Override
  public String toString() {
    return "SandboxSettings[perRun="
        + perRun
        + ", store="
        + (jdbcUrl == null ? "memory" : "postgres")
        + ", ttl="
        + accessTokenTtl
        + ", rotate="
        + rotateRefreshTokens
        + "]";
  }
}
