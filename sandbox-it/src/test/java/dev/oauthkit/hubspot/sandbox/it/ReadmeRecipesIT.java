package dev.oauthkit.hubspot.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp;
import dev.oauthkit.hubspot.sandbox.testing.SandboxHttp.Answer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox README's curl walkthrough and CI recipe, run as written: their first {@code ```sh}
 * blocks are read from README.md and run with bash, so the README and this test cannot drift. The
 * recipe starts the built jar with v1 switched off ({@code SANDBOX_DISABLE_V1=true} in its
 * environment); the walkthrough then runs against that sandbox. A fake server whose answers lack
 * the refresh token shows that both blocks stop instead of going on with an empty value.
 */
class ReadmeRecipesIT {

  private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
  private static final String ADMIN_KEY = "ci-admin-key";
  private static final String EXPORTS =
      "printenv HUBSPOT_BASE_URL HUBSPOT_CLIENT_ID HUBSPOT_CLIENT_SECRET HUBSPOT_REFRESH_TOKEN\n";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Path work;
  private static int port;
  private static Run recipe;

  /**
   * The version the README's blocks call: the newest the sandbox serves, the last of its health's
   * {@code api_versions} (as the blocks find it).
   */
  private static String newest;

  @BeforeAll
  static void runTheCiRecipe() throws Exception {
    work =
        Path.of(System.getProperty("sandbox.it.dir", "target/it"), "readme-" + System.nanoTime());
    Files.createDirectories(work);
    Files.createSymbolicLink(
        work.resolve("hubspot-oauth-sandbox.jar"),
        Path.of(System.getProperty("sandbox.jar")).toAbsolutePath());
    port = freePort();
    recipe =
        bash(
            firstBlock("In a CI pipeline") + EXPORTS,
            Map.of(
                "SANDBOX_PORT", String.valueOf(port),
                "RUNNER_TEMP", work.toString(),
                "SANDBOX_DISABLE_V1", "true"));
    if (recipe.exit() == 0) {
      JsonNode versions =
          SandboxHttp.on(port, ADMIN_KEY).get("/sandbox/v1/health").json().path("api_versions");
      newest = versions.path(versions.size() - 1).asString();
    }
  }

  @AfterAll
  static void stopTheSandbox() throws Exception {
    stop(work);
  }

  @Test
  void whenTheCiRecipeRunsWithV1OffThenItExportsCredentialsThatRefreshThroughTheDateVersion() {
    assertThat(recipe.exit()).as(recipe.output() + log()).isZero();
    List<String> lines = recipe.output().lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).contains("\"status\":\"UP\"");
    List<String> exported = lines.subList(1, 5);
    assertThat(exported).allSatisfy(value -> assertThat(value).isNotBlank());
    assertThat(exported.get(0)).isEqualTo("http://127.0.0.1:" + port);
    assertThat(newest).as("the newest version served, with v1 off").matches("\\d{4}-\\d{2}");

