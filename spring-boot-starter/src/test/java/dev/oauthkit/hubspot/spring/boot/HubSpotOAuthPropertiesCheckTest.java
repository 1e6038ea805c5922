package dev.oauthkit.hubspot.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** Bad {@code hubspot.oauth.*} values fail start-up naming the property, never showing a secret. */
class HubSpotOAuthPropertiesCheckTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hubspot.oauth.client-id=   | hubspot.oauth.client-id | must be set and not blank",
        "hubspot.oauth.client-secret=   | hubspot.oauth.client-secret | must be set and not blank",
        "hubspot.oauth.base-url=ftp://x | hubspot.oauth.base-url | baseUrl must be an absolute http(s) URL",
        "hubspot.oauth.token-provider.max-attempts=0 | hubspot.oauth.token-provider.max-attempts | maxAttempts must be at least 1",
        "hubspot.oauth.token-provider.refresh-margin=-1s | hubspot.oauth.token-provider.refresh-margin | must not be negative",
        "hubspot.oauth.token-provider.store-lease=0s | hubspot.oauth.token-provider.store-lease | storeLease must be positive",
        "hubspot.oauth.token-provider.max-backoff=100ms | hubspot.oauth.token-provider.max-backoff | maxBackoff must not be shorter than initialBackoff",
        "hubspot.oauth.allowed-hosts=api.hubapi.com, | hubspot.oauth.allowed-hosts | must not hold a blank host",
        "hubspot.oauth.allowed-hosts=*.hubapi.com | hubspot.oauth.allowed-hosts | must not hold a wildcard",
        "hubspot.oauth.allowed-hosts=https://api.hubapi.com | hubspot.oauth.allowed-hosts | bare host names",
        "hubspot.oauth.connect-timeout=-5s | hubspot.oauth.connect-timeout | must be positive",
        "hubspot.oauth.read-timeout=0s | hubspot.oauth.read-timeout | must be positive"
      })
  void whenAPropertyIsBadThenStartUpFailsNamingIt(String setting, String property, String reason) {
    HubSpotOAuthAutoConfigurationTest.configured(setting)
        .run(
            context -> {
              assertThat(context).hasFailed();
              InvalidConfigurationPropertyValueException invalid =
                  HubSpotOAuthAutoConfigurationTest.invalid(context.getStartupFailure());
              assertThat(invalid.getName()).isEqualTo(property);
              assertThat(invalid.getReason()).contains(reason);
              assertThat(invalid.getMessage())
                  .doesNotContain(HubSpotOAuthAutoConfigurationTest.SECRET)
                  .doesNotContain(HubSpotOAuthAutoConfigurationTest.REFRESH);
            });
  }

  @Test
  void whenTheRefreshTokenIsBlankThenTheAppStartsWithoutOne() {
    HubSpotOAuthAutoConfigurationTest.RUNNER
        .withPropertyValues(
            "hubspot.oauth.client-id=app-1",
            "hubspot.oauth.client-secret=" + HubSpotOAuthAutoConfigurationTest.SECRET,
            "hubspot.oauth.refresh-token=  ")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(HubSpotOAuthClient.class);
              assertThat(
                      HubSpotOAuthSettings.of(context.getBean(HubSpotOAuthProperties.class))
                          .credentials()
                          .refreshToken())
                  .isEmpty();
            });
  }

  @Test
  void whenTheSecretIsMissingThenStartUpFailsNamingIt() {
    HubSpotOAuthAutoConfigurationTest.RUNNER
        .withPropertyValues("hubspot.oauth.client-id=app-1")
        .run(
            context ->
                assertThat(
                        HubSpotOAuthAutoConfigurationTest.invalid(context.getStartupFailure())
                            .getName())
                    .isEqualTo("hubspot.oauth.client-secret"));
  }

  @Test
  void whenTheApiVersionIsUnknownThenTheFailureListsTheKnownOnes() {
    HubSpotOAuthAutoConfigurationTest.configured("hubspot.oauth.api-version=2025-01")
        .run(
            context -> {
              InvalidConfigurationPropertyValueException invalid =
                  HubSpotOAuthAutoConfigurationTest.invalid(context.getStartupFailure());
              assertThat(invalid.getName()).isEqualTo("hubspot.oauth.api-version");
              assertThat(invalid.getValue()).isEqualTo("2025-01");
              assertThat(invalid.getReason())
                  .isEqualTo(
                      "must be one of "
                          + ApiVersion.all().stream()
                              .map(ApiVersion::name)
                              .collect(Collectors.joining(", ")));
              assertThat(invalid.getReason()).contains("v1", "2026-03");
            });
  }
}
