package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * {@link EarlyStart} through the JUnit Platform Launcher, as a build runs it: the sandbox of the
 * first class that uses one boots while JUnit discovers the tests, the class adopts it, and one no
 * class adopts is stopped when the session closes. The settings here ({@code perRun} and rotating
 * refresh tokens) are used by no other test class, so no class running in parallel adopts these.
 */
class EarlyStartIT {

  static volatile long launched;
  static volatile long planStarted;

  @Test
  void whenAClassUsesTheSandboxThenItBootsWhileJUnitDiscoversTheTests() {
    run(request(null));

    assertThat(launched).isNotZero().isLessThan(planStarted);
  }

  @Test
  void whenTheEarlyStartIsTurnedOffThenTheClassStartsItsSandboxWhenItRuns() {
    run(request("false"));

    assertThat(launched).isGreaterThan(planStarted);
  }

  @Test
  void whenARunnerDiscoversAndExecutesInTwoSessionsThenTheClassAdoptsTheEarlySandbox() {
    launched = 0;
    planStarted = 0;
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    Launcher launcher = LauncherFactory.create(); // a session per call, as some IDEs run it

    TestPlan plan = launcher.discover(request(null));
    launcher.execute(plan, summary, clock());

    assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(1);
    assertThat(launched).isNotZero().isLessThan(planStarted);
  }

  @Test
  void whenNoClassAdoptsTheEarlySandboxThenTheSessionStopsIt() throws Exception {
    EarlyStart listener = new EarlyStart();
    listener.launcherSessionOpened(null);
    CompletableFuture<SandboxProcess> early = listener.startFor(request(null)).orElseThrow();
    SandboxProcess process = early.get(90, TimeUnit.SECONDS);

    listener.launcherSessionClosed(null);

    for (int i = 0; i < 300 && !process.closed(); i++) {
      Thread.sleep(100);
    }
    assertThat(process.closed()).isTrue();
    assertThat(EarlyStart.take(EarlyStart.settingsOf(Early.class).orElseThrow())).isEmpty();
  }

  private static LauncherDiscoveryRequest request(String earlyStart) {
    LauncherDiscoveryRequestBuilder request =
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Early.class));
    if (earlyStart != null) {
      request.configurationParameter(EarlyStart.PARAMETER, earlyStart);
    }
    return request.build();
  }

  private static void run(LauncherDiscoveryRequest request) {
    launched = 0;
    planStarted = 0;
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, summary, clock());
    StringBuilder failures = new StringBuilder();
    summary.getSummary().getFailures().forEach(f -> failures.append(f.getException()));
    assertThat(summary.getSummary().getTestsSucceededCount()).as(failures.toString()).isEqualTo(1);
  }

  private static TestExecutionListener clock() {
    return new TestExecutionListener() {
      @Override
      public void testPlanExecutionStarted(TestPlan testPlan) {
        planStarted = System.nanoTime();
      }
    };
  }

  @HubSpotSandboxTest(perRun = true, rotateRefreshTokens = true)
  static class Early {
    @Test
    void run(HubSpotSandbox sandbox) {
      launched = ((RunningSandbox) sandbox).launchedNanos();
      assertThat(sandbox.tokensFor().accessToken()).isNotBlank();
    }
  }
}
