package dev.oauthkit.hubspot.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.TestApps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same behaviour from every store: memory and SQLite. */
class SandboxStoreContractTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final AuthCodeRow.Grant GRANT =
      new AuthCodeRow.Grant(62515, 7L, "u@example.com", "d.hubspot.test", List.of("oauth"));

  @TempDir static Path temp;

  static Stream<Arguments> stores() {
    Function<String, SandboxStore> memory = name -> MemoryStore.create();
    Function<String, SandboxStore> sqlite = name -> SqliteStore.open(temp.resolve(name + ".db"), 2);
    return Stream.of(Arguments.of("memory", memory), Arguments.of("sqlite", sqlite));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void whenCodeIsRedeemedTwiceThenOnlyTheFirstSucceeds(
      String kind, Function<String, SandboxStore> open) {
    try (SandboxStore store = open.apply("redeem")) {
      store.insertCode(code("c1"));

      assertThat(store.redeemCode("c1", NOW, refresh("r1", "c1"), access("a1", "r1"))).isTrue();
      assertThat(store.redeemCode("c1", NOW, refresh("r2", "c1"), access("a2", "r2"))).isFalse();
      assertThat(store.findCode("c1").orElseThrow().usedAt()).isEqualTo(NOW);
      assertThat(store.findRefreshToken("r2")).isEmpty();
      assertThat(store.findAccessToken("a1").orElseThrow().refresh().tokenHash()).isEqualTo("r1");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void whenCodeFamilyIsRevokedThenEveryRefreshTokenOfItIsRevoked(
      String kind, Function<String, SandboxStore> open) {
    try (SandboxStore store = open.apply("family")) {
      store.insertCode(code("c1"));
      store.redeemCode("c1", NOW, refresh("r1", "c1"), access("a1", "r1"));
      store.rotateRefreshToken("r1", NOW, refresh("r2", "c1"), access("a2", "r2"));

      assertThat(store.revokeCodeFamily("c1", NOW)).isEqualTo(2);
      assertThat(store.findRefreshToken("r2").orElseThrow().revokedAt()).isEqualTo(NOW);
      assertThat(store.findAccessToken("a2").orElseThrow().refresh().revokedAt()).isEqualTo(NOW);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void whenRotatingARotatedTokenThenNothingIsStored(
      String kind, Function<String, SandboxStore> open) {
    try (SandboxStore store = open.apply("rotate")) {
      store.insertCode(code("c1"));
      store.redeemCode("c1", NOW, refresh("r1", "c1"), access("a1", "r1"));

      assertThat(store.rotateRefreshToken("r1", NOW, refresh("r2", "c1"), access("a2", "r2")))
          .isTrue();
      assertThat(store.rotateRefreshToken("r1", NOW, refresh("r3", "c1"), access("a3", "r3")))
          .isFalse();
      assertThat(store.findRefreshToken("r1").orElseThrow().active()).isFalse();
      assertThat(store.findRefreshToken("r3")).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void whenRevokingThenOnlyTheFirstRevocationCounts(
      String kind, Function<String, SandboxStore> open) {
    try (SandboxStore store = open.apply("revoke")) {
      store.insertCode(code("c1"));
      store.redeemCode("c1", NOW, refresh("r1", "c1"), access("a1", "r1"));
      store.insertAccessToken(access("a2", "r1"));

      assertThat(store.revokeRefreshToken("r1", NOW)).isTrue();
      assertThat(store.revokeRefreshToken("r1", NOW)).isFalse();
      assertThat(store.revokeRefreshToken("unknown", NOW)).isFalse();
      assertThat(store.findAccessToken("a2").orElseThrow().refresh().revokedAt()).isNotNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void whenAppIsStoredThenItIsLoadedWithEveryField(
      String kind, Function<String, SandboxStore> open) {
    try (SandboxStore store = open.apply("apps")) {
      App app =
          TestApps.app()
              .redirectUri("https://a.example/cb")
              .redirectUri("https://b.example/cb")
              .build();
      store.insertApp(app);

      App loaded = store.loadApps().get(0);
      assertThat(loaded.appId()).isEqualTo(app.appId());
      assertThat(loaded.clientId()).isEqualTo(app.clientId());
      assertThat(loaded.secretSha256()).isEqualTo(app.secretSha256());
      assertThat(loaded.redirectUris()).isEqualTo(app.redirectUris());
      assertThat(loaded.scopes()).isEqualTo(app.scopes());
      assertThat(loaded.optionalScopes()).isEqualTo(app.optionalScopes());
    }
  }

  static AuthCodeRow code(String hash) {
    return new AuthCodeRow(
        hash, "client-a", TestApps.REDIRECT_URI, GRANT, NOW.plusSeconds(600), null);
  }

  static RefreshTokenRow refresh(String hash, String codeHash) {
    return RefreshTokenRow.issued(hash, "client-a", GRANT, codeHash, NOW);
  }

  static AccessTokenRow access(String hash, String refreshHash) {
    return new AccessTokenRow(hash, refreshHash, NOW.plusSeconds(1800));
  }
}
