package dev.oauthkit.hubspot.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.grant.IssuedTokens;
import dev.oauthkit.hubspot.sandbox.testing.Sandbox;
import dev.oauthkit.hubspot.sandbox.testing.TestApps;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {

  @TempDir Path temp;

  @Test
  void whenStoreIsReopenedThenAppsAndTokensAreStillThere() {
    Path file = temp.resolve("sandbox.db");
    IssuedTokens issued;
    try (SqliteStore store = SqliteStore.open(file, 2)) {
      Sandbox sandbox = Sandbox.on(store).build();
      issued = sandbox.login(TestApps.app().build());
    }
    try (SqliteStore store = SqliteStore.open(file, 2)) {
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
    try (SqliteStore store = SqliteStore.open(file, 2)) {
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
    try (SqliteStore store = SqliteStore.open(temp.resolve("load.db"), 4)) {
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
