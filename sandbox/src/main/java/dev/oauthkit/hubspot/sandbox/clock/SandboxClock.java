package dev.oauthkit.hubspot.sandbox.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's one clock: a base clock (the system's) plus an offset that the admin API moves
 * forward ({@code POST /sandbox/v1/clock}) and resets ({@code POST /sandbox/v1/reset}). Every
 * service that decides expiry is given this clock. Thread-safe; the offset lives in memory only.
 */
public final class SandboxClock extends Clock {

  /** The largest total offset: a hundred years, far from {@link Instant}'s limits. */
  public static final Duration MAX_OFFSET = Duration.ofDays(36_525);

  private final Clock base;
  private final AtomicLong offsetSeconds = new AtomicLong();

  private SandboxClock(Clock base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  /** The system's UTC clock, not yet moved. */
  public static SandboxClock system() {
    return of(Clock.systemUTC());
  }

  /** A clock over {@code base} (tests pass a fixed or hand-moved clock). */
  public static SandboxClock of(Clock base) {
    return new SandboxClock(base);
  }

  @Override
  public Instant instant() {
    return base.instant().plusSeconds(offsetSeconds.get());
  }

  /** How far this clock is ahead of its base. */
  public Duration offset() {
    return Duration.ofSeconds(offsetSeconds.get());
  }

  /**
   * Moves the clock forward.
   *
   * @param by at least one second
   * @return the new offset
   * @throws IllegalArgumentException if {@code by} is under a second or the total offset would
   *     exceed {@link #MAX_OFFSET}
   */
  public Duration advance(Duration by) {
    Objects.requireNonNull(by, "by");
    if (by.getSeconds() < 1) {
      throw new IllegalArgumentException("by must be at least one second, got " + by);
    }
    long max = MAX_OFFSET.getSeconds();
    long add = by.getSeconds();
    long current;
    long updated;
    do {
      current = offsetSeconds.get();
      if (add > max - current) {
        throw new IllegalArgumentException("by would move the clock more than " + MAX_OFFSET);
      }
      updated = current + add;
    } while (!offsetSeconds.compareAndSet(current, updated));
    return Duration.ofSeconds(updated);
  }

  /** Puts the clock back to its base's time. */
  public void reset() {
    offsetSeconds.set(0);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the sandbox clock is UTC only");
  }

  @Override
  public String toString() {
    return "SandboxClock[offset=" + offset() + "]";
  }
}