    SandboxHttp http = SandboxHttp.on(port, ADMIN_KEY);
    Answer refreshed =
        http.form(
            "/oauth/" + newest + "/token",
            Map.of(
                "grant_type", "refresh_token",
                "client_id", exported.get(1),
                "client_secret", exported.get(2),
                "refresh_token", exported.get(3)));
    assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
    assertThat(refreshed.text("access_token")).isNotBlank();
    assertThat(http.get("/oauth/v1/refresh-tokens/" + exported.get(3)).status()).isEqualTo(404);
    assertThat(log())
        .contains("POST /oauth/" + newest + "/token 200")
        .doesNotContain("/oauth/v1/token")
        .doesNotContain(ADMIN_KEY)
        .doesNotContain(exported.get(3));
  }

  @Test
  void whenTheCurlWalkthroughRunsWithV1OffThenEveryStepAnswersAndTheTokenEndsInactive()
      throws Exception {
    assertThat(recipe.exit()).as("the CI recipe started the sandbox").isZero();

    Run flow = bash(firstBlock("The whole flow with curl"), walkthroughEnvironment(ADMIN_KEY));

    assertThat(flow.exit()).as(flow.output()).isZero();
    List<String> lines = flow.output().lines().toList();
    assertThat(lines).hasSize(6);
    JsonNode app = JSON.readTree(lines.get(0));
    JsonNode tokens = JSON.readTree(lines.get(1));
    JsonNode active = JSON.readTree(lines.get(2));
    JsonNode refreshed = JSON.readTree(lines.get(3));
    assertThat(app.path("client_id").asString()).isNotBlank();
    assertThat(tokens.path("token_use").asString()).isEqualTo("access_token");
    assertThat(tokens.path("access_token").asString()).isNotBlank();
    assertThat(tokens.path("refresh_token").asString()).isNotBlank();
    assertThat(active.path("active").asBoolean()).isTrue();
    assertThat(active.path("hub_id").asLong()).isEqualTo(62515);
    assertThat(active.path("client_id").asString()).isEqualTo(app.path("client_id").asString());
    assertThat(refreshed.path("refresh_token").asString())
        .isEqualTo(tokens.path("refresh_token").asString());
    assertThat(refreshed.path("access_token").asString())
        .isNotBlank()
        .isNotEqualTo(tokens.path("access_token").asString());
    assertThat(lines.get(4)).isEqualTo("200");
    assertThat(lines.get(5)).isEqualTo("{\"active\":false}");
    assertThat(log()).contains("POST /oauth/" + newest + "/token/revoke 200");
  }

  @Test
  void whenTheAdminKeyIsWrongThenTheWalkthroughStopsAtItsFirstCall() throws Exception {
    assertThat(recipe.exit()).as("the CI recipe started the sandbox").isZero();

    Run flow = bash(firstBlock("The whole flow with curl"), walkthroughEnvironment("wrong-key"));

    assertThat(flow.exit()).isNotZero();
    assertThat(flow.output()).contains("401").doesNotContain("{");
  }

  @Test
  void whenAnAnswerLacksTheRefreshTokenThenTheRecipeAndTheWalkthroughFailNamingIt()
      throws Exception {
    HttpServer fake = fakeSandboxWithoutRefreshTokens();
    Path fakeWork = Files.createDirectories(work.resolve("fake"));
    Files.createSymbolicLink(
        fakeWork.resolve("hubspot-oauth-sandbox.jar"), work.resolve("hubspot-oauth-sandbox.jar"));
    String fakePort = String.valueOf(fake.getAddress().getPort());
    try {
      Run ci =
          bash(
              firstBlock("In a CI pipeline") + EXPORTS,
              fakeWork,
              Map.of("SANDBOX_PORT", fakePort, "RUNNER_TEMP", fakeWork.toString()));
      Run flow =
          bash(
              firstBlock("The whole flow with curl"),
              work,
              Map.of("SANDBOX_PORT", fakePort, "SANDBOX_ADMIN_KEY", ADMIN_KEY));

      assertThat(ci.exit()).as(ci.output()).isNotZero();
      assertThat(ci.output())
          .contains("REFRESH: no refresh_token in the answer")
          .doesNotContain("http://127.0.0.1:" + fakePort)
          .doesNotContain("client-secret");
      assertThat(flow.exit()).as(flow.output()).isNotZero();
      assertThat(flow.output()).contains("REFRESH: no refresh_token in the answer");
    } finally {
      stop(fakeWork);
      fake.stop(0);
    }
  }

  /** Answers like a sandbox whose token endpoint forgot the refresh token; {@code {}} elsewhere. */
  private static HttpServer fakeSandboxWithoutRefreshTokens() throws IOException {
    Map<String, String> answers =
        Map.of(
            "/sandbox/v1/health", "{\"status\":\"UP\",\"api_versions\":[\"2026-03\"]}",
            "/sandbox/v1/apps", "{\"client_id\":\"client-id\",\"client_secret\":\"client-secret\"}",
            "/sandbox/v1/authorization-codes", "{\"code\":\"code\"}",
            "/oauth/2026-03/token", "{\"access_token\":\"access\",\"token_type\":\"bearer\"}");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body =
              answers
                  .getOrDefault(exchange.getRequestURI().getPath(), "{}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static Map<String, String> walkthroughEnvironment(String adminKey) {
    return Map.of("SANDBOX_PORT", String.valueOf(port), "SANDBOX_ADMIN_KEY", adminKey);
  }

  /** The exit status and the output (stdout and stderr) of one bash run. */
  private record Run(int exit, String output) {}

  private static Run bash(String script, Map<String, String> environment) throws Exception {
    return bash(script, work, environment);
  }

  private static Run bash(String script, Path dir, Map<String, String> environment)
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
      return new Run(process.exitValue(), output);
    } finally {
      process.destroyForcibly();
    }
  }

  /** The first {@code ```sh} block of the README section with this heading. */
  private static String firstBlock(String heading) throws IOException {
    String readme =
        Files.readString(Path.of(System.getProperty("sandbox.readme", "../sandbox/README.md")));
    int start = readme.indexOf("\n## " + heading + "\n");
    assertThat(start).as("sandbox/README.md has a section \"%s\"", heading).isPositive();
    int end = readme.indexOf("\n## ", start + 1);
    Matcher block = SH_BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
    assertThat(block.find()).as("a ```sh block under \"%s\"", heading).isTrue();
    return block.group(1);
  }

  /** Stops the sandbox the recipe started in {@code dir} (its pid is in sandbox.pid). */
  private static void stop(Path dir) throws Exception {
    Path pidFile = dir.resolve("sandbox.pid");
    if (Files.exists(pidFile)) {
      ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
          .ifPresent(
              sandbox -> {
                sandbox.destroy();
                sandbox.onExit().orTimeout(30, TimeUnit.SECONDS).join();
              });
    }
  }

  private static String log() {
    try {
      return Files.readString(work.resolve("sandbox.log"));
    } catch (IOException e) {
      return "(no sandbox.log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
