package dev.oauthkit.hubspot.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.grant.IssuedTokens;
import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import dev.oauthkit.hubspot.sandbox.testing.Sandbox;
import dev.oauthkit.hubspot.sandbox.testing.TestApps;
import dev.oauthkit.hubspot.sandbox.web.ApiError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

/** What only the SQLite store does: files on disk, the writer thread, Flyway from old files. */
class SqliteStoreTest {

  /** The tables as sandboxes created them before Flyway ran the SQLite migrations. */
  private static final String[] PRE_FLYWAY_SCHEMA = {
    "CREATE TABLE IF NOT EXISTS apps (app_id INTEGER PRIMARY KEY, client_id TEXT NOT NULL UNIQUE,"
        + " secret_sha256 TEXT NOT NULL, name TEXT NOT NULL, redirect_uris TEXT NOT NULL,"
        + " scopes TEXT NOT NULL, optional_scopes TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS auth_codes (code_hash TEXT PRIMARY KEY, client_id TEXT NOT NULL,"
        + " redirect_uri TEXT NOT NULL, hub_id INTEGER NOT NULL, user_id INTEGER, user_email TEXT,"
        + " hub_domain TEXT NOT NULL, scopes TEXT NOT NULL, expires_at INTEGER NOT NULL,"
        + " used_at INTEGER) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS refresh_tokens (token_hash TEXT PRIMARY KEY,"
        + " client_id TEXT NOT NULL, hub_id INTEGER NOT NULL, user_id INTEGER, user_email TEXT,"
        + " hub_domain TEXT NOT NULL, scopes TEXT NOT NULL, code_hash TEXT NOT NULL,"
        + " issued_at INTEGER NOT NULL, rotated_at INTEGER, revoked_at INTEGER) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS refresh_tokens_by_code ON refresh_tokens (code_hash)",
    "CREATE TABLE IF NOT EXISTS access_tokens (token_hash TEXT PRIMARY KEY,"
        + " refresh_hash TEXT NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID"
  };

  @TempDir Path temp;

