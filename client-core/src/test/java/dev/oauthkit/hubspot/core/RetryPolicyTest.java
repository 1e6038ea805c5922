package dev.oauthkit.hubspot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static RetryPolicy.Builder policy(double jitter) {
    return RetryPolicy.builder()
        .maxAttempts(10)
        .initialBackoff(Duration.ofSeconds(1))
        .maxBackoff(Duration.ofSeconds(8))
        .jitter(() -> jitter);
  }

  @Test
  void whenAttemptsFailThenTheBackoffDoublesUpToTheCap() {
    RetryPolicy policy = policy(0.0).build();

    assertThat(policy.nextDelay(1, null)).contains(Duration.ofMillis(500));
    assertThat(policy.nextDelay(2, null)).contains(Duration.ofSeconds(1));
    assertThat(policy.nextDelay(3, null)).contains(Duration.ofSeconds(2));
    assertThat(policy.nextDelay(4, null)).contains(Duration.ofSeconds(4));
    assertThat(policy.nextDelay(9, null)).contains(Duration.ofSeconds(4));
  }

  @Test
  void whenJitterIsAtItsTopThenTheDelayStaysBelowTheFullBackoff() {
    assertThat(policy(0.999).build().nextDelay(4, null)).contains(Duration.ofMillis(7996));
    assertThat(policy(5.0).build().nextDelay(4, null)).contains(Duration.ofSeconds(8));
  }

  @Test
  void whenTheServerSentRetryAfterThenItReplacesTheBackoff() {
    assertThat(policy(0.0).build().nextDelay(1, Duration.ofSeconds(30)))
        .contains(Duration.ofSeconds(30));
  }

  @Test
  void whenRetryAfterExceedsTheLimitThenItGivesUp() {
    RetryPolicy policy = policy(0.0).maxRetryAfter(Duration.ofSeconds(10)).build();

    assertThat(policy.nextDelay(1, Duration.ofSeconds(10))).contains(Duration.ofSeconds(10));
    assertThat(policy.nextDelay(1, Duration.ofSeconds(11))).isEmpty();
  }

  @Test
  void whenAttemptsAreUsedUpThenItGivesUp() {
    RetryPolicy policy = policy(0.0).maxAttempts(3).build();

    assertThat(policy.nextDelay(2, null)).isPresent();
    assertThat(policy.nextDelay(3, Duration.ofSeconds(1))).isEmpty();
    assertThat(RetryPolicy.builder().maxAttempts(1).build().nextDelay(1, null)).isEmpty();
  }

  @Test
  void whenTheDefaultsAreUsedThenFourAttemptsAreAllowed() {
    assertThat(RetryPolicy.defaults().maxAttempts()).isEqualTo(4);
    assertThat(RetryPolicy.defaults().nextDelay(1, null).orElseThrow())
        .isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
  }

  @Test
  void whenTheDefaultRuleIsUsedThenIoErrors429And5xxAreRetriedAndOtherAnswersNot() {
    RetryPolicy policy = RetryPolicy.defaults();

    assertThat(policy.shouldRetry(new IOException("reset"))).isTrue();
    assertThat(policy.shouldRetry(status(429))).isTrue();
    assertThat(policy.shouldRetry(status(500))).isTrue();
    assertThat(policy.shouldRetry(status(503))).isTrue();
    assertThat(policy.shouldRetry(status(400))).isFalse();
    assertThat(policy.shouldRetry(status(401))).isFalse();
    assertThat(policy.shouldRetry(status(409))).isFalse();
    assertThat(policy.shouldRetry(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void whenAPredicateIsSetThenItDecidesWhichFailuresAreRetried() {
    RetryPolicy policy =
        RetryPolicy.builder()
            .shouldRetry(
                e ->
                    (RetryPolicy.transientFailure(e) && !(e instanceof UnknownHostException))
                        || (e instanceof HubSpotOAuthException h && h.httpStatus() == 409))
            .build();

    assertThat(policy.shouldRetry(new UnknownHostException("api.hubapi.com"))).isFalse();
    assertThat(policy.shouldRetry(new IOException("reset"))).isTrue();
    assertThat(policy.shouldRetry(status(409))).isTrue();
    assertThat(policy.shouldRetry(status(400))).isFalse();
  }

  private static HubSpotOAuthException status(int status) {
    return HubSpotOAuthException.builder("createToken", status).build();
  }

  @Test
  void whenSettingsAreInvalidThenTheMessageNamesThem() {
    assertThatThrownBy(() -> RetryPolicy.builder().shouldRetry(null)).hasMessage("shouldRetry");
    assertThatThrownBy(() -> RetryPolicy.defaults().shouldRetry(null)).hasMessage("failure");
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .hasMessage("maxAttempts must be at least 1: 0");
    assertThatThrownBy(() -> RetryPolicy.builder().initialBackoff(Duration.ZERO))
        .hasMessage("initialBackoff must be positive: PT0S");
    assertThatThrownBy(() -> RetryPolicy.builder().maxBackoff(null)).hasMessage("maxBackoff");
    assertThatThrownBy(() -> RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(-1)))
        .hasMessage("maxRetryAfter must be positive: PT-1S");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(null)).hasMessage("jitter");
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .initialBackoff(Duration.ofSeconds(5))
                    .maxBackoff(Duration.ofSeconds(1))
                    .build())
        .hasMessage("maxBackoff must not be shorter than initialBackoff");
    assertThatThrownBy(() -> RetryPolicy.defaults().nextDelay(0, null))
        .hasMessage("failedAttempts must be at least 1: 0");
  }
}
