package dev.oauthkit.hubspot.core;

import java.time.Duration;

/** Waits between retries; injectable so tests record delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  /**
   * Blocks for {@code duration}.
   *
   * @param duration how long to wait
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;

  /** Returns a sleeper backed by {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
