package dev.oauthkit.hubspot.sandbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.oauthkit.hubspot.sandbox.secret.AccessTokenSeal;
import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.slf4j.LoggerFactory;

@Isolated("reads the log: an application another class starts meanwhile resets Logback")
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

    assertThat(TokenKeys.resolve(postgres, dir, () -> true)).isEmpty();
    String token = TokenKeys.resolve(memory, dir, () -> true).orElseThrow().seal(HASH, EXPIRES);
    assertThat(TokenKeys.resolve(memory, dir, () -> true).orElseThrow().open(token)).isEmpty();
    assertThat(temp.resolve("token-key")).doesNotExist();
  }

  @Test
  void whenTheKeyFileIsMissingOrGarbledThenOnlyAStoreWithGrantsGetsTheWarning() throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(TokenKeys.class);
    logger.addAppender(log);
    log.start();
    try {
      sqliteSeal(false);
      Files.delete(temp.resolve("token-key"));
      sqliteSeal(true);
      Files.writeString(temp.resolve("token-key"), "garbled\n");
      sqliteSeal(false);
    } finally {
      logger.detachAppender(log);
    }

    assertThat(log.list)
        .extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
        .containsExactly(
            tuple(
                Level.WARN,
                "token-key in the data directory is missing, but the store holds grants; a new one"
                    + " is written (access tokens that refresh grants issued before are no longer"
                    + " valid)"),
            tuple(
                Level.WARN,
                "token-key in the data directory is not a key; a new one is written (access tokens"
                    + " that refresh grants issued before are no longer valid)"));
  }

  private AccessTokenSeal sqliteSeal() {
    return sqliteSeal(true);
  }

  private AccessTokenSeal sqliteSeal(boolean grantsStored) {
    return TokenKeys.resolve(SandboxSettingsTest.settings(), DataDir.open(temp), () -> grantsStored)
        .orElseThrow();
  }
}
