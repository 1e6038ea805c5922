package com.example.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.hubspot.sandbox.junit.HubSpotSandboxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A Spring Boot 3 test against the HubSpot OAuth sandbox, started by the extension. */
@SpringBootTest
class HubSpotTokenCheckTest {

  @RegisterExtension
  static HubSpotSandboxExtension sandbox = HubSpotSandboxExtension.builder().build();

  @DynamicPropertySource
  static void hubspot(DynamicPropertyRegistry registry) {
    registry.add("hubspot.base-url", sandbox::baseUrl);
  }

  @Autowired HubSpotTokenCheck check;

  @Test
  void whenTheTokenIsFreshThenTheApplicationSeesItsHub() {
    assertThat(check.hubOf(sandbox.tokensFor().accessToken())).isEqualTo(62515);
  }

  @Test
  void whenTheSandboxExpiresTheTokenOrTheClockPassesThenTheApplicationSeesItRejected() {
    String expired = sandbox.tokensFor().accessToken();
    String aged = sandbox.tokensFor().accessToken();

    sandbox.expireAccessToken(expired);
    boolean agedBefore = check.isValid(aged);
    sandbox.advanceClock(Duration.ofMinutes(30));

    assertThat(check.isValid(expired)).isFalse();
    assertThat(agedBefore).isTrue();
    assertThat(check.isValid(aged)).isFalse();
    sandbox.reset();
  }

  @Test
  void whenTheClasspathIsReadThenItIsSpringBoot3AndHoldsNoSandboxClass() {
    assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
    assertThatThrownBy(() -> Class.forName("dev.oauthkit.hubspot.sandbox.SandboxApplication"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("tools.jackson.databind.ObjectMapper"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
