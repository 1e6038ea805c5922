package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/** Which classes {@link EarlyStart} starts a sandbox for, and with which settings; none starts. */
class EarlyStartTest {

  @Test
  void whenAClassIsAnnotatedThenItsSandboxHasTheAnnotationsSettings() {
    assertThat(EarlyStart.settingsOf(Annotated.class))
        .hasValueSatisfying(
            s -> {
              assertThat(s.perRun()).isTrue();
              assertThat(s.rotateRefreshTokens()).isTrue();
              assertThat(s.accessTokenTtl()).isEqualTo(Duration.ofMinutes(30));
            });
    assertThat(EarlyStart.settingsOf(Annotated.Inner.class))
        .isEqualTo(EarlyStart.settingsOf(Annotated.class));
  }

  @Test
  void whenAClassHasAStaticExtensionFieldThenItsSandboxHasTheBuildersDefaults() {
    assertThat(EarlyStart.settingsOf(WithField.class)).hasValue(SandboxSettings.defaults());
    assertThat(EarlyStart.settingsOf(SubclassOfWithField.class))
        .hasValue(SandboxSettings.defaults());
  }

  @Test
  void whenNoSelectedClassUsesTheSandboxThenNothingStarts() {
    assertThat(EarlyStart.settingsOf(EarlyStartTest.class)).isEmpty();
    assertThat(
            new EarlyStart()
                .startFor(
                    LauncherDiscoveryRequestBuilder.request()
                        .selectors(
                            selectClass(EarlyStartTest.class),
                            selectMethod(
                                EarlyStartTest.class,
                                "whenNoSelectedClassUsesTheSandboxThenNothingStarts"))
                        .build()))
        .isEmpty();
  }

  @Test
  void whenTheParameterTurnsItOffThenNothingStartsForASandboxClass() {
    assertThat(
            new EarlyStart()
                .startFor(
                    LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(Annotated.class))
                        .configurationParameter(EarlyStart.PARAMETER, "false")
                        .build()))
        .isEmpty();
  }

  @Test
  void whenNothingWasStartedEarlyThenTheExtensionHasNothingToTake() {
    SandboxSettings unusual =
        new SandboxSettings(
            true, false, Duration.ofSeconds(7), null, null, null, null, Duration.ofSeconds(3));

    assertThat(EarlyStart.take(unusual)).isEmpty();
  }

  @HubSpotSandboxTest(perRun = true, rotateRefreshTokens = true)
  static class Annotated {
    @Nested
    class Inner {}
  }

  static class WithField {
    @RegisterExtension
    static HubSpotSandboxExtension sandbox = HubSpotSandboxExtension.builder().build();
  }

  static class SubclassOfWithField extends WithField {}
}
