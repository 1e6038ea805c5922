package dev.oauthkit.hubspot.sandbox.junit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A running HubSpot OAuth sandbox, as a test sees it: where it is, an app registered in it, and the
 * admin API's levers (codes, tokens, time, faults). Injected as a test or lifecycle method
 * parameter, or used through the {@link HubSpotSandboxExtension} field itself. Thread-safe.
 */
public interface HubSpotSandbox {

  /** The sandbox's URL, e.g. {@code http://127.0.0.1:41234}: a client's base URL. */
  String baseUrl();

  /** The admin key, for calls of your own to {@code /sandbox/v1/*}. */
  String adminKey();

  /**
   * The sandbox's own app (redirect URI {@code http://localhost/cb}), registered at the first call,
   * the same app at every call.
   */
  SandboxApp app();

  /** Registers another app, for a test that wants one of its own. */
  SandboxApp newApp();

  /** An authorization code for {@link #app()}, as if a user of hub 62515 had approved it. */
  String mintCode();

  /** An authorization code for {@code app} and its redirect URI, approved by hub 62515. */
  String mintCode(SandboxApp app);

  /**
   * A fresh token pair for {@link #app()}: a code minted and exchanged at the newest API version
   * the sandbox serves (the last of its health answer's {@code api_versions}).
   */
  SandboxTokens tokensFor();

  /** A fresh token pair for {@code app}: a code minted and exchanged. */
  SandboxTokens tokensFor(SandboxApp app);

  /** Makes one access token expire now: its metadata call answers 401 from now on. */
  void expireAccessToken(String accessToken);

  /**
   * Moves the sandbox's clock forward (at least a second), so tokens and codes expire without
   * waiting; {@link #clock()} moves with it.
   *
   * @return the sandbox's new time
   */
  Instant advanceClock(Duration by);

  /**
   * The sandbox's time as a {@link Clock}: the system clock plus every {@link #advanceClock} since
   * the last {@link #reset()}. Give it to a client's token provider so both agree on expiry.
   */
  Clock clock();

  /** The next request to the operation fails with {@code status} (500, 502, 503 or 504). */
  void injectFault(String operationId, int status);

  /**
   * The next {@code count} requests to the operation fail with {@code status}.
   *
   * @param operationId {@code createOrRefreshAccessToken}, {@code getAccessTokenMetadata}, {@code
   *     getRefreshTokenMetadata} or {@code revokeRefreshToken}
   * @param status 500, 502, 503 or 504
   * @param count 1 to 1000
   */
  void injectFault(String operationId, int status, int count);

  /** Disarms every fault and puts the clock back to the real time; apps and tokens stay. */
  void reset();
}
