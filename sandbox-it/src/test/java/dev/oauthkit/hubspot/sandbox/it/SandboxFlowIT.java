package dev.oauthkit.hubspot.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp.Answer;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import dev.oauthkit.hubspot.sandbox.testing.SpecSchemas;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built jar, started as a process: the whole flow over HTTP, then a restart. */
class SandboxFlowIT {

  private static final String REDIRECT = "http://localhost:3000/oauth-callback";
  private final Path dir = Path.of(System.getProperty("sandbox.it.dir", "target/it"), "flow");

  @Test
  void whenTheWholeFlowRunsOverHttpThenEveryStepAnswersAsSpecifiedAndSurvivesARestart()
      throws Exception {
    Path data = dir.resolve("data-" + System.nanoTime());
    String clientId;
    String secret;
    String accessToken;
    String refreshToken;
    String revokedAccess;
    String code;
    String firstLog;
    try (SandboxProcess sandbox = SandboxProcess.start(data, dir.resolve("first.log"))) {
      SandboxHttp http = sandbox.http();
      Answer app = http.createApp(REDIRECT);
      assertThat(app.status()).isEqualTo(201);
      clientId = app.text("client_id");
      secret = app.text("client_secret");

      Answer created = http.createCode(clientId, REDIRECT);
      assertThat(created.status()).isEqualTo(201);
      code = created.text("code");

      Answer tokens = http.exchange(clientId, secret, REDIRECT, code);
      assertThat(tokens.status()).isEqualTo(200);
      assertThat(SpecSchemas.hubspot().validate("TokenResponse", tokens.body())).isEmpty();
      accessToken = tokens.text("access_token");
      refreshToken = tokens.text("refresh_token");

      Answer access = http.get("/oauth/v1/access-tokens/" + accessToken);
      assertThat(access.status()).isEqualTo(200);
      assertThat(SpecSchemas.hubspot().validate("AccessTokenMetadata", access.body())).isEmpty();
      assertThat(access.json().path("app_id").asLong())
          .isEqualTo(app.json().path("app_id").asLong());
      assertThat(access.text("hub_domain")).isNotBlank();
      Answer refresh = http.get("/oauth/v1/refresh-tokens/" + refreshToken);
      assertThat(refresh.status()).isEqualTo(200);
      assertThat(SpecSchemas.hubspot().validate("RefreshTokenMetadata", refresh.body())).isEmpty();

      Answer refreshed = http.refresh(clientId, secret, refreshToken);
      assertThat(refreshed.status()).isEqualTo(200);
      assertThat(refreshed.text("refresh_token")).isEqualTo(refreshToken);
      accessToken = refreshed.text("access_token");

      Answer second =
          http.exchange(
              clientId, secret, REDIRECT, http.createCode(clientId, REDIRECT).text("code"));
      revokedAccess = second.text("access_token");
      assertThat(http.delete("/oauth/v1/refresh-tokens/" + second.text("refresh_token")).status())
          .isEqualTo(204);
      assertThat(http.get("/oauth/v1/access-tokens/" + revokedAccess).status()).isEqualTo(401);
      assertThat(http.get("/oauth/v1/refresh-tokens/" + second.text("refresh_token")).status())
          .isEqualTo(401);
      assertThat(http.refresh(clientId, secret, second.text("refresh_token")).status())
          .isEqualTo(400);
      firstLog = sandbox.logText();
    }

    try (SandboxProcess restarted = SandboxProcess.start(data, dir.resolve("second.log"))) {
      SandboxHttp http = restarted.http();
      assertThat(http.get("/oauth/v1/access-tokens/" + accessToken).status()).isEqualTo(200);
      assertThat(http.get("/oauth/v1/refresh-tokens/" + refreshToken).status()).isEqualTo(200);
      assertThat(http.refresh(clientId, secret, refreshToken).status()).isEqualTo(200);
      assertThat(http.get("/oauth/v1/access-tokens/" + revokedAccess).status()).isEqualTo(401);
      assertThat(http.exchange(clientId, secret, REDIRECT, code).status()).isEqualTo(400);
    }

    assertThat(firstLog).contains("POST /oauth/v1/token 200", "GET /oauth/v1/access-tokens/{fp:");
    for (String secretValue :
        List.of(secret, code, accessToken, refreshToken, SandboxProcess.ADMIN_KEY)) {
      assertThat(firstLog).doesNotContain(secretValue);
    }
  }
}
