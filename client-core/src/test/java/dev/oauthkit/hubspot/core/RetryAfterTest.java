package dev.oauthkit.hubspot.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.core.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private final MutableClock clock = MutableClock.atFixedStart();

  @Test
  void whenTheHeaderIsSecondsThenThatDelayIsReturned() {
    assertThat(RetryAfter.parse(" 120 ", clock)).contains(Duration.ofSeconds(120));
  }

  @Test
  void whenTheHeaderIsAnHttpDateThenTheDelayIsMeasuredFromTheClock() {
    assertThat(RetryAfter.parse("Thu, 01 Jan 2026 00:00:30 GMT", clock))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Wed, 31 Dec 2025 23:59:00 GMT", clock)).contains(Duration.ZERO);
  }

  @Test
  void whenTheHeaderIsAbsentOrGarbageThenThereIsNoDelay() {
    assertThat(RetryAfter.parse(null, clock)).isEmpty();
    assertThat(RetryAfter.parse("", clock)).isEmpty();
    assertThat(RetryAfter.parse("soon", clock)).isEmpty();
    assertThat(RetryAfter.parse("-5", clock)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999", clock)).isEmpty();
  }
}
