package dev.oauthkit.hubspot.benchmarks;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.oauthkit.hubspot.sandbox.junit.HubSpotSandboxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Start-up of a JUnit 5 extension to its first answer: WireMock's {@code WireMockExtension}
 * (in-process) beside {@code HubSpotSandboxExtension} (a child process). Each run is a fresh JVM
 * that runs one test class through the JUnit Platform Launcher and prints the milliseconds from the
 * launcher's start to the first HTTP answer inside the test; the parent prints each run and the
 * median per extension, after one untimed start of each (the sandbox's first start of a jar
 * extracts it and writes its class-data archive). {@code java -cp hubspot-oauth-benchmarks.jar
 * dev.oauthkit.hubspot.benchmarks.ExtensionStartup [runs]}
 */
public final class ExtensionStartup {

  private static volatile long firstAnswerNanos;

  private ExtensionStartup() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--one")) {
      one(Class.forName(args[1]));
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    // Untimed, as run.sh's start-ups are timed after its --prepare: the first sandbox of a jar
    // copies and extracts it and writes its class-data archive (reported here, not in the median).
    System.out.printf(
        Locale.ROOT,
        "junit extension first start (not counted): wiremock-junit5 %d ms, sandbox-junit %d ms%n",
        child(WireMockCase.class),
        child(SandboxCase.class));
    List<Long> wiremock = new ArrayList<>();
    List<Long> sandbox = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      wiremock.add(child(WireMockCase.class));
      sandbox.add(child(SandboxCase.class));
    }
    report("wiremock-junit5", wiremock);
    report("sandbox-junit", sandbox);
    System.out.printf(
        Locale.ROOT,
        "junit extension startup ratio sandbox / wiremock: %.2f%n",
        (double) median(sandbox) / median(wiremock));
  }

  private static void one(Class<?> testClass) {
    long start = System.nanoTime();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
            listener);
    if (listener.getSummary().getTestsSucceededCount() != 1) {
      listener.getSummary().getFailures().forEach(f -> f.getException().printStackTrace());
      throw new IllegalStateException(testClass.getSimpleName() + " failed");
    }
    System.out.println("FIRST_ANSWER_MS " + (firstAnswerNanos - start) / 1_000_000);
  }

  private static long child(Class<?> testClass) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ExtensionStartup.class.getName(),
                "--one",
                testClass.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0 || !output.contains("FIRST_ANSWER_MS ")) {
      throw new IllegalStateException(testClass.getSimpleName() + " run failed:\n" + output);
    }
    String tail = output.substring(output.lastIndexOf("FIRST_ANSWER_MS ") + 16).strip();
    return Long.parseLong(tail.split("\\s")[0]);
  }

  private static void report(String name, List<Long> runs) {
    System.out.printf(
        Locale.ROOT,
        "junit extension startup to first answer, median: %-16s %5d ms   (runs: %s)%n",
        name,
        median(runs),
        runs.toString().replaceAll("[\\[\\],]", ""));
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  private static void answer(String url) throws IOException, InterruptedException {
    HttpResponse<Void> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding());
    firstAnswerNanos = System.nanoTime();
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
  }

  /** WireMock's JUnit 5 extension on a free port; its first answer is its health endpoint. */
  public static final class WireMockCase {
    @RegisterExtension
    static WireMockExtension wireMock =
        WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void firstAnswer() throws Exception {
      answer(wireMock.baseUrl() + "/__admin/health");
    }
  }

  /** The sandbox extension (memory store, free port); its first answer is its health endpoint. */
  public static final class SandboxCase {
    @RegisterExtension
    static HubSpotSandboxExtension sandbox = HubSpotSandboxExtension.builder().build();

    @Test
    void firstAnswer() throws Exception {
      answer(sandbox.baseUrl() + "/sandbox/v1/health");
    }
  }
}
