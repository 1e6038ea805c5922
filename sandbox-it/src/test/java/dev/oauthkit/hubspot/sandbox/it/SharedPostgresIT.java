package dev.oauthkit.hubspot.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.PostgresServer;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp.Answer;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two built sandbox jars on one PostgreSQL database (a real server started in this JVM): tokens
 * issued by one are valid, refreshable and revocable on the other; concurrent refreshes on both
 * lose nothing; a code redeemed on both at once succeeds exactly once. The two start at the same
 * moment on an empty database, so they also race Flyway's migration.
 */
class SharedPostgresIT {

  private static final String REDIRECT = "http://localhost:3000/oauth-callback";
  private static final Path DIR =
      Path.of(System.getProperty("sandbox.it.dir", "target/it"), "shared-postgres");

  private static PostgresServer.Database database;
  private static SandboxProcess first;
  private static SandboxProcess second;
  private static SandboxHttp a;
  private static SandboxHttp b;
  private static String clientId;
  private static String secret;

  @BeforeAll
  static void start() throws Exception {
    database = PostgresServer.shared().newDatabase("shared");
    Path run = DIR.resolve("run-" + System.nanoTime());
    // One instance takes flags, the other the environment twins.
    CompletableFuture<SandboxProcess> viaFlags =
        CompletableFuture.supplyAsync(
            () ->
                startOrFail(
                    run.resolve("a"),
                    Map.of(),
                    "--store=postgres",
                    "--jdbc-url=" + database.jdbcUrl(),
                    "--db-user=" + database.user(),
                    "--db-password=" + database.password()));
    CompletableFuture<SandboxProcess> viaEnvironment =
        CompletableFuture.supplyAsync(
            () ->
                startOrFail(
                    run.resolve("b"),
                    Map.of(
                        "SANDBOX_STORE", "postgres",
                        "SANDBOX_JDBC_URL", database.jdbcUrl(),
                        "SANDBOX_DB_USER", database.user(),
                        "SANDBOX_DB_PASSWORD", database.password())));
    first = viaFlags.get(120, TimeUnit.SECONDS);
    second = viaEnvironment.get(120, TimeUnit.SECONDS);
    a = first.http();
    b = second.http();
    Answer app = a.createApp(REDIRECT);
    assertThat(app.status()).isEqualTo(201);
    clientId = app.text("client_id");
    secret = app.text("client_secret");
  }

  @AfterAll
  static void stop() throws Exception {
    if (first != null) {
      first.close();
    }
    if (second != null) {
      second.close();
    }
  }

  @Test
  void whenOneInstanceIssuesTokensThenTheOtherValidatesRefreshesAndRevokesThem() {
    Answer tokens =
        a.exchange(clientId, secret, REDIRECT, a.createCode(clientId, REDIRECT).text("code"));
    assertThat(tokens.status()).isEqualTo(200);
    String access = tokens.text("access_token");
    String refresh = tokens.text("refresh_token");

    assertThat(b.get("/oauth/v1/access-tokens/" + access).status()).isEqualTo(200);
    assertThat(b.get("/oauth/v1/refresh-tokens/" + refresh).text("client_id")).isEqualTo(clientId);
    Answer refreshed = b.refresh(clientId, secret, refresh);
    assertThat(refreshed.status()).isEqualTo(200);
    String fromB = refreshed.text("access_token");
    assertThat(a.get("/oauth/v1/access-tokens/" + fromB).status()).isEqualTo(200);

    assertThat(b.delete("/oauth/v1/refresh-tokens/" + refresh).status()).isEqualTo(204);
    assertThat(a.get("/oauth/v1/access-tokens/" + access).status()).isEqualTo(401);
    assertThat(a.get("/oauth/v1/access-tokens/" + fromB).status()).isEqualTo(401);
    assertThat(a.refresh(clientId, secret, refresh).status()).isEqualTo(400);
    assertThat(a.delete("/oauth/v1/refresh-tokens/" + refresh).status()).isEqualTo(401);

    for (SandboxProcess sandbox : List.of(first, second)) {
      assertThat(sandbox.logText())
          .contains("Store:          postgres at " + database.jdbcUrl() + " (schema version 4)")
          .doesNotContain(database.password(), secret, access, refresh, fromB);
    }
  }

  @Test
  void whenBothInstancesRefreshAtOnceThenEveryAnsweredAccessTokenIsValidOnBoth() throws Exception {
    String refresh =
        a.exchange(clientId, secret, REDIRECT, b.createCode(clientId, REDIRECT).text("code"))
            .text("refresh_token");

    List<Answer> answers =
        race(64, i -> () -> (i % 2 == 0 ? a : b).refresh(clientId, secret, refresh));

    assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
    List<String> accessTokens =
        answers.stream().map(answer -> answer.text("access_token")).toList();
    assertThat(accessTokens).doesNotHaveDuplicates();
    for (String access : accessTokens) {
      assertThat(a.get("/oauth/v1/access-tokens/" + access).status()).isEqualTo(200);
      assertThat(b.get("/oauth/v1/access-tokens/" + access).status()).isEqualTo(200);
    }
  }

  @Test
  void whenACodeIsRedeemedOnBothInstancesAtOnceThenItSucceedsExactlyOnce() throws Exception {
    for (int round = 0; round < 10; round++) {
      String code = a.createCode(clientId, REDIRECT).text("code");

      List<Answer> answers =
          race(2, i -> () -> (i == 0 ? a : b).exchange(clientId, secret, REDIRECT, code));

      assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(200, 400);
      Answer loser = answers.get(0).status() == 400 ? answers.get(0) : answers.get(1);
      assertThat(loser.text("status")).isEqualTo("BAD_AUTH_CODE");
    }
  }

  /** Runs {@code count} calls on a pool, released together; returns their answers in order. */
  private static List<Answer> race(int count, java.util.function.IntFunction<Callable<Answer>> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 16));
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Answer>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Callable<Answer> work = call.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return work.call();
                }));
      }
      go.countDown();
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> future : futures) {
        answers.add(future.get(60, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private static SandboxProcess startOrFail(Path dir, Map<String, String> env, String... flags) {
    try {
      return SandboxProcess.start(dir.resolve("data"), dir.resolve("sandbox.log"), env, flags);
    } catch (Exception e) {
      throw new IllegalStateException("a sandbox did not start; see " + dir, e);
    }
  }
}
