package dev.oauthkit.hubspot.sandbox.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, so expiry needs no sleeping. */
public final class MutableClock extends Clock {

  private Instant now;

  private MutableClock(Instant now) {
    this.now = now;
  }

  /** A clock at 2026-01-01T00:00:00Z. */
  public static MutableClock start() {
    return new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  }

  public void advance(Duration duration) {
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
    return this;
  }
}
