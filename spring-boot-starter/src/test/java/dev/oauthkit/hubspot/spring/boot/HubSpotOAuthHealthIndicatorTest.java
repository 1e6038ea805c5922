package dev.oauthkit.hubspot.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.RetryPolicy;
import dev.oauthkit.hubspot.core.TokenEndpoint;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.TokenSet;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class HubSpotOAuthHealthIndicatorTest {

  static Health healthOf(TokenEndpoint endpoint) {
    return HubSpotOAuthHealthIndicator.create(
            AccessTokenProvider.create(
                OAuthCredentials.of("app-1", "secret-x", "refresh-x"),
                endpoint,
                TokenProviderOptions.builder()
                    .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                    .build()))
        .health();
  }

  @Test
  void whenTheProviderProducesATokenThenUpWithoutTheToken() {
    Health health = healthOf(c -> TokenSet.of("access-7c1f", Duration.ofMinutes(30), null));
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.toString()).doesNotContain("access-7c1f");
  }

  @Test
  void whenHubSpotRejectsTheRefreshTokenThenDownWithItsCategory() {
    Health health =
        healthOf(
            c -> {
              throw HubSpotOAuthException.builder("refreshAccessToken", 400)
                  .body(
                      "VALIDATION_ERROR",
                      "BAD_REFRESH_TOKEN",
                      "error",
                      "c-1",
                      "missing or invalid refresh token")
                  .build();
            });
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails())
        .isEqualTo(
            Map.of(
                "category",
                "VALIDATION_ERROR",
                "subCategory",
                "BAD_REFRESH_TOKEN",
                "httpStatus",
                400));
  }

  @Test
  void whenTheAnswerHasNoCategoryThenDownWithTheHttpStatus() {
    Health health =
        healthOf(
            c -> {
              throw HubSpotOAuthException.builder("refreshAccessToken", 503).build();
            });
    assertThat(health.getDetails()).containsEntry("category", "HTTP_503");
  }

  @Test
  void whenHubSpotCannotBeReachedThenDownWithIoError() {
    Health health =
        healthOf(
            c -> {
              throw new IOException("connection refused to 10.0.0.1");
            });
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).isEqualTo(Map.of("category", "IO_ERROR"));
  }

  @Test
  void whenThereIsNoRefreshTokenThenDownWithNoToken() {
    Health health =
        HubSpotOAuthHealthIndicator.create(
                AccessTokenProvider.create(
                    OAuthCredentials.of("app-1", "secret-x"),
                    c -> TokenSet.of("never", Duration.ofMinutes(30), null),
                    TokenProviderOptions.defaults()))
            .health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("category", "NO_TOKEN");
  }

  @Test
  void whenHealthIsDisabledOrTheStarterIsOffThenNoIndicator() {
    HubSpotOAuthAutoConfigurationTest.configured("management.health.hubspot.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(HubSpotOAuthHealthIndicator.class));
    HubSpotOAuthAutoConfigurationTest.RUNNER.run(
        context -> assertThat(context).doesNotHaveBean(HubSpotOAuthHealthIndicator.class));
  }

  @Test
  void whenNoClientIdIsSetThenAUsersTokenProviderGetsNoIndicator() {
    HubSpotOAuthAutoConfigurationTest.RUNNER
        .withBean(
            "usersProvider",
            AccessTokenProvider.class,
            () ->
                AccessTokenProvider.create(
                    OAuthCredentials.of("app-1", "secret-41d7"),
                    credentials -> TokenSet.of("t", Duration.ofMinutes(30), null),
                    TokenProviderOptions.defaults()))
        .run(context -> assertThat(context).doesNotHaveBean(HubSpotOAuthHealthIndicator.class));
  }
}
