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
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs a stack README's two examples against WireMock (the token-provider example, then a call to
 * another HubSpot API with the stack's bearer-token support) and checks that the README shows
 * exactly the code the subclass runs, marked with {@code // README:begin} and {@code //
 * README:end}; the first block starts with its imports, those of {@link #exampleWithImports()}. A
 * stack subclasses this in {@code src/test/java} with its two examples.
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

  /**
   * Runs the README's first example.
   *
   * @return what introspection said about the access token
   */
  protected abstract Object runExample(
      String baseUrl, Function<String, String> environment, TokenStore store);

  /**
   * Returns the class holding the README's first example with exactly the imports the README shows
   * above it, so that the block compiles as written.
   */
  protected abstract Class<?> exampleWithImports();

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
  void whenTheReadmeExampleRunsThenItRefreshesOnceAndIntrospectsOn2026() {
    HUBSPOT.stubFor(
        post(urlEqualTo(INTROSPECT_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(SpecExamples.DATED.json("AccessTokenIntrospectionExample"))));
    TokenStore store = new TokenStore();

    Object metadata = runExample(HUBSPOT.baseUrl(), ENVIRONMENT::get, store);

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
    ReadmeBlocks.assertShowsSnippetsOf(Path.of("README.md"), exampleWithImports(), getClass(), 3);
  }
}
