package dev.oauthkit.hubspot.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One token refresh with the retries of the options' {@link RetryPolicy}: the failures it accepts
 * are retried after its delay, on the options' {@link Sleeper}; every retry logs one WARN naming
 * the attempt and the failure's status or type, never a token.
 */
final class RetryingTokenCall {

  private static final System.Logger LOG = System.getLogger(RetryingTokenCall.class.getName());

  private final TokenEndpoint endpoint;
  private final TokenProviderOptions options;

  RetryingTokenCall(TokenEndpoint endpoint, TokenProviderOptions options) {
    this.endpoint = endpoint;
    this.options = options;
  }

  /**
   * Calls the endpoint until it answers, the policy refuses the failure, or attempts run out; a
   * retry that would start after {@code deadline} (the end of the store's lease, when another
   * instance may take it and refresh with the same token) is not made.
   *
   * @param sent the credentials to send
   * @param deadline when retrying must have ended, or {@code null} for none
   * @return the new tokens
   * @throws HubSpotOAuthException the last error answer
   * @throws UncheckedIOException when the last attempt failed with an IO error
   */
  TokenSet call(OAuthCredentials sent, Instant deadline) {
    RetryPolicy policy = options.retryPolicy();
    for (int attempt = 1; ; attempt++) {
      Optional<Duration> delay;
      String failure;
      try {
        TokenSet tokens = endpoint.refresh(sent);
        LOG.log(Level.DEBUG, () -> "access token refreshed: " + tokens);
        return tokens;
      } catch (HubSpotOAuthException e) {
        if (!policy.shouldRetry(e)) {
          throw e;
        }
        delay = before(deadline, policy.nextDelay(attempt, e.retryAfter().orElse(null)));
        failure = "HTTP " + e.httpStatus();
        if (delay.isEmpty()) {
          throw e;
        }
      } catch (IOException e) {
        delay =
            policy.shouldRetry(e)
                ? before(deadline, policy.nextDelay(attempt, null))
                : Optional.empty();
        failure = e.getClass().getSimpleName();
        if (delay.isEmpty()) {
          throw new UncheckedIOException(
              "token refresh failed after " + attempt + " attempt(s): " + failure, e);
        }
      }
      LOG.log(
          Level.WARNING,
          "token refresh attempt "
              + attempt
              + " failed ("
              + failure
              + "), retrying in "
              + delay.get());
      sleep(delay.get());
    }
  }

  /** The delay, unless the retry after it would start after {@code deadline}. */
  private Optional<Duration> before(Instant deadline, Optional<Duration> delay) {
    if (deadline == null || delay.isEmpty()) {
      return delay;
    }
    return options.clock().instant().plus(delay.get()).isAfter(deadline) ? Optional.empty() : delay;
  }

  private void sleep(Duration delay) {
    try {
      options.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry the token refresh", e);
    }
  }
}
