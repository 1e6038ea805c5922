package dev.oauthkit.hubspot.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.ExchangeLoad;
import dev.oauthkit.hubspot.sandbox.testing.ExchangeLoad.Call;
import dev.oauthkit.hubspot.sandbox.testing.PostgresServer;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp.Answer;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL server stops under load and starts again: during the outage every answer is 503
 * (with {@code Retry-After}) within 2.5 s and health is 503; afterwards everything works again
 * without a restart, no acknowledged token is lost, and the log holds one WARN line for the outage.
 */
class PostgresOutageIT {

  private static final long OUTAGE_MILLIS = 4_000;

  private final Path dir =
      Path.of(System.getProperty("sandbox.it.dir", "target/it"), "postgres-outage");

  @Test
  void whenPostgresStopsUnderLoadThenAnswersAre503FastAndEverythingRecovers() throws Exception {
    Path run = dir.resolve("run-" + System.nanoTime()).toAbsolutePath();
    try (PostgresServer server = PostgresServer.dedicated(run.resolve("pgdata"))) {
      PostgresServer.Database database = server.newDatabase("outage");
      try (SandboxProcess sandbox =
          SandboxProcess.start(
              run.resolve("data"),
              run.resolve("sandbox.log"),
              "--store=postgres",
              "--jdbc-url=" + database.jdbcUrl(),
              "--db-user=" + database.user(),
              "--db-password=" + database.password())) {
        SandboxHttp http = sandbox.http();
        try (ExchangeLoad load = ExchangeLoad.start(http, 8)) {
          Thread.sleep(1_000);
          server.stop();
          long stopped = System.nanoTime();
          Thread.sleep(OUTAGE_MILLIS / 2);
          Answer health = http.get("/sandbox/v1/health");
          Thread.sleep(OUTAGE_MILLIS / 2);
          long restarting = System.nanoTime();
          // Calls that started a moment after the stop met the outage, not the last commits.
          List<Call> during =
              load.callsBetween(stopped + TimeUnit.MILLISECONDS.toNanos(300), restarting);
          server.restart();
          long restarted = System.nanoTime();
          long recovered = firstSuccessAfter(load, restarted, 15_000);
          load.stop();

          assertThat(health.status()).isEqualTo(503);
          assertThat(health.text("store")).isEqualTo("DOWN");
          assertThat(during).isNotEmpty().extracting(Call::status).containsOnly(503);
          assertThat(during).allSatisfy(c -> assertThat(c.retryAfter()).isEqualTo("1"));
          long slowest = during.stream().mapToLong(Call::millis).max().orElseThrow();
          System.out.printf(
              "PostgresOutageIT: %d answers during the outage, slowest %d ms; recovered %d ms"
                  + " after the restart%n",
              during.size(), slowest, TimeUnit.NANOSECONDS.toMillis(recovered - restarted));
          assertThat(slowest).isLessThanOrEqualTo(2_500);
          assertThat(recovered).as("a write succeeded after the restart").isPositive();
          assertThat(load.calls()).extracting(Call::status).doesNotContain(500, -1);
          assertThat(http.get("/sandbox/v1/health").status()).isEqualTo(200);

          List<String> lost = new ArrayList<>();
          for (String token : load.acknowledged()) {
            if (http.get("/oauth/v1/access-tokens/" + token).status() != 200) {
              lost.add(token.substring(0, 6));
            }
          }
          assertThat(lost).as("of " + load.acknowledged().size() + " acknowledged").isEmpty();
        }
        List<String> warnings =
            sandbox.logText().lines().filter(line -> line.contains(" WARN ")).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("postgres store unavailable");
        assertThat(sandbox.logText()).doesNotContain("\tat ", " ERROR ", database.password());
      }
    }
  }

  private static long firstSuccessAfter(ExchangeLoad load, long fromNanos, long timeoutMillis)
      throws InterruptedException {
    long deadline = fromNanos + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (System.nanoTime() - deadline < 0) {
      for (Call call : load.callsBetween(fromNanos, System.nanoTime())) {
        if (call.status() == 200 || call.status() == 201) {
          return call.startedNanos();
        }
      }
      Thread.sleep(20);
    }
    return -1;
  }
}
