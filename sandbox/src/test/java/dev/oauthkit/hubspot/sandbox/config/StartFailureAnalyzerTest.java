package dev.oauthkit.hubspot.sandbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.store.StoreException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class StartFailureAnalyzerTest {

  private final StartFailureAnalyzer analyzer = new StartFailureAnalyzer();

  @Test
  void whenAStoreCannotOpenDeepInTheContextThenTheReportSaysWhyAndWhatToDo() {
    Throwable failure =
        new IllegalStateException(
            "Unable to start web server",
            new RuntimeException(
                "Error creating bean with name 'sandboxStore'",
                new StoreException(
                    "another sandbox is using the SQLite store at /d/sandbox.db", null)));

    FailureAnalysis analysis = analyzer.analyze(failure);

    assertThat(analysis.getDescription())
        .isEqualTo("another sandbox is using the SQLite store at /d/sandbox.db");
    assertThat(analysis.getAction()).contains("--data-dir of its own");
  }

  @Test
  void whenTheFailureIsNotTheUsersThenSpringBootReportsItWithItsStackTrace() {
    assertThat(analyzer.analyze(new IllegalArgumentException("a bug"))).isNull();
    assertThat(analyzer.analyze(new IllegalStateException("a bug", new NullPointerException())))
        .isNull();
  }
}
