package dev.oauthkit.hubspot.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.hubspot.sandbox.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PurgerTest {

  @Test
  void whenStartedThenExpiredRowsAreDeletedInTheBackgroundByTheClocksTime() throws Exception {
    MutableClock clock = MutableClock.start();
    try (MemoryStore store = MemoryStore.create()) {
      store.insertCode(
          SandboxStoreContractTest.codeExpiringAt(
              "old", clock.instant().minus(Duration.ofDays(1))));
      store.insertCode(SandboxStoreContractTest.codeExpiringAt("new", clock.instant()));

      try (Purger purger = Purger.start(store, clock, Duration.ofMillis(10))) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.findCode("old").isPresent() && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
      }

      assertThat(store.findCode("old")).isEmpty();
      assertThat(store.findCode("new")).isPresent();
    }
  }

  @Test
  void whenIntervalIsZeroThenNothingIsPurgedAndANegativeOneIsRefused() throws Exception {
    MutableClock clock = MutableClock.start();
    try (MemoryStore store = MemoryStore.create()) {
      store.insertCode(
          SandboxStoreContractTest.codeExpiringAt(
              "old", clock.instant().minus(Duration.ofDays(1))));

      Purger.start(store, clock, Duration.ZERO).close();

      assertThat(store.findCode("old")).isPresent();
      assertThatThrownBy(() -> Purger.start(store, clock, Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("interval");
    }
  }
}
