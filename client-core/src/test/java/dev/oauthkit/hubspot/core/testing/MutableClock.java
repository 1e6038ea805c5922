package dev.oauthkit.hubspot.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that only moves when told to; thread-safe. */
public final class MutableClock extends Clock {

  private volatile Instant now;

  private MutableClock(Instant start) {
    this.now = start;
  }

  /** Returns a clock standing at {@code 2026-01-01T00:00:00Z}. */
  public static MutableClock atFixedStart() {
    return new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  }

  /** Moves the clock forward by {@code duration}. */
  public synchronized void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("MutableClock is UTC only");
  }
}
