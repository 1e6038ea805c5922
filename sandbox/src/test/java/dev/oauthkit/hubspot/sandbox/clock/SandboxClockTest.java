package dev.oauthkit.hubspot.sandbox.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SandboxClockTest {

  private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
  private final SandboxClock clock = SandboxClock.of(Clock.fixed(BASE, ZoneOffset.UTC));

  @Test
  void whenAdvancedTwiceThenTheOffsetsAddUp() {
    clock.advance(Duration.ofMinutes(30));
    Duration offset = clock.advance(Duration.ofSeconds(5));

    assertThat(offset).isEqualTo(Duration.ofSeconds(1805));
    assertThat(clock.instant()).isEqualTo(BASE.plusSeconds(1805));
    assertThat(clock.shown()).isEqualTo(BASE.plusSeconds(1805));
  }

  @Test
  void whenResetThenTheClockShowsTheBaseTimeButExpiryTimeNeverGoesBack() {
    clock.advance(Duration.ofDays(2));
    clock.reset();

    assertThat(clock.shown()).isEqualTo(BASE);
    assertThat(clock.offset()).isZero();
    assertThat(clock.instant()).isEqualTo(BASE.plus(Duration.ofDays(2)));
    assertThat(clock.base().instant()).isEqualTo(BASE);
    clock.advance(Duration.ofSeconds(5));
    assertThat(clock.shown()).isEqualTo(BASE.plusSeconds(5));
    assertThat(clock.instant()).isEqualTo(BASE.plus(Duration.ofDays(2)).plusSeconds(5));
  }

  @Test
  void whenAdvanceIsUnderASecondOrTooFarThenItIsRefusedAndNothingMoves() {
    clock.advance(SandboxClock.MAX_OFFSET.minusSeconds(10));

    assertThatThrownBy(() -> clock.advance(Duration.ZERO)).hasMessageContaining("by must");
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-5))).hasMessageContaining("by");
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(11))).hasMessageContaining("by");
    assertThat(clock.offset()).isEqualTo(SandboxClock.MAX_OFFSET.minusSeconds(10));
  }
}
