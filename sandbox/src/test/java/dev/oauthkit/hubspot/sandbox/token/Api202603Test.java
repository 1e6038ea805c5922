package dev.oauthkit.hubspot.sandbox.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.api.ApiVersions;
import dev.oauthkit.hubspot.sandbox.testing.InProcessSandbox;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp.Answer;
import dev.oauthkit.hubspot.sandbox.testing.SpecSchemas;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 2026-03 API over HTTP, in-process: token, introspect and revoke answer as the 2026-03
 * document says, and the two versions share one store (a token of either version introspects and
 * revokes through the other).
 */
class Api202603Test {

  private static final String TOKEN = "/oauth/2026-03/token";
  private static final String INTROSPECT = "/oauth/2026-03/token/introspect";
  private static final String REVOKE = "/oauth/2026-03/token/revoke";
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

  @Test
  void whenACodeIsExchangedOn202603ThenTheAnswerIsAnAccessTokenResponseReadableOnV1() {
    Answer tokens = exchange202603();

    assertThat(tokens.status()).isEqualTo(200);
    assertValid("CreateTokenResponse", tokens);
    assertThat(tokens.text("token_use")).isEqualTo("access_token");
    assertThat(tokens.json().path("expires_in").asLong()).isEqualTo(1800);
    assertThat(tokens.json().path("scopes").isArray()).isTrue();
    assertThat(http.get("/oauth/v1/access-tokens/" + tokens.text("access_token")).status())
        .isEqualTo(200);
    Answer refreshed = http.form(TOKEN, refresh(tokens.text("refresh_token")));
    assertThat(refreshed.status()).isEqualTo(200);
    assertValid("CreateTokenResponse", refreshed);
  }

  @Test
  void whenARefreshTokenIsUsedOnAnyDateVersionThenTheAnswerCarriesTheGrantAsTheExchangeDoes()
      throws Exception {
    for (String version : ApiVersions.packaged().dated()) {
      Answer tokens = exchange202603();

      Answer refreshed =
          http.form("/oauth/" + version + "/token", refresh(tokens.text("refresh_token")));

      assertThat(refreshed.status()).as(version).isEqualTo(200);
      assertValid("CreateTokenResponse", refreshed);
      for (String field : List.of("hub_id", "user_id", "scopes", "token_use")) {
        assertThat(refreshed.json().path(field)).as(version + " " + field).isNotNull();
        assertThat(refreshed.json().path(field).isMissingNode())
            .as(version + " " + field)
            .isFalse();
        assertThat(refreshed.json().path(field))
            .as(version + " " + field)
            .isEqualTo(tokens.json().path(field));
      }
    }
    try (InProcessSandbox rotating =
        InProcessSandbox.start(temp.resolve("rotating"), "--rotate-refresh-tokens")) {
      SandboxHttp rotatingHttp = rotating.http();
      Answer app = rotatingHttp.createApp(REDIRECT);
      Map<String, String> code = new LinkedHashMap<>();
      code.put("grant_type", "authorization_code");
      code.put("client_id", app.text("client_id"));
      code.put("client_secret", app.text("client_secret"));
      code.put("redirect_uri", REDIRECT);
      code.put("code", rotatingHttp.createCode(app.text("client_id"), REDIRECT).text("code"));
      Answer tokens = rotatingHttp.form(TOKEN, code);
      Map<String, String> refresh = new LinkedHashMap<>();
      refresh.put("grant_type", "refresh_token");
      refresh.put("client_id", app.text("client_id"));
      refresh.put("client_secret", app.text("client_secret"));
      refresh.put("refresh_token", tokens.text("refresh_token"));

      Answer rotated = rotatingHttp.form(TOKEN, refresh);

      assertThat(rotated.text("refresh_token")).isNotEqualTo(tokens.text("refresh_token"));
      assertThat(rotated.json().path("hub_id")).isEqualTo(tokens.json().path("hub_id"));
      assertThat(rotated.json().path("scopes")).isEqualTo(tokens.json().path("scopes"));
    }
  }

  @Test
  void whenAV1TokenIsIntrospectedOn202603ThenItsRecordIsActive() {
    Answer v1 =
        http.exchange(clientId, secret, REDIRECT, http.createCode(clientId, REDIRECT).text("code"));

    Answer access = http.form(INTROSPECT, introspect(v1.text("access_token")));
    Answer refresh = http.form(INTROSPECT, introspect(v1.text("refresh_token")));

    assertThat(access.status()).isEqualTo(200);
    assertValid("TokenIntrospection", access);
    assertThat(access.json().path("active").asBoolean()).isTrue();
    assertThat(access.text("token_use")).isEqualTo("access_token");
    assertThat(access.json().path("expires_in").asLong()).isBetween(1L, 1800L);
    assertThat(access.text("client_id")).isEqualTo(clientId);
    assertValid("TokenIntrospection", refresh);
    assertThat(refresh.text("token_use")).isEqualTo("refresh_token");
    assertThat(refresh.json().has("expires_in")).isFalse();
  }

