package dev.oauthkit.hubspot.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp.Answer;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** kill -9 under load: every access token that was answered 200 is valid after a restart. */
class KillNineIT {

  private static final String REDIRECT = "http://localhost:3000/oauth-callback";
  private static final int THREADS = 16;
  private static final int ENOUGH_ANSWERS = 300;
  private static final long MAX_LOAD_MILLIS = 30_000;
  private static final int MAX_REQUESTS_PER_THREAD = 5_000;

  private final Path dir = Path.of(System.getProperty("sandbox.it.dir", "target/it"), "kill9");

  @Test
  void whenKilledUnderLoadThenEveryAnsweredTokenIsStillValidAfterRestart() throws Exception {
    Path data = dir.resolve("data-" + System.nanoTime());
    Queue<String> answered = new ConcurrentLinkedQueue<>();
    String refreshToken;
    SandboxProcess sandbox = SandboxProcess.start(data, dir.resolve("first.log"));
    try {
      SandboxHttp http = sandbox.http();
      SandboxHttp.Login login = http.login(REDIRECT);
      String clientId = login.clientId();
      String secret = login.secret();
      refreshToken = login.refreshToken();
      answered.add(login.accessToken());

      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      for (int t = 0; t < THREADS; t++) {
        pool.submit(
            () -> {
              for (int i = 0; i < MAX_REQUESTS_PER_THREAD && !stop.get(); i++) {
                try {
                  Answer answer = http.refresh(clientId, secret, refreshToken);
                  if (answer.status() == 200) {
                    answered.add(answer.text("access_token"));
                  }
                } catch (RuntimeException e) {
                  return;
                }
              }
            });
      }
      // Load until enough tokens were answered (a slow machine needs longer), then kill -9.
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_LOAD_MILLIS);
      while (answered.size() < ENOUGH_ANSWERS && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      sandbox.kill();
      stop.set(true);
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      sandbox.kill();
    }

    assertThat(answered).hasSizeGreaterThan(100);
    // The killed JVM could not delete its copy of SQLite's library: it is under target/, not /tmp.
    try (Stream<Path> copies = Files.list(SandboxProcess.sqliteCopies())) {
      assertThat(copies.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.contains("sqlitejdbc"));
    }
    try (SandboxProcess restarted = SandboxProcess.start(data, dir.resolve("second.log"))) {
      SandboxHttp http = restarted.http();
      List<String> lost = new ArrayList<>();
      for (String token : answered) {
        if (http.get("/oauth/v1/access-tokens/" + token).status() != 200) {
          lost.add(token.substring(0, 6));
        }
      }
      assertThat(lost).as("answered tokens lost by kill -9, of " + answered.size()).isEmpty();
      assertThat(http.get("/oauth/v1/refresh-tokens/" + refreshToken).status()).isEqualTo(200);
    }
  }
}
