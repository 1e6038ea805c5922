package dev.oauthkit.hubspot.sandbox.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.api.ApiVersions;
import dev.oauthkit.hubspot.sandbox.testing.InProcessSandbox;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp.Answer;
import dev.oauthkit.hubspot.sandbox.testing.SpecSchemas;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API's time control and readiness (clock, early expiry, reset, health) over HTTP, on the
 * Spring application in this JVM with the memory store.
 */
class TimeControlAdminTest {

  private static final String REDIRECT = "http://localhost:3000/cb";

  @TempDir static Path temp;
  private static InProcessSandbox sandbox;
  private static SandboxHttp http;
  private static String clientId;
  private static String secret;

  @BeforeAll
  static void start() {
    sandbox = InProcessSandbox.start(temp);
    http = sandbox.http();
    Answer app = http.createApp(REDIRECT);
    clientId = app.text("client_id");
    secret = app.text("client_secret");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    assertThat(http.adminPost("/sandbox/v1/reset", "").status()).isEqualTo(204);
  }

  @Test
  void whenClockIsAdvancedPastTheLifetimeThenTheAccessTokenIs401AndTheClockSaysSo() {
    Answer tokens = login();
    String access = tokens.text("access_token");
    Answer before = adminGet("/sandbox/v1/clock");

    Answer almost = http.adminPost("/sandbox/v1/clock", "{\"advance_seconds\":1799}");
    int stillValid = http.get("/oauth/v1/access-tokens/" + access).status();
    Answer after = http.adminPost("/sandbox/v1/clock", "{\"advance_seconds\":1}");

    assertThat(before.status()).isEqualTo(200);
    assertThat(before.json().path("offset_seconds").asLong()).isZero();
    assertThat(almost.status()).isEqualTo(200);
    assertThat(stillValid).isEqualTo(200);
    assertThat(after.status()).isEqualTo(200);
    assertThat(SpecSchemas.admin().validate("Clock", after.body())).isEmpty();
    assertThat(after.json().path("offset_seconds").asLong()).isEqualTo(1800);
    Instant now = Instant.parse(after.text("now"));
    assertThat(Duration.between(Instant.now(), now).toSeconds()).isBetween(1790L, 1810L);
    assertThat(http.get("/oauth/v1/access-tokens/" + access).status()).isEqualTo(401);
    Answer refreshed = http.refresh(clientId, secret, tokens.text("refresh_token"));
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(http.get("/oauth/v1/access-tokens/" + refreshed.text("access_token")).status())
        .isEqualTo(200);
  }

  @Test
  void whenClockAdvanceIsMissingOrOutOfRangeThenItIs400AndTheClockStays() {
    for (String body :
        List.of(
            "{}",
            "{\"advance_seconds\":0}",
            "{\"advance_seconds\":-5}",
            "{\"advance_seconds\":315360001}",
            "{\"advance_seconds\":1.5}",
            "{\"advance_seconds\":\"60\"}",
            "{\"seconds\":60}")) {
      Answer answer = http.adminPost("/sandbox/v1/clock", body);

      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(SpecSchemas.admin().validate("Error", answer.body())).isEmpty();
    }
    assertThat(adminGet("/sandbox/v1/clock").json().path("offset_seconds").asLong()).isZero();
  }

  @Test
  void whenAnAccessTokenIsExpiredThenOnlyThatTokenIs401() {
    Answer tokens = login();
    String first = tokens.text("access_token");
    String second =
        http.refresh(clientId, secret, tokens.text("refresh_token")).text("access_token");

    Answer expired = expire(first);

    assertThat(expired.status()).isEqualTo(204);
    assertThat(http.get("/oauth/v1/access-tokens/" + first).status()).isEqualTo(401);
    assertThat(http.get("/oauth/v1/access-tokens/" + second).status()).isEqualTo(200);
    assertThat(http.refresh(clientId, secret, tokens.text("refresh_token")).status())
        .isEqualTo(200);
  }

  @Test
  void whenTheTokenIsNotAValidAccessTokenThenExpiringItIs400NamingToken() {
    Answer tokens = login();
    String access = tokens.text("access_token");
    expire(access);

    for (String token : List.of(access, tokens.text("refresh_token"), "unknown-token")) {
      Answer answer = expire(token);

      assertThat(answer.status()).isEqualTo(400);
      assertThat(SpecSchemas.admin().validate("Error", answer.body())).isEmpty();
      assertThat(answer.body()).contains("\"token\"").doesNotContain(token);
    }
    assertThat(http.adminPost("/sandbox/v1/tokens/expire", "{}").status()).isEqualTo(400);
  }

