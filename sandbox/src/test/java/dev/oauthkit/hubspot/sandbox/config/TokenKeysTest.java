package dev.oauthkit.hubspot.sandbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.secret.AccessTokenSeal;
import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenKeysTest {

  private static final String HASH = Secrets.sha256Hex("r");
  private static final Instant EXPIRES = Instant.parse("2027-01-01T00:00:00Z");

  @TempDir Path temp;

  @Test
  void whenTheSqliteSandboxStartsAgainThenItsSealedTokensStillOpen() throws Exception {
    String token = sqliteSeal().seal(HASH, EXPIRES);

    assertThat(sqliteSeal().open(token)).isPresent();
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("token-key"))))
        .isEqualTo("rw-------");
  }

  @Test
  void whenTheKeyFileIsNotAKeyThenANewOneIsWritten() throws Exception {
    Files.writeString(temp.resolve("token-key"), "not hex\n");

    AccessTokenSeal seal = sqliteSeal();

    assertThat(Files.readString(temp.resolve("token-key")).strip()).hasSize(64);
    assertThat(sqliteSeal().open(seal.seal(HASH, EXPIRES))).isPresent();
  }

  @Test
  void whenTheStoreIsSharedPostgresThenNothingIsSealedAndMemoryGetsAKeyPerStart() {
    DataDir dir = DataDir.open(temp);
    SandboxSettings postgres =
        SandboxSettingsTest.settings(
            "--store=postgres", "--jdbc-url=jdbc:postgresql://localhost:5432/db");
    SandboxSettings memory = SandboxSettingsTest.settings("--store=memory");

    assertThat(TokenKeys.resolve(postgres, dir)).isEmpty();
    String token = TokenKeys.resolve(memory, dir).orElseThrow().seal(HASH, EXPIRES);
    assertThat(TokenKeys.resolve(memory, dir).orElseThrow().open(token)).isEmpty();
    assertThat(temp.resolve("token-key")).doesNotExist();
  }

  private AccessTokenSeal sqliteSeal() {
    return TokenKeys.resolve(SandboxSettingsTest.settings(), DataDir.open(temp)).orElseThrow();
  }
}
