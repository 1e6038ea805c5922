package dev.oauthkit.hubspot.sandbox.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's one clock: a base clock (the system's) plus what the admin API moved it forward
 * ({@code POST /sandbox/v1/clock}). Every service that decides expiry is given this clock, and its
 * {@link #instant()} never goes back: {@link #reset()} ({@code POST /sandbox/v1/reset}) puts only
 * the time the admin API shows ({@link #shown()}, {@link #offset()}) back to the base's, so a reset
 * never brings an expired code or token back to life, and a token minted while the clock was ahead
 * lives its lifetime from then in real time, not the advance on top. Thread-safe; the offsets live
 * in memory only.
 */
public final class SandboxClock extends Clock {

  /** The largest total advance: a hundred years, far from {@link Instant}'s limits. */
  public static final Duration MAX_OFFSET = Duration.ofDays(36_525);

  private final Clock base;
  private final AtomicLong advancedSeconds = new AtomicLong();
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

  /** The time expiry is decided by: the base's plus every advance since start, resets ignored. */
  @Override
  public Instant instant() {
    return base.instant().plusSeconds(advancedSeconds.get());
  }

  /** The time the admin API shows: the base's plus the advances since the last reset. */
  public Instant shown() {
    return base.instant().plusSeconds(offsetSeconds.get());
  }

  /** How far the shown time is ahead of the base (zero after a reset). */
  public Duration offset() {
    return Duration.ofSeconds(offsetSeconds.get());
  }

  /** The real time, by which the purge runs (it never deletes what a later reset could show). */
  public Clock base() {
    return base;
  }

  /**
   * Moves the clock forward.
   *
   * @param by at least one second
   * @return the new offset
   * @throws IllegalArgumentException if {@code by} is under a second or the total advance would
   *     exceed {@link #MAX_OFFSET}
   */
  public synchronized Duration advance(Duration by) {
    Objects.requireNonNull(by, "by");
    if (by.getSeconds() < 1) {
      throw new IllegalArgumentException("by must be at least one second, got " + by);
    }
    if (by.getSeconds() > MAX_OFFSET.getSeconds() - advancedSeconds.get()) {
      throw new IllegalArgumentException("by would move the clock more than " + MAX_OFFSET);
    }
    advancedSeconds.addAndGet(by.getSeconds());
    return Duration.ofSeconds(offsetSeconds.addAndGet(by.getSeconds()));
  }

  /**
   * Puts the shown time back to the base's. Expiry keeps its time ({@link #instant()}): what
   * expired stays expired.
   */
  public synchronized void reset() {
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
    return "SandboxClock[offset=" + offset() + ", advanced=" + advancedSeconds.get() + "s]";
  }
}
