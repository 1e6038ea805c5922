package dev.oauthkit.hubspot.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReadCacheTest {

  private final AtomicInteger reads = new AtomicInteger();

  @Test
  void whenARowWasReadThenTheNextFindIsServedFromMemory() {
    ReadCache cache = ReadCache.create();

    cache.refresh("h", counting(row("a")));
    Optional<RefreshTokenRow> again = cache.refresh("h", counting(row("b")));

    assertThat(again.orElseThrow().clientId()).isEqualTo("a");
    assertThat(reads).hasValue(1);
  }

  @Test
  void whenAWriteCommitsWhileARowIsReadThenThatRowIsNeverServed() {
    ReadCache cache = ReadCache.create();

    cache.refresh(
        "h",
        () -> {
          reads.incrementAndGet();
          cache.invalidate();
          return Optional.of(row("stale"));
        });
    Optional<RefreshTokenRow> next = cache.refresh("h", counting(row("fresh")));

    assertThat(next.orElseThrow().clientId()).isEqualTo("fresh");
    assertThat(reads).hasValue(2);
  }

  @Test
  void whenInvalidatedOrAbsentOrDisabledThenTheStoreIsReadAgain() {
    ReadCache cache = ReadCache.create();
    cache.refresh("h", counting(row("a")));
    cache.invalidate();
    cache.refresh("h", counting(row("a")));
    cache.refresh("missing", counting(null));
    cache.refresh("missing", counting(null));
    ReadCache none = ReadCache.none();
    none.refresh("h", counting(row("a")));
    none.refresh("h", counting(row("a")));

    assertThat(reads).hasValue(6);
  }

  private Supplier<Optional<RefreshTokenRow>> counting(RefreshTokenRow row) {
    return () -> {
      reads.incrementAndGet();
      return Optional.ofNullable(row);
    };
  }

  private static RefreshTokenRow row(String clientId) {
    return new RefreshTokenRow(
        "hash",
        clientId,
        new AuthCodeRow.Grant(62515, null, null, "d.hubspot.test", List.of("oauth")),
        "code",
        Instant.EPOCH,
        null,
        null,
        null);
  }
}