  @Test
  void whenResetThenFaultsAreDisarmedAndTheClockIsBackToRealTime() {
    http.adminPost(
        "/sandbox/v1/faults", "{\"operation_id\":\"getAccessTokenMetadata\",\"count\":5}");
    http.adminPost("/sandbox/v1/clock", "{\"advance_seconds\":86400}");

    Answer reset = http.adminPost("/sandbox/v1/reset", "");

    assertThat(reset.status()).isEqualTo(204);
    assertThat(adminGet("/sandbox/v1/clock").json().path("offset_seconds").asLong()).isZero();
    assertThat(http.get("/oauth/v1/access-tokens/" + login().text("access_token")).status())
        .isEqualTo(200);
  }

  @Test
  void whenResetAfterAnAdvanceThenWhatExpiredStaysExpired() {
    Answer tokens = login();
    String byTime = tokens.text("access_token");
    String early = login().text("access_token");
    expire(early);
    String code = http.createCode(clientId, REDIRECT).text("code");
    http.adminPost("/sandbox/v1/clock", "{\"advance_seconds\":1800}");
    // another early expiry forgets the first one, whose own expiry has passed
    expire(login().text("access_token"));

    http.adminPost("/sandbox/v1/reset", "");

    assertThat(http.get("/oauth/v1/access-tokens/" + byTime).status()).isEqualTo(401);
    assertThat(http.get("/oauth/v1/access-tokens/" + early).status()).isEqualTo(401);
    assertThat(http.exchange(clientId, secret, REDIRECT, code).text("status"))
        .isEqualTo("EXPIRED_AUTH_CODE");
    assertThat(http.refresh(clientId, secret, tokens.text("refresh_token")).status())
        .isEqualTo(200);
  }

  @Test
  void whenATokenIsMintedWhileTheClockIsAheadThenAfterResetItKeepsOnlyItsLifetime() {
    http.adminPost("/sandbox/v1/clock", "{\"advance_seconds\":2592000}");
    String access = login().text("access_token");

    http.adminPost("/sandbox/v1/reset", "");

    Answer metadata = http.get("/oauth/v1/access-tokens/" + access);
    assertThat(metadata.status()).isEqualTo(200);
    assertThat(metadata.json().path("expires_in").asLong()).isBetween(1790L, 1800L);
  }

  @Test
  void whenHealthIsAskedWithoutAKeyThenItIsUp() {
    Answer health = http.get("/sandbox/v1/health");

    assertThat(health.status()).isEqualTo(200);
    List<String> served = ApiVersions.packaged().names();
    assertThat(served).containsSubsequence("v1", "2026-03", "2026-09");
    assertThat(health.body())
        .isEqualTo(
            served.stream()
                .map(version -> '"' + version + '"')
                .collect(Collectors.joining(",", "{\"status\":\"UP\",\"api_versions\":[", "]}")));
    assertThat(SpecSchemas.admin().validate("Health", health.body())).isEmpty();
    Answer wrongMethod = http.send(HttpRequest.newBuilder(http.uri("/sandbox/v1/health")).DELETE());
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(SpecSchemas.admin().validate("Error", wrongMethod.body())).isEmpty();
  }

  @Test
  void whenTimeControlIsCalledWithoutTheKeyThenItIs401() {
    SandboxHttp noKey = SandboxHttp.on(http.uri("/").getPort(), "wrong-key");

    assertThat(noKey.adminPost("/sandbox/v1/clock", "{\"advance_seconds\":60}").status())
        .isEqualTo(401);
    assertThat(noKey.adminPost("/sandbox/v1/tokens/expire", "{\"token\":\"x\"}").status())
        .isEqualTo(401);
    assertThat(noKey.adminPost("/sandbox/v1/reset", "").status()).isEqualTo(401);
    assertThat(http.get("/sandbox/v1/clock").status()).isEqualTo(401);
  }

  private static Answer login() {
    String code = http.createCode(clientId, REDIRECT).text("code");
    Answer tokens = http.exchange(clientId, secret, REDIRECT, code);
    assertThat(tokens.status()).isEqualTo(200);
    return tokens;
  }

  private static Answer expire(String token) {
    return http.adminPost("/sandbox/v1/tokens/expire", "{\"token\":\"" + token + "\"}");
  }

  private static Answer adminGet(String path) {
    return http.send(
        HttpRequest.newBuilder(http.uri(path))
            .header("Authorization", "Bearer " + InProcessSandbox.ADMIN_KEY)
            .GET());
  }
}