  @Test
  void whenFileWasCreatedBeforeFlywayThenItIsBaselinedMigratedAndNothingStoredIsLost()
      throws Exception {
    Path file = temp.resolve("old.db");
    long expires = SandboxStoreContractTest.NOW.plusSeconds(1800).toEpochMilli();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String ddl : PRE_FLYWAY_SCHEMA) {
        s.execute(ddl);
      }
      try (PreparedStatement app = c.prepareStatement("INSERT INTO apps VALUES (?,?,?,?,?,?,?)")) {
        app.setLong(1, 4242);
        app.setString(2, "client-a");
        app.setString(3, Secrets.toHex(TestApps.app().build().secretSha256()));
        app.setString(4, "Old app");
        app.setString(5, "https://a.example/cb\nhttps://b.example/cb");
        app.setString(6, "oauth crm.read");
        app.setString(7, "automation timeline");
        app.executeUpdate();
      }
      s.execute(
          "INSERT INTO refresh_tokens VALUES ('r1', 'client-a', 62515, 7, 'u@example.com',"
              + " 'd.hubspot.test', 'oauth crm.read', 'c1', 0, NULL, NULL)");
      s.execute("INSERT INTO access_tokens VALUES ('a1', 'r1', " + expires + ")");
    }

    try (JdbcStore store = JdbcStore.sqlite(file, 2)) {
      assertThat(store.schemaVersion()).isEqualTo(SchemaMigrations.LATEST);
      App app = store.findApp("client-a").orElseThrow();
      assertThat(app.redirectUris())
          .containsExactly("https://a.example/cb", "https://b.example/cb");
      assertThat(app.scopes()).containsExactly("oauth", "crm.read");
      assertThat(app.optionalScopes()).containsExactly("automation", "timeline");
      AccessTokenRow.WithRefresh access = store.findAccessToken("a1").orElseThrow();
      assertThat(access.access().expiresAt().toEpochMilli()).isEqualTo(expires);
      assertThat(access.refresh().grant().scopes()).containsExactly("oauth", "crm.read");
      assertThat(access.refresh().active()).isTrue();
    }
    try (JdbcStore reopened = JdbcStore.sqlite(file, 2)) {
      assertThat(reopened.schemaVersion()).isEqualTo(SchemaMigrations.LATEST);
      assertThat(reopened.loadApps()).hasSize(1);
    }
  }

  @Test
  void whenExpiredRowsArePurgedRepeatedlyThenTheFilesStopGrowingAndTheWalIsEmptied()
      throws Exception {
    Path file = temp.resolve("purged.db");
    Path wal = Path.of(file + "-wal");
    List<Long> sizes = new ArrayList<>();
    try (JdbcStore store = JdbcStore.sqlite(file, 2)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        for (int cycle = 0; cycle < 5; cycle++) {
          List<Future<?>> inserts = new ArrayList<>();
          for (int i = 0; i < 2_000; i++) {
            String hash = Secrets.sha256Hex("cycle " + cycle + " code " + i);
            inserts.add(pool.submit(() -> store.insertCode(SandboxStoreContractTest.code(hash))));
          }
          for (Future<?> insert : inserts) {
            insert.get(60, TimeUnit.SECONDS);
          }

          assertThat(store.purge(SandboxStoreContractTest.NOW.plus(Duration.ofDays(1))))
              .isEqualTo(2_000);
          awaitEmpty(wal);
          sizes.add(Files.size(file));
        }
      } finally {
        pool.shutdownNow();
      }
    }
    // Deleted rows leave free pages that the next cycle's rows reuse.
    assertThat(sizes.subList(1, sizes.size()))
        .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(sizes.get(0) * 5 / 4));
  }

  /** Waits (at most 10 s) for the checkpoint that follows a purge to truncate the WAL. */
  private static void awaitEmpty(Path wal) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (Files.exists(wal) && Files.size(wal) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(Files.exists(wal) ? Files.size(wal) : 0).isZero();
  }

  @Test
  void whenASessionIsOpenedThenTheDriverDoesNotLookUpGeneratedKeys() throws Exception {
    try (SqlSession session = SqlSession.open("jdbc:sqlite:" + temp.resolve("keys.db"))) {
      SQLiteConnection connection = session.connection().unwrap(SQLiteConnection.class);

      assertThat(connection.getConnectionConfig().isGetGeneratedKeys()).isFalse();
    }
  }

  @Test
  void whenASecondStoreOpensTheSameFileThenItIsRefusedUntilTheFirstCloses() {
    Path file = temp.resolve("sandbox.db");
    try (JdbcStore first = JdbcStore.sqlite(file, 1)) {
      assertThatThrownBy(() -> JdbcStore.sqlite(file, 1))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("another sandbox is using the SQLite store at " + file)
          .hasMessageContaining("its own --data-dir");
    }
    try (JdbcStore reopened = JdbcStore.sqlite(file, 1)) {
      assertThat(reopened.loadApps()).isEmpty();
    }
  }

  @Test
  void whenATokenIsRevokedAfterItWasReadThenTheNextReadsSeeItRevoked() {
    try (JdbcStore store = JdbcStore.sqlite(temp.resolve("sandbox.db"), 2)) {
      Sandbox sandbox = Sandbox.on(store).build();
      IssuedTokens issued = sandbox.login(TestApps.app().build());
      assertThat(sandbox.metadata.access(issued.accessToken()).getHubId()).isPositive();
      assertThat(sandbox.metadata.refresh(issued.refreshToken()).getClientId()).isNotNull();

      sandbox.metadata.revoke(issued.refreshToken());

      assertThatThrownBy(() -> sandbox.metadata.access(issued.accessToken()))
          .isInstanceOf(ApiError.class);
      assertThatThrownBy(() -> sandbox.metadata.refresh(issued.refreshToken()))
          .isInstanceOf(ApiError.class);
      assertThat(
              store
                  .findRefreshToken(Secrets.sha256Hex(issued.refreshToken()))
                  .orElseThrow()
                  .revokedAt())
          .isNotNull();
    }
  }

  @Test
  void whenStoreIsReopenedThenAppsAndTokensAreStillThere() {
    Path file = temp.resolve("sandbox.db");
    IssuedTokens issued;
    try (JdbcStore store = JdbcStore.sqlite(file, 2)) {
      Sandbox sandbox = Sandbox.on(store).build();
      issued = sandbox.login(TestApps.app().build());
    }
    try (JdbcStore store = JdbcStore.sqlite(file, 2)) {
      Sandbox sandbox = Sandbox.on(store).apps().build();

      assertThat(AppRegistry.load(store).size()).isEqualTo(1);
      assertThat(sandbox.metadata.access(issued.accessToken()).getAppId()).isEqualTo(4242);
      assertThat(sandbox.metadata.refresh(issued.refreshToken()).getClientId())
          .isEqualTo("client-a");
    }
  }

  @Test
  void whenTokensAreStoredThenNoFileOfTheStoreHoldsThemInPlainText() throws Exception {
    Path file = temp.resolve("plain.db");
    List<String> secrets = new ArrayList<>();
    try (JdbcStore store = JdbcStore.sqlite(file, 2)) {
      Sandbox sandbox = Sandbox.on(store).build();
      String code = sandbox.code(TestApps.app().build());
      IssuedTokens issued =
          sandbox.tokens.exchange(
              Sandbox.exchange(TestApps.app().build(), code, TestApps.REDIRECT_URI));
      secrets.addAll(List.of(code, issued.accessToken(), issued.refreshToken(), TestApps.SECRET));
    }
    for (Path part : List.of(file, Path.of(file + "-wal"))) {
      if (Files.exists(part)) {
        String content = new String(Files.readAllBytes(part), StandardCharsets.ISO_8859_1);
        assertThat(secrets).allSatisfy(secret -> assertThat(content).doesNotContain(secret));
      }
    }
  }

  @Test
  void whenManyThreadsWriteAtOnceThenEveryWriteIsCommittedAndReadable() throws Exception {
    try (JdbcStore store = JdbcStore.sqlite(temp.resolve("load.db"), 4)) {
      Sandbox sandbox = Sandbox.on(store).build();
      IssuedTokens login = sandbox.login(TestApps.app().build());
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < 800; i++) {
        futures.add(
            pool.submit(
                () ->
                    sandbox
                        .tokens
                        .exchange(Sandbox.refresh(TestApps.app().build(), login.refreshToken()))
                        .accessToken()));
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      for (Future<String> future : futures) {
        assertThat(sandbox.metadata.access(future.get()).getExpiresIn()).isEqualTo(1800);
      }
    }
  }
}
