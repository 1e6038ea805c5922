package dev.oauthkit.hubspot.core;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * How a token refresh is retried: which failures are retried ({@link #shouldRetry}; by default an
 * IO error, HTTP 429 or 5xx), at most {@code maxAttempts} attempts, exponential backoff from {@code
 * initialBackoff} capped at {@code maxBackoff} with "equal jitter" (a delay in {@code [d/2, d)}),
 * or the server's Retry-After when it sent one.
 */
public final class RetryPolicy {

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final DoubleSupplier jitter;
  private final Predicate<Exception> shouldRetry;

  private RetryPolicy(Builder b) {
    this.shouldRetry = b.shouldRetry;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.jitter = b.jitter;
  }

  /** Returns the defaults: 4 attempts, 500 ms doubling to at most 30 s, Retry-After up to 120 s. */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** Starts a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The default {@link Builder#shouldRetry} rule: an {@link IOException}, or a {@link
   * HubSpotOAuthException} answered 429 or 5xx ({@link HubSpotOAuthException#isRetryable()}).
   *
   * @param failure the failure of one attempt
   * @return whether it may be retried
   */
  public static boolean transientFailure(Exception failure) {
    return failure instanceof IOException
        || (failure instanceof HubSpotOAuthException e && e.isRetryable());
  }

  /**
   * Returns whether the failure of an attempt may be retried at all; {@link #nextDelay} then says
   * when, or that the attempts are used up.
   *
   * @param failure an {@link IOException} or {@link HubSpotOAuthException} of one attempt
   * @return whether to retry it
   */
  public boolean shouldRetry(Exception failure) {
    return shouldRetry.test(Objects.requireNonNull(failure, "failure"));
  }

  /** Returns the maximum number of attempts, the first one included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns how long to wait before the next attempt, or empty to give up.
   *
   * @param failedAttempts attempts made so far, all failed (at least 1)
   * @param retryAfter the server's Retry-After, or {@code null}
   * @return the delay; empty when attempts are used up or Retry-After exceeds {@code maxRetryAfter}
   */
  public Optional<Duration> nextDelay(int failedAttempts, Duration retryAfter) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("failedAttempts must be at least 1: " + failedAttempts);
    }
    if (failedAttempts >= maxAttempts) {
      return Optional.empty();
    }
    if (retryAfter != null) {
      return retryAfter.compareTo(maxRetryAfter) > 0 ? Optional.empty() : Optional.of(retryAfter);
    }
    Duration exponential = initialBackoff.multipliedBy(1L << Math.min(failedAttempts - 1, 30));
    Duration capped = exponential.compareTo(maxBackoff) > 0 ? maxBackoff : exponential;
    long half = capped.toMillis() / 2;
    double random = Math.min(Math.max(jitter.getAsDouble(), 0.0), 1.0);
    return Optional.of(Duration.ofMillis(half + (long) (half * random)));
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration maxRetryAfter = Duration.ofSeconds(120);
    private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
    private Predicate<Exception> shouldRetry = RetryPolicy::transientFailure;

    private Builder() {}

    /**
     * Sets which failures are retried (default {@link RetryPolicy#transientFailure}: IO errors, 429
     * and 5xx). It sees the {@link IOException} or {@link HubSpotOAuthException} of one attempt;
     * for example {@code e -> RetryPolicy.transientFailure(e) && !(e instanceof
     * java.net.UnknownHostException)}.
     */
    public Builder shouldRetry(Predicate<Exception> shouldRetry) {
      this.shouldRetry = Objects.requireNonNull(shouldRetry, "shouldRetry");
      return this;
    }

    /** Sets the maximum number of attempts (1 means no retry). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Sets the delay before the first retry, before jitter. */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = requirePositive(initialBackoff, "initialBackoff");
      return this;
    }

    /** Sets the longest backoff, before jitter. */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = requirePositive(maxBackoff, "maxBackoff");
      return this;
    }

    /** Sets the longest Retry-After honoured; a longer one ends the retries. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = requirePositive(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /** Sets the jitter source, returning values in {@code [0, 1)}; inject a constant in tests. */
    public Builder jitter(DoubleSupplier jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /** Builds the policy. */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
      }
      return new RetryPolicy(this);
    }

    private static Duration requirePositive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
