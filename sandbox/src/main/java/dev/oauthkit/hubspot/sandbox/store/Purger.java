package dev.oauthkit.hubspot.sandbox.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SandboxStore#purge} in the background, every interval (the first one interval after
 * start), on one daemon thread, so the database holds about as many rows as are still live. A
 * failed purge is logged and tried again at the next interval.
 */
public final class Purger implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Purger.class);

  private final ScheduledExecutorService scheduler;

  private Purger(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  /**
   * Starts purging {@code store} every {@code interval}, by {@code clock}'s time; a zero interval
   * starts nothing (the purge is off).
   */
  public static Purger start(SandboxStore store, Clock clock, Duration interval) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative, got " + interval);
    }
    if (interval.isZero()) {
      return new Purger(null);
    }
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "store-purge");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    scheduler.scheduleWithFixedDelay(
        () -> purge(store, clock), millis, millis, TimeUnit.MILLISECONDS);
    return new Purger(scheduler);
  }

  private static void purge(SandboxStore store, Clock clock) {
    try {
      int deleted = store.purge(clock.instant());
      if (deleted > 0) {
        LOG.debug("purged {} expired or revoked rows", deleted);
      }
    } catch (RuntimeException e) {
      if (e instanceof StoreException outage && outage.unavailable()) {
        LOG.debug("purge skipped: the store is unavailable (logged once per outage)");
      } else {
        LOG.warn("purge failed, tried again at the next interval: {}", e.toString());
      }
    }
  }

  /** Stops purging; a purge under way finishes first (the store closes after). */
  @Override
  public void close() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
