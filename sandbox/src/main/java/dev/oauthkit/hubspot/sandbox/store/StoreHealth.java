package dev.oauthkit.hubspot.sandbox.store;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a store can write, as its executor last found out. The first failure of an outage logs
 * one WARN line (its cause's message, no stack trace) and marks the store down; while it is down,
 * callers fail at once ({@link #admit}) except one probe every {@value #PROBE_INTERVAL_MILLIS} ms,
 * whose success ends the outage (one INFO line). Reading the state is one volatile read, so the hot
 * path pays nothing while the store is up.
 */
final class StoreHealth {

  /** How often, while the store is down, one call is let through to find out if it is back. */
  static final long PROBE_INTERVAL_MILLIS = 500;

  private static final Logger LOG = LoggerFactory.getLogger(StoreHealth.class);

  private final String kind;
  private final AtomicLong nextProbeNanos = new AtomicLong();
  private volatile boolean down;
  private long downSinceNanos;

  private StoreHealth(String kind) {
    this.kind = kind;
  }

  /** The health of a store of this kind ({@code sqlite} or {@code postgres}), up at first. */
  static StoreHealth of(String kind) {
    return new StoreHealth(Objects.requireNonNull(kind, "kind"));
  }

  /** Whether the store could write at its last attempt. */
  boolean up() {
    return !down;
  }

  /**
   * Lets a call through, or throws the outage answer: always while up; while down, only the first
   * call after each probe interval (the probe).
   *
   * @return when the call was let through ({@link System#nanoTime()}), for {@link #succeeded}
   * @throws StoreException (unavailable) if the store is down and this call is not the probe
   */
  long admit() {
    if (down && !probeDue()) {
      throw outage(null);
    }
    return System.nanoTime();
  }

  /** Whether a probe is due now; true at most once per probe interval. */
  boolean probeDue() {
    long now = System.nanoTime();
    long next = nextProbeNanos.get();
    return now - next >= 0
        && nextProbeNanos.compareAndSet(
            next, now + TimeUnit.MILLISECONDS.toNanos(PROBE_INTERVAL_MILLIS));
  }

  /**
   * Records the success of a call that began at {@code startedNanos} ({@link #admit}'s answer, or
   * {@link System#nanoTime()} before a probe or a commit): ends an outage that began before the
   * call (one INFO line). A call that began before the outage proves nothing about it: under load,
   * calls admitted just before the server went away still finish after another call recorded the
   * failure.
   */
  void succeeded(long startedNanos) {
    if (down) {
      synchronized (this) {
        if (down && startedNanos - downSinceNanos >= 0) {
          down = false;
          LOG.info(
              "{} store recovered after {} ms",
              kind,
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSinceNanos));
        }
      }
    }
  }

  /** Records a failure that makes the store unavailable: starts an outage (one WARN line). */
  void failed(Throwable cause) {
    if (!down) {
      synchronized (this) {
        if (!down) {
          downSinceNanos = System.nanoTime();
          nextProbeNanos.set(downSinceNanos + TimeUnit.MILLISECONDS.toNanos(PROBE_INTERVAL_MILLIS));
          down = true;
          LOG.warn(
              "{} store unavailable, answering 503 until it recovers: {}", kind, describe(cause));
        }
      }
    }
  }

  /** The answer for a call the store cannot serve now. */
  StoreException outage(Throwable cause) {
    return StoreException.outage("the " + kind + " store is unavailable", cause);
  }

  private static String describe(Throwable cause) {
    if (cause == null) {
      return "no cause given";
    }
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
