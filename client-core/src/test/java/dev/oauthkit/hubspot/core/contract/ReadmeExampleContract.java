package dev.oauthkit.hubspot.core.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.oauthkit.hubspot.core.ActiveAccessToken;
import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.testing.ReadmeBlocks;
import dev.oauthkit.hubspot.core.testing.SpecExamples;
import dev.oauthkit.hubspot.core.testing.WireMockHubSpot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs a stack README's two examples against WireMock (the token-provider example, then a call to
 * another HubSpot API with the stack's bearer-token support) and checks that the README shows
 * exactly the code the subclass runs, marked with {@code // README:begin} and {@code //
 * README:end}. The first block ("Pick your stack") is compiled as written, its imports at the top
 * and its statements in a method, and run, as examples-it does; so it needs no copy in the stack's
 * tests. A stack nests a subclass in its contract test with its two other examples.
 */
public abstract class ReadmeExampleContract {

  /** The WireMock HubSpot; any request without a stub fails the test. */
  @RegisterExtension protected static final WireMockExtension HUBSPOT = WireMockHubSpot.strict();

  /** The environment the examples read their credentials from. */
  protected static final Map<String, String> ENVIRONMENT =
      Map.of(
          "HUBSPOT_CLIENT_ID", "readme-client",
          "HUBSPOT_CLIENT_SECRET", "readme-secret",
          "HUBSPOT_REFRESH_TOKEN", "readme-refresh");

  private static final String CONTACTS_PATH = "/crm/v3/objects/contacts";
  private static final String TOKEN_PATH = "/oauth/" + ApiVersion.newest() + "/token";
  private static final String INTROSPECT_PATH =
      "/oauth/" + ApiVersion.newest() + "/token/introspect";
  private static final String JOURNAL_PATH = "/webhooks-journal/example";

  /** Where the example persists rotated refresh tokens. */
  public static final class TokenStore {
    final List<String> saved = new ArrayList<>();

    /** Keeps {@code refreshToken}. */
    public void save(String refreshToken) {
      saved.add(refreshToken);
    }
  }

  /** Runs the README's second example, {@code GET /crm/v3/objects/contacts} with a bearer token. */
  protected abstract void runBearerExample(String baseUrl, OAuthCredentials credentials)
      throws IOException;

  /**
   * Runs the README's third example: a client-credentials token provider (2026-03) putting the
   * app's token on a call to {@code journalUrl}.
   */
  protected abstract void runClientCredentialsExample(
      String baseUrl, String journalUrl, OAuthCredentials credentials) throws IOException;

  @BeforeEach
  void stubHubSpot() {
    ObjectNode token = (ObjectNode) SpecExamples.DATED.node("AccessTokenResponseExample");
    token.put("access_token", "readme-access").put("refresh_token", "readme-rotated");
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(token.toString())));
  }

  @Test
  void whenTheReadmeExampleRunsThenItRefreshesOnceAndIntrospectsOn2026() throws Exception {
    HUBSPOT.stubFor(
        post(urlEqualTo(INTROSPECT_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(SpecExamples.DATED.json("AccessTokenIntrospectionExample"))));
    TokenStore store = new TokenStore();

    Object metadata = runFirstBlock(Path.of("README.md"), HUBSPOT.baseUrl(), store);

    assertThat(metadata)
        .isInstanceOfSatisfying(
            ActiveAccessToken.class,
            token -> {
              assertThat(token.hubId()).isEqualTo(62515);
              assertThat(token.scopes()).containsExactly("oauth", "crm.objects.contacts.read");
            });
    assertThat(store.saved).containsExactly("readme-rotated");
    HUBSPOT.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    HUBSPOT.verify(1, postRequestedFor(urlEqualTo(INTROSPECT_PATH)));
  }

  @Test
  void whenTheReadmeBearerExampleRunsThenContactsGetsTheFreshToken() throws IOException {
    HUBSPOT.stubFor(
        get(urlEqualTo(CONTACTS_PATH))
            .withHeader("Authorization", equalTo("Bearer readme-access"))
            .willReturn(aResponse().withStatus(200).withBody("{\"results\":[]}")));

    runBearerExample(HUBSPOT.baseUrl(), OAuthCredentials.fromEnvironment(ENVIRONMENT::get));

    HUBSPOT.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    HUBSPOT.verify(1, getRequestedFor(urlEqualTo(CONTACTS_PATH)));
  }

  @Test
  void whenTheReadmeClientCredentialsExampleRunsThenTheJournalGetsTheAppsToken()
      throws IOException {
    ObjectNode token =
        (ObjectNode) SpecExamples.DATED.node("ClientCredentialsTokenResponseExample");
    token.put("access_token", "readme-app-token");
    HUBSPOT.stubFor(
        post(urlEqualTo(TOKEN_PATH))
            .atPriority(1)
            .withRequestBody(containing("grant_type=client_credentials"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(token.toString())));
    HUBSPOT.stubFor(
        get(urlEqualTo(JOURNAL_PATH))
            .withHeader("Authorization", equalTo("Bearer readme-app-token"))
            .willReturn(aResponse().withStatus(200).withBody("{}")));

    runClientCredentialsExample(
        HUBSPOT.baseUrl(),
        HUBSPOT.baseUrl() + JOURNAL_PATH,
        OAuthCredentials.of("readme-client", "readme-secret"));

    HUBSPOT.verify(
        1,
        postRequestedFor(urlEqualTo(TOKEN_PATH))
            .withRequestBody(containing("scope=developer.webhooks_journal.read")));
    HUBSPOT.verify(1, getRequestedFor(urlEqualTo(JOURNAL_PATH)));
  }

  @Test
  void whenTheReadmeIsReadThenItsJavaBlocksAreTheCodeThisTestRuns() {
    ReadmeBlocks.assertShowsSnippetsAfterFirstOf(Path.of("README.md"), getClass(), 3);
  }

  /**
   * Compiles the README's first block as written (its imports at the top, its statements in a
   * method returning {@code metadata}) against the test class path, and runs it.
   */
  private static Object runFirstBlock(Path readme, String baseUrl, TokenStore store)
      throws Exception {
    List<String> lines = ReadmeBlocks.firstJavaBlockLines(readme);
    List<String> imports = lines.stream().filter(line -> line.startsWith("import ")).toList();
    assertThat(imports).as("imports of the first block of " + readme).isNotEmpty();
    String source =
        "package readme;\n"
            + String.join("\n", imports)
            + "\npublic final class PickYourStack {\n"
            + "  public static Object example(String baseUrl,"
            + " java.util.function.Function<String, String> environment, "
            + TokenStore.class.getCanonicalName()
            + " store) {\n"
            + String.join("\n", lines.stream().filter(line -> !imports.contains(line)).toList())
            + "\n    return metadata;\n  }\n}\n";
    Path classes = Files.createTempDirectory("readme-example");
    Path file = Files.createDirectories(classes.resolve("readme")).resolve("PickYourStack.java");
    Files.writeString(file, source);
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                errors,
                errors,
                "-proc:none",
                "-classpath",
                classPath,
                "-d",
                classes.toString(),
                file.toString());
    assertThat(status).as("the first block of %s compiles as written: %s", readme, errors).isZero();
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, ReadmeExampleContract.class.getClassLoader())) {
      Function<String, String> environment = ENVIRONMENT::get;
      return loader
          .loadClass("readme.PickYourStack")
          .getMethod("example", String.class, Function.class, TokenStore.class)
          .invoke(null, baseUrl, environment, store);
    }
  }
}
