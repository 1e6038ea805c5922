package dev.oauthkit.hubspot.core.testing;

import dev.oauthkit.hubspot.core.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that records each delay and advances a {@link MutableClock} instead of sleeping. */
public final class RecordingSleeper implements Sleeper {

  private final MutableClock clock;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private RecordingSleeper(MutableClock clock) {
    this.clock = clock;
  }

  /** Returns a sleeper advancing {@code clock}. */
  public static RecordingSleeper advancing(MutableClock clock) {
    return new RecordingSleeper(clock);
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    clock.advance(duration);
  }

  /** Returns the delays slept so far, in order. */
  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
