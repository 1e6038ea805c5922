package dev.oauthkit.hubspot.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.sandbox.testing.InProcessSandbox;
import dev.oauthkit.hubspot.sandbox.testing.PostgresServer;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp.Answer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NUL character (U+0000), which PostgreSQL cannot store or compare, in a field a request names is
 * the client's mistake on every store: the operation's 400 or 401, never a 500, on the store that
 * would have failed on it.
 */
class NulCharacterTest {

  @TempDir static Path temp;
  private static InProcessSandbox sandbox;
  private static SandboxHttp http;

  @BeforeAll
  static void start() {
    PostgresServer.Database database = PostgresServer.shared().newDatabase("nul");
    sandbox =
        InProcessSandbox.start(
            temp,
            "--store=postgres",
            "--jdbc-url=" + database.jdbcUrl(),
            "--db-user=" + database.user(),
            "--db-password=" + database.password());
    http = sandbox.http();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void whenAClientIdHoldsANulThenTheTokenAndIntrospectCallsAnswer401() {
    Answer v1 =
        http.form(
            "/oauth/v1/token",
            Map.of(
                "grant_type", "refresh_token",
                "client_id", "abc\u0000",
                "client_secret", "s",
                "refresh_token", "r"));
    Answer introspect =
        http.form(
            "/oauth/2026-03/token/introspect",
            Map.of("client_id", "a\u0000", "client_secret", "s", "token", "t"));

    assertThat(v1.status()).as(v1.body()).isEqualTo(401);
    assertThat(introspect.status()).as(introspect.body()).isEqualTo(401);
  }

  @Test
  void whenTheAuthorizeLinksClientIdHoldsANulThenTheErrorPage() {
    Answer page =
        http.get(
            "/oauth/authorize?client_id=a%00b&scope=oauth"
                + "&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcb&state=s");

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.header("Content-Type")).startsWith("text/html");
  }

  @Test
  void whenAnAdminFieldHoldsANulThenA400NamesIt() {
    Answer app =
        http.adminPost(
            "/sandbox/v1/apps",
            "{\"name\":\"a\\u0000b\",\"redirect_uris\":[\"http://localhost:3000/cb\"],"
                + "\"scopes\":[\"oauth\"]}");
    Answer created =
        http.adminPost(
            "/sandbox/v1/apps",
            "{\"name\":\"ok\",\"redirect_uris\":[\"http://localhost:3000/cb\"],"
                + "\"scopes\":[\"oauth\"]}");
    String code =
        "{\"client_id\":\""
            + created.text("client_id")
            + "\",\"redirect_uri\":\"http://localhost:3000/cb\"";
    Answer user =
        http.adminPost("/sandbox/v1/authorization-codes", code + ",\"user\":\"a\\u0000@x\"}");
    Answer domain =
        http.adminPost("/sandbox/v1/authorization-codes", code + ",\"hub_domain\":\"a\\u0000\"}");

    assertThat(app.status()).as(app.body()).isEqualTo(400);
    assertThat(app.body()).contains("\"name\"");
    assertThat(user.status()).as(user.body()).isEqualTo(400);
    assertThat(user.body()).contains("\"user\"");
    assertThat(domain.status()).as(domain.body()).isEqualTo(400);
    assertThat(domain.body()).contains("\"hub_domain\"");
  }
}
