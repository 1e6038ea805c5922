package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs two test classes at the same time through the JUnit Platform Launcher (parallel classes, as
 * a user's {@code junit-platform.properties} would configure it): per class, each gets its own
 * sandbox; per run, both share one. Every sandbox is stopped when its scope ends.
 */
class ParallelClassesIT {

  static final Map<String, String> URLS = new ConcurrentHashMap<>();
  static CyclicBarrier together;

  @BeforeEach
  void clear() {
    URLS.clear();
    together = new CyclicBarrier(2);
  }

  @Test
  void whenTwoClassesRunInParallelThenEachHasItsOwnSandboxWhileBothRun() throws Exception {
    TestExecutionSummary summary = run(PerClassA.class, PerClassB.class);

    assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(2);
    assertThat(URLS).containsOnlyKeys("A", "B");
    assertThat(URLS.get("A")).isNotEqualTo(URLS.get("B"));
    assertThat(answers(URLS.get("A"))).isFalse();
    assertThat(answers(URLS.get("B"))).isFalse();
  }

  @Test
  void whenTwoClassesAskForOneSandboxPerRunThenTheyShareItUntilTheRunEnds() throws Exception {
    TestExecutionSummary summary = run(PerRunA.class, PerRunB.class);

    assertThat(summary.getTestsSucceededCount()).as(failures(summary)).isEqualTo(2);
    assertThat(URLS.get("A")).isEqualTo(URLS.get("B"));
    assertThat(answers(URLS.get("A"))).isFalse();
  }

  private static TestExecutionSummary run(Class<?>... classes) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(classes[0]), selectClass(classes[1]))
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
            .configurationParameter(
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter(
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
            .build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, listener);
    return listener.getSummary();
  }

  private static String failures(TestExecutionSummary summary) {
    StringBuilder out = new StringBuilder();
    summary.getFailures().forEach(f -> out.append(f.getException()).append('\n'));
    return out.toString();
  }

  /** Whether anything still answers at the URL. */
  private static boolean answers(String baseUrl) throws InterruptedException {
    try {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/sandbox/v1/health")).build(),
              HttpResponse.BodyHandlers.discarding());
      return true;
    } catch (ConnectException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** Records its sandbox's URL, then waits for the other class to be running too. */
  static void meet(String name, HubSpotSandbox sandbox) throws Exception {
    URLS.put(name, sandbox.baseUrl());
    together.await(120, TimeUnit.SECONDS);
    assertThat(sandbox.tokensFor().accessToken()).isNotBlank();
  }

  @HubSpotSandboxTest
  static class PerClassA {
    @Test
    void run(HubSpotSandbox sandbox) throws Exception {
      meet("A", sandbox);
    }
  }

  @HubSpotSandboxTest
  static class PerClassB {
    @Test
    void run(HubSpotSandbox sandbox) throws Exception {
      meet("B", sandbox);
    }
  }

  static class PerRunA {
    @RegisterExtension
    static HubSpotSandboxExtension sandbox = HubSpotSandboxExtension.builder().perRun().build();

    @Test
    void run() throws Exception {
      meet("A", sandbox);
    }
  }

  static class PerRunB {
    @RegisterExtension
    static HubSpotSandboxExtension sandbox = HubSpotSandboxExtension.builder().perRun().build();

    @Test
    void run() throws Exception {
      meet("B", sandbox);
    }
  }
}
