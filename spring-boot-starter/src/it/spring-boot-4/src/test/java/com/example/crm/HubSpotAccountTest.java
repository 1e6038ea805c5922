package com.example.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.junit.HubSpotSandboxExtension;
import dev.oauthkit.hubspot.spring.boot.TokenProviderOptionsCustomizer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application against the HubSpot OAuth sandbox, configured by properties only. */
@SpringBootTest
class HubSpotAccountTest {

  @RegisterExtension
  static HubSpotSandboxExtension sandbox = HubSpotSandboxExtension.builder().build();

  @DynamicPropertySource
  static void hubspot(DynamicPropertyRegistry registry) {
    registry.add("HUBSPOT_CLIENT_ID", () -> sandbox.app().clientId());
    registry.add("HUBSPOT_CLIENT_SECRET", () -> sandbox.app().clientSecret());
    registry.add("HUBSPOT_REFRESH_TOKEN", () -> sandbox.tokensFor().refreshToken());
    registry.add("hubspot.oauth.base-url", sandbox::baseUrl);
  }

  /** The token provider reads the sandbox's clock, so advancing it ages the token. */
  @TestConfiguration
  static class SandboxClock {
    @Bean
    TokenProviderOptionsCustomizer sandboxClock() {
      return options -> options.clock(sandbox.clock());
    }
  }

  @Autowired HubSpotAccount account;

  @Test
  void whenTheSandboxClockPassesTheTokenLifetimeThenTheApplicationSeesARefreshedToken() {
    String first = account.accessToken();
    assertThat(account.hubId()).isEqualTo(62515);

    sandbox.advanceClock(Duration.ofMinutes(30));
    String second = account.accessToken();

    assertThat(second).isNotEqualTo(first);
    assertThat(account.hubId()).isEqualTo(62515);
    assertThat(SpringBootVersion.getVersion()).startsWith("4.");
    sandbox.reset();
  }
}
