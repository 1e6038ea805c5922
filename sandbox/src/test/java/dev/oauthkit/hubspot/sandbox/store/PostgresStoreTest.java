package dev.oauthkit.hubspot.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.oauthkit.hubspot.sandbox.grant.IssuedTokens;
import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import dev.oauthkit.hubspot.sandbox.testing.FreezingRelay;
import dev.oauthkit.hubspot.sandbox.testing.Ports;
import dev.oauthkit.hubspot.sandbox.testing.PostgresServer;
import dev.oauthkit.hubspot.sandbox.testing.Sandbox;
import dev.oauthkit.hubspot.sandbox.testing.TestApps;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** What only the PostgreSQL store does: Flyway migrations, hashes only, failing without secrets. */
class PostgresStoreTest {

  private static final String LATEST = SchemaMigrations.LATEST;

  private final PostgresServer server = PostgresServer.shared();

  @Test
  void whenTokensAreStoredThenNoTableHoldsThemInPlainText() throws Exception {
    PostgresServer.Database database = server.newDatabase("plain");
    List<String> secrets = new ArrayList<>();
    try (JdbcStore store = JdbcStore.postgres(database.target(), 2)) {
      Sandbox sandbox = Sandbox.on(store).build();
      String code = sandbox.code(TestApps.app().build());
      IssuedTokens issued =
          sandbox.tokens.exchange(
              Sandbox.exchange(TestApps.app().build(), code, TestApps.REDIRECT_URI));
      secrets.addAll(List.of(code, issued.accessToken(), issued.refreshToken(), TestApps.SECRET));
    }
    String everything = dump(database, "apps", "auth_codes", "refresh_tokens", "access_tokens");

    assertThat(everything).contains("client-a");
    assertThat(secrets).allSatisfy(secret -> assertThat(everything).doesNotContain(secret));
  }

  @Test
  void whenStoreIsReopenedThenAppsAndTokensAreStillThereAndTheSchemaIsNotMigratedTwice() {
    PostgresServer.Database database = server.newDatabase("reopen");
    IssuedTokens issued;
    try (JdbcStore store = JdbcStore.postgres(database.target(), 2)) {
      assertThat(store.schemaVersion()).isEqualTo(LATEST);
      issued = Sandbox.on(store).build().login(TestApps.app().build());
    }
    try (JdbcStore store = JdbcStore.postgres(database.target(), 2)) {
      Sandbox sandbox = Sandbox.on(store).apps().build();

      assertThat(store.schemaVersion()).isEqualTo(LATEST);
      assertThat(store.loadApps()).hasSize(1);
      assertThat(sandbox.metadata.access(issued.accessToken()).getAppId()).isEqualTo(4242);
      assertThat(sandbox.metadata.refresh(issued.refreshToken()).getClientId())
          .isEqualTo("client-a");
    }
  }

  @Test
  void whenDatabaseIsAtVersion1ThenItIsMigratedAndARevokedTokenWithLiveAccessTokensIsPurged()
      throws Exception {
    PostgresServer.Database database = server.newDatabase("version1");
    Flyway.configure()
        .dataSource(database.jdbcUrl(), database.user(), database.password())
        .locations(SchemaMigrations.POSTGRES)
        .table(SchemaMigrations.HISTORY_TABLE)
        .target("1")
        .load()
        .migrate();
    try (JdbcStore store = JdbcStore.postgres(database.target(), 2)) {
      assertThat(store.schemaVersion()).isEqualTo(LATEST);
      Sandbox sandbox = Sandbox.on(store).build();
      IssuedTokens issued = sandbox.login(TestApps.app().build());
      String refreshHash = Secrets.sha256Hex(issued.refreshToken());
      Instant now = sandbox.clock.instant();
      store.revokeRefreshToken(refreshHash, now);

      // Only the refresh token goes (its code and access token have not expired): at version 1 a
      // foreign key from the access token refused that.
      assertThat(store.purge(now)).isEqualTo(1);
      assertThat(store.findRefreshToken(refreshHash)).isEmpty();
      assertThat(store.findAccessToken(Secrets.sha256Hex(issued.accessToken()))).isEmpty();
    }
  }

