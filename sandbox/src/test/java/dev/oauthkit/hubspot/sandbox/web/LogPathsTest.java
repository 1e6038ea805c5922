package dev.oauthkit.hubspot.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import org.junit.jupiter.api.Test;

class LogPathsTest {

  @Test
  void whenPathCarriesATokenThenOnlyItsFingerprintIsLogged() {
    LogPaths.Safe safe = LogPaths.sanitize("/oauth/v1/refresh-tokens/secret-refresh-token");

    assertThat(safe.path())
        .isEqualTo(
            "/oauth/v1/refresh-tokens/{fp:" + Secrets.fingerprint("secret-refresh-token") + "}")
        .doesNotContain("secret");
    assertThat(safe.fingerprint()).isEqualTo(Secrets.fingerprint("secret-refresh-token"));
  }

  @Test
  void whenAnUnknownPathHasALongSegmentThenItIsFingerprintedToo() {
    String token = "CKDZpunPLhICAQEYs-gDIIGOBii1hQIyGQAf3xBKEgsYjYMJVvlHEz9tFHAwSq1TQAM";

    assertThat(LogPaths.sanitize("/oauth/v1/access-token/" + token).path()).doesNotContain(token);
  }

  @Test
  void whenPathIsOrdinaryThenItIsLoggedAsIs() {
    assertThat(LogPaths.sanitize("/oauth/v1/token").path()).isEqualTo("/oauth/v1/token");
  }

  @Test
  void whenASegmentHasCharactersOutsideTheSafeSetThenEachIsLoggedAsAQuestionMark() {
    assertThat(LogPaths.sanitize("/oauth/v1/a%20b/x\"y/").path()).isEqualTo("/oauth/v1/a?20b/x?y/");
    assertThat(LogPaths.sanitize("").path()).isEqualTo("/");
  }
}