  @Test
  void whenRevokedOn202603ThenV1AndIntrospectionSeeItGone() {
    Answer tokens = exchange202603();

    Answer revoked = http.form(REVOKE, introspect(tokens.text("refresh_token")));

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.body()).isEmpty();
    assertThat(http.get("/oauth/v1/refresh-tokens/" + tokens.text("refresh_token")).status())
        .isEqualTo(401);
    assertThat(http.get("/oauth/v1/access-tokens/" + tokens.text("access_token")).status())
        .isEqualTo(401);
    Answer after = http.form(INTROSPECT, introspect(tokens.text("access_token")));
    assertThat(after.body()).isEqualTo("{\"active\":false}");
    assertValid("TokenIntrospection", after);
  }

  @Test
  void whenRevokedOnV1Then202603IntrospectionSaysInactive() {
    Answer tokens = exchange202603();

    assertThat(http.delete("/oauth/v1/refresh-tokens/" + tokens.text("refresh_token")).status())
        .isEqualTo(204);

    Answer after = http.form(INTROSPECT, introspect(tokens.text("refresh_token")));
    assertThat(after.json().path("active").asBoolean()).isFalse();
  }

  @Test
  void whenTheTokenIsUnknownOrAnotherClientsThenIntrospectionIsInactiveAndRevokeStill200() {
    Answer other = http.createApp(REDIRECT);
    Answer tokens = exchange202603();
    Map<String, String> asOther = introspect(tokens.text("access_token"));
    asOther.put("client_id", other.text("client_id"));
    asOther.put("client_secret", other.text("client_secret"));

    assertThat(http.form(INTROSPECT, introspect("unknown-token")).body())
        .isEqualTo("{\"active\":false}");
    assertThat(http.form(INTROSPECT, asOther).json().path("active").asBoolean()).isFalse();
    assertThat(http.form(REVOKE, introspect("unknown-token")).status()).isEqualTo(200);
    assertThat(http.form(REVOKE, asOther).status()).isEqualTo(200);
    assertThat(http.form(INTROSPECT, introspect(tokens.text("access_token"))).text("token_use"))
        .isEqualTo("access_token");
  }

  @Test
  void whenCredentialsAreWrongOrFieldsMissingThenTheDocumentedErrors() {
    Map<String, String> wrong = introspect("t");
    wrong.put("client_secret", "wrong");
    Answer unauthorized = http.form(INTROSPECT, wrong);
    Answer missing = http.form(REVOKE, Map.of("client_id", clientId));

    assertThat(unauthorized.status()).isEqualTo(401);
    assertValid("Error", unauthorized);
    assertThat(unauthorized.text("error")).isEqualTo("invalid_client");
    assertThat(missing.status()).isEqualTo(400);
    assertValid("Error", missing);
    assertThat(missing.body()).contains("client_secret", "token");
  }

  @Test
  void whenAnAppRegisteredForClientCredentialsAsksThenItGetsATokenWithoutARefreshToken() {
    Answer app =
        http.adminPost(
            "/sandbox/v1/apps",
            "{\"name\":\"journal\",\"redirect_uris\":[\""
                + REDIRECT
                + "\"],\"scopes\":[\"developer.webhooks_journal.read\"],"
                + "\"client_credentials\":true}");
    assertThat(app.json().path("client_credentials").asBoolean()).isTrue();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", app.text("client_id"));
    form.put("client_secret", app.text("client_secret"));
    form.put("scope", "developer.webhooks_journal.read");

    Answer token = http.form(TOKEN, form);

    assertThat(token.status()).isEqualTo(200);
    assertValid("CreateTokenResponse", token);
    assertThat(token.text("token_use")).isEqualTo("client_credentials");
    assertThat(token.json().has("refresh_token")).isFalse();
    Map<String, String> introspect = new LinkedHashMap<>(form);
    introspect.remove("grant_type");
    introspect.remove("scope");
    introspect.put("token", token.text("access_token"));
    Answer record = http.form(INTROSPECT, introspect);
    assertValid("TokenIntrospection", record);
    assertThat(record.json().path("active").asBoolean()).isTrue();
    assertThat(record.json().path("scopes").get(0).asString())
        .isEqualTo("developer.webhooks_journal.read");
  }

  @Test
  void whenAClientCredentialsTokenIsRevokedThenItIsInactiveOnBothVersions() {
    Answer app =
        http.adminPost(
            "/sandbox/v1/apps",
            "{\"name\":\"revocable\",\"redirect_uris\":[\""
                + REDIRECT
                + "\"],\"scopes\":[\"oauth\"],\"client_credentials\":true}");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", app.text("client_id"));
    form.put("client_secret", app.text("client_secret"));
    form.put("scope", "oauth");
    String token = http.form(TOKEN, form).text("access_token");
    Map<String, String> tokenForm = new LinkedHashMap<>(form);
    tokenForm.remove("grant_type");
    tokenForm.remove("scope");
    tokenForm.put("token", token);
    assertThat(http.form(INTROSPECT, tokenForm).json().path("active").asBoolean()).isTrue();

    Answer revoked = http.form(REVOKE, tokenForm);

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(http.form(INTROSPECT, tokenForm).json().path("active").asBoolean()).isFalse();
    assertThat(http.get("/oauth/v1/access-tokens/" + token).status()).isEqualTo(401);
  }

  @Test
  void whenACodeWithoutAChallengeComesWithACodeVerifierThenItIs400AndTheCodeStaysUsable() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", clientId);
    form.put("client_secret", secret);
    form.put("redirect_uri", REDIRECT);
    form.put("code", http.createCode(clientId, REDIRECT).text("code"));
    form.put("code_verifier", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

    Answer downgraded = http.form(TOKEN, form);
    form.remove("code_verifier");
    Answer plain = http.form(TOKEN, form);

    assertThat(downgraded.status()).isEqualTo(400);
    assertThat(downgraded.text("status")).isEqualTo("BAD_CODE_VERIFIER");
    assertValid("Error", downgraded);
    assertThat(plain.status()).isEqualTo(200);
  }

  @Test
  void whenClientCredentialsAreNotAllowedThenTheDocumentedErrors() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", clientId);
    form.put("client_secret", secret);
    form.put("scope", "oauth");

    Answer notRegistered = http.form(TOKEN, form);
    Answer onV1 = http.token(form);

    assertThat(notRegistered.status()).isEqualTo(400);
    assertThat(notRegistered.text("error")).isEqualTo("unauthorized_client");
    assertValid("Error", notRegistered);
    assertThat(onV1.status()).isEqualTo(400);
    assertThat(onV1.text("error")).isEqualTo("unsupported_grant_type");
  }

  @Test
  void whenTheCodeCarriesAPkceChallengeThenOnlyTheMatchingVerifierExchangesIt() {
    String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    Answer code =
        http.adminPost(
            "/sandbox/v1/authorization-codes",
            "{\"client_id\":\""
                + clientId
                + "\",\"redirect_uri\":\""
                + REDIRECT
                + "\",\"code_challenge\":\""
                + challenge
                + "\"}");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", clientId);
    form.put("client_secret", secret);
    form.put("redirect_uri", REDIRECT);
    form.put("code", code.text("code"));

    Answer without = http.form(TOKEN, form);
    form.put("code_verifier", verifier.replace('d', 'e'));
    Answer wrong = http.form(TOKEN, form);
    form.put("code_verifier", verifier);
    Answer right = http.form(TOKEN, form);

    assertThat(without.status()).isEqualTo(400);
    assertThat(without.text("status")).isEqualTo("BAD_CODE_VERIFIER");
    assertValid("Error", without);
    assertThat(wrong.text("status")).isEqualTo("BAD_CODE_VERIFIER");
    assertThat(right.status()).isEqualTo(200);
    assertValid("CreateTokenResponse", right);
  }

  @Test
  void whenTheConsentLinkCarriesAPkceChallengeThenTheApprovedCodeNeedsTheVerifier() {
    String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    String query =
        "client_id="
            + clientId
            + "&scope=oauth%20crm.objects.contacts.read&redirect_uri="
            + SandboxHttp.encode(REDIRECT)
            + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
            + "&code_challenge_method=S256";
    Answer page = http.get("/oauth/authorize?" + query);
    assertThat(page.body()).contains("name=\"code_challenge\"");
    Answer approved =
        http.send(
            java.net.http.HttpRequest.newBuilder(http.uri("/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        query + "&decision=approve&csrf_token=" + SandboxHttp.csrfToken(page))));
    String location = approved.header("Location");
    String code = location.substring(location.indexOf("code=") + 5);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", clientId);
    form.put("client_secret", secret);
    form.put("redirect_uri", REDIRECT);
    form.put("code", code);

    assertThat(http.form(TOKEN, form).text("status")).isEqualTo("BAD_CODE_VERIFIER");
    form.put("code_verifier", verifier);
    assertThat(http.form(TOKEN, form).status()).isEqualTo(200);
    assertThat(http.get("/oauth/authorize?" + query.replace("S256", "plain")).status())
        .isEqualTo(400);
  }

  private static Answer exchange202603() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", clientId);
    form.put("client_secret", secret);
    form.put("redirect_uri", REDIRECT);
    form.put("code", http.createCode(clientId, REDIRECT).text("code"));
    return http.form(TOKEN, form);
  }

  private static Map<String, String> refresh(String refreshToken) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("client_id", clientId);
    form.put("client_secret", secret);
    form.put("refresh_token", refreshToken);
    return form;
  }

  private static Map<String, String> introspect(String token) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", clientId);
    form.put("client_secret", secret);
    form.put("token", token);
    return form;
  }

  private static void assertValid(String schema, Answer answer) {
    assertThat(SpecSchemas.hubspot202603().validate(schema, answer.body()))
        .as(schema + ": " + answer.body())
        .isEmpty();
  }
}