  @Test
  void whenTwoSandboxesStartOnAnEmptyDatabaseAtOnceThenBothMigrateAndOpen() throws Exception {
    PostgresServer.Database database = server.newDatabase("together");
    CompletableFuture<JdbcStore> first =
        CompletableFuture.supplyAsync(() -> JdbcStore.postgres(database.target(), 2));
    CompletableFuture<JdbcStore> second =
        CompletableFuture.supplyAsync(() -> JdbcStore.postgres(database.target(), 2));

    try (JdbcStore a = first.get(60, TimeUnit.SECONDS);
        JdbcStore b = second.get(60, TimeUnit.SECONDS)) {
      a.insertApp(TestApps.app().build());
      assertThat(b.findApp("client-a")).isPresent();
      assertThat(a.schemaVersion()).isEqualTo(b.schemaVersion()).isEqualTo(LATEST);
    }
  }

  @Test
  void whenServerCannotBeReachedThenOpeningFailsNamingTheUrlButNotThePassword() throws Exception {
    int closedPort = Ports.closed();
    JdbcTarget target =
        JdbcTarget.of(
            "jdbc:postgresql://127.0.0.1:" + closedPort + "/db?password=url-secret",
            "someone",
            "flag-secret");

    assertThatThrownBy(() -> JdbcStore.postgres(target, 2))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:" + closedPort + "/db")
        .satisfies(
            e -> {
              for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage()))
                    .doesNotContain("flag-secret")
                    .doesNotContain("url-secret");
              }
            });
  }

  @Test
  void whenServerStopsAnsweringThenCallsFailAsAnOutageWithinSecondsAndWorkAgainWhenItAnswers()
      throws Exception {
    PostgresServer.Database database = server.newDatabase("hang");
    try (FreezingRelay relay = FreezingRelay.to(server.port());
        JdbcStore store = JdbcStore.postgres(database.throughPort(relay.port()).target(), 2)) {
      store.insertApp(TestApps.app().build());
      relay.freeze();

      long frozen = System.nanoTime();
      CompletableFuture<Optional<App>> hung =
          CompletableFuture.supplyAsync(() -> store.findApp("client-a"));
      Throwable failure = catchThrowable(() -> hung.get(15, TimeUnit.SECONDS));
      long answeredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozen);
      long next = System.nanoTime();
      Throwable meanwhile =
          catchThrowable(() -> store.insertApp(TestApps.app().clientId("client-b").build()));
      long meanwhileMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - next);
      relay.thaw();
      long thawed = System.nanoTime();
      Optional<App> after = Optional.empty();
      while (after.isEmpty() && System.nanoTime() - thawed < TimeUnit.SECONDS.toNanos(15)) {
        try {
          after = store.findApp("client-a");
        } catch (StoreException e) {
          Thread.sleep(50);
        }
      }

      assertThat(failure).isInstanceOf(ExecutionException.class);
      assertThat(failure.getCause())
          .isInstanceOf(StoreException.class)
          .satisfies(e -> assertThat(((StoreException) e).unavailable()).isTrue());
      assertThat(answeredMillis).isLessThan(PostgresExecutor.STATEMENT_TIMEOUT_MILLIS + 2_000);
      assertThat(meanwhileMillis).as("the next call, while down").isLessThan(500);
      assertThat(meanwhile)
          .isInstanceOf(StoreException.class)
          .satisfies(e -> assertThat(((StoreException) e).unavailable()).isTrue());
      assertThat(after).as("a read after the server answers again").isPresent();
      assertThat(store.findApp("client-b")).as("the refused write").isEmpty();
    }
  }

  @Test
  void whenTheSchemaIsMigratedThenItsStatementsMayTakeLongerThanACallsAnswer() throws Exception {
    PostgresServer.Database database = server.newDatabase("migrations");

    try (com.zaxxer.hikari.HikariDataSource source =
            PostgresExecutor.migrations(database.target());
        Connection c = source.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_sleep(3.5), 1")) {
      assertThat(rs.next()).as("a 3.5 s statement, longer than a call may wait").isTrue();
    }
  }

  private String dump(PostgresServer.Database database, String... tables) throws SQLException {
    StringBuilder all = new StringBuilder();
    try (Connection c = server.superuser(database);
        Statement s = c.createStatement()) {
      for (String table : tables) {
        try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t")) {
          while (rs.next()) {
            all.append(rs.getString(1)).append('\n');
          }
        }
      }
    }
    return all.toString();
  }
}
