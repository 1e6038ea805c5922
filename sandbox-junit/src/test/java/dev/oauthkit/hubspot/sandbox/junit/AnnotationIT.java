package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link HubSpotSandboxTest}: one sandbox for the class, injected wherever a method asks. */
@HubSpotSandboxTest
class AnnotationIT {

  private static HubSpotSandbox fromBeforeAll;

  @BeforeAll
  static void remember(HubSpotSandbox sandbox) {
    fromBeforeAll = sandbox;
  }

  @Test
  void whenInjectedIntoBeforeAllAndATestThenBothAreTheSameSandbox(HubSpotSandbox sandbox) {
    assertThat(sandbox).isSameAs(fromBeforeAll);
    assertThat(sandbox.app().clientId()).isNotBlank();
    assertThat(sandbox.mintCode()).isNotBlank();
  }

  @Nested
  class Inner {
    @Test
    void whenANestedClassAsksThenItGetsTheOuterClassSandbox(HubSpotSandbox sandbox) {
      assertThat(sandbox).isSameAs(fromBeforeAll);
    }
  }
}
