package dev.oauthkit.hubspot.sandbox.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.api.ApiVersions;
import dev.oauthkit.hubspot.sandbox.testing.InProcessSandbox;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp.Answer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --disable-v1} and {@code --api-versions}: every route of a version not served answers as
 * after its sunset; the versions served work as before.
 */
class DisableV1Test {

  private static final String REDIRECT = "http://localhost:3000/cb";

  @TempDir Path temp;

  @Test
  void whenV1IsDisabledThenEveryV1RouteAnswers404AndThe202603ApiStillWorks() {
    try (InProcessSandbox sandbox = InProcessSandbox.start(temp, "--disable-v1")) {
      SandboxHttp http = sandbox.http();
      Answer app = http.createApp(REDIRECT);
      String clientId = app.text("client_id");
      String secret = app.text("client_secret");

      List<Answer> v1 =
          List.of(
              http.exchange(
                  clientId, secret, REDIRECT, http.createCode(clientId, REDIRECT).text("code")),
              http.get("/oauth/v1/access-tokens/x"),
              http.get("/oauth/v1/refresh-tokens/x"),
              http.delete("/oauth/v1/refresh-tokens/x"));
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", "authorization_code");
      form.put("client_id", clientId);
      form.put("client_secret", secret);
      form.put("redirect_uri", REDIRECT);
      form.put("code", http.createCode(clientId, REDIRECT).text("code"));
      Answer current = http.form("/oauth/2026-03/token", form);

      assertThat(v1)
          .allSatisfy(
              answer -> {
                assertThat(answer.status()).isEqualTo(404);
                assertThat(answer.text("subCategory")).isEqualTo("V1_SUNSET");
                assertThat(answer.text("message"))
                    .contains("/oauth/" + ApiVersions.packaged().newest() + "/token");
              });
      assertThat(current.status()).isEqualTo(200);
      List<String> dated = ApiVersions.packaged().dated();
      assertThat(dated).containsSubsequence("2026-03", "2026-09").doesNotContain("v1");
      assertThat(http.get("/sandbox/v1/health").body())
          .isEqualTo(
              dated.stream()
                  .map(version -> '"' + version + '"')
                  .collect(Collectors.joining(",", "{\"status\":\"UP\",\"api_versions\":[", "]}")));
    }
  }

  @Test
  void whenApiVersionsLeaveOutADateVersionThenItsRoutesAnswer404NamingItAndV1StillWorks() {
    try (InProcessSandbox sandbox = InProcessSandbox.start(temp, "--api-versions=v1")) {
      SandboxHttp http = sandbox.http();
      Answer app = http.createApp(REDIRECT);
      String clientId = app.text("client_id");
      String secret = app.text("client_secret");

      List<Answer> current =
          List.of(
              http.form("/oauth/2026-03/token", Map.of("grant_type", "refresh_token")),
              http.form("/oauth/2026-03/token/introspect", Map.of("token", "x")),
              http.form("/oauth/2026-03/token/revoke", Map.of("token", "x")));
      Answer v1 =
          http.exchange(
              clientId, secret, REDIRECT, http.createCode(clientId, REDIRECT).text("code"));

      assertThat(current)
          .allSatisfy(
              answer -> {
                assertThat(answer.status()).isEqualTo(404);
                assertThat(answer.text("subCategory")).isEqualTo("VERSION_SUNSET");
                assertThat(answer.text("message"))
                    .contains("The OAuth API version 2026-03 is no longer served");
              });
      assertThat(v1.status()).isEqualTo(200);
    }
  }
}
