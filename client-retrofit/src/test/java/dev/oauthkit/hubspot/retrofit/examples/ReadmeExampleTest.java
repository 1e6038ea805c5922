package dev.oauthkit.hubspot.retrofit.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.testing.SpecExamples;
import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;
import dev.oauthkit.hubspot.retrofit.model.AccessTokenMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the README's examples against WireMock, and checks the README shows exactly this code. */
class ReadmeExampleTest {

  @RegisterExtension
  static final WireMockExtension HUBSPOT =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort())
          .failOnUnmatchedRequests(true)
          .build();

  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "HUBSPOT_CLIENT_ID", "readme-client",
          "HUBSPOT_CLIENT_SECRET", "readme-secret",
          "HUBSPOT_REFRESH_TOKEN", "readme-refresh");

  /** Where the example persists rotated refresh tokens. */
  static final class TokenStore {
    final List<String> saved = new ArrayList<>();

    void save(String refreshToken) {
      saved.add(refreshToken);
    }
  }

  static AccessTokenMetadata example(
      String baseUrl, Function<String, String> environment, TokenStore store) {
    // README:begin
    OAuthCredentials credentials = OAuthCredentials.fromEnvironment(environment);
    var hubspot =
        HubSpotOAuthRetrofitClient.builder()
            .baseUrl(baseUrl) // leave out for https://api.hubapi.com
            .credentials(credentials)
            .tokenProviderOptions(
                TokenProviderOptions.builder()
                    .refreshTokenListener(c -> store.save(c.refreshToken().orElseThrow()))
                    .build())
            .build();
    AccessTokenMetadata metadata =
        hubspot.getAccessTokenMetadata(hubspot.tokenProvider().accessToken());
    System.out.println("hub " + metadata.getHubId() + " scopes " + metadata.getScopes());
    // README:end
    return metadata;
  }

  static int bearerExample(HubSpotOAuthRetrofitClient hubspot, String baseUrl) throws IOException {
    // README:begin
    OkHttpClient http =
        new OkHttpClient.Builder().addInterceptor(hubspot.bearerInterceptor()).build();
    Request contacts = new Request.Builder().url(baseUrl + "/crm/v3/objects/contacts").build();
    try (Response response = http.newCall(contacts).execute()) {
      System.out.println("contacts: HTTP " + response.code());
    }
    // README:end
    return HUBSPOT.findAll(getRequestedFor(urlEqualTo("/crm/v3/objects/contacts"))).size();
  }

  @BeforeEach
  void stubHubSpot() {
    ObjectNode token = (ObjectNode) SpecExamples.node("TokenResponseSuccessExample");
    token.put("access_token", "readme-access").put("refresh_token", "readme-rotated");
    HUBSPOT.stubFor(
        post(urlEqualTo("/oauth/v1/token"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(token.toString())));
  }

  @Test
  void whenTheReadmeExampleRunsThenItRefreshesOnceAndReadsMetadata() {
    HUBSPOT.stubFor(
        get(urlEqualTo("/oauth/v1/access-tokens/readme-access"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(SpecExamples.json("AccessTokenMetadataSuccessExample"))));
    TokenStore store = new TokenStore();

    AccessTokenMetadata metadata = example(HUBSPOT.baseUrl(), ENVIRONMENT::get, store);

    assertThat(metadata.getHubId()).isEqualTo(62515);
    assertThat(metadata.getScopes()).containsExactly("contacts", "content");
    assertThat(store.saved).containsExactly("readme-rotated");
    HUBSPOT.verify(1, postRequestedFor(urlEqualTo("/oauth/v1/token")));
    HUBSPOT.verify(1, getRequestedFor(urlEqualTo("/oauth/v1/access-tokens/readme-access")));
  }

  @Test
  void whenTheReadmeBearerExampleRunsThenContactsGetsTheFreshToken() throws IOException {
    HUBSPOT.stubFor(
        get(urlEqualTo("/crm/v3/objects/contacts"))
            .withHeader("Authorization", equalTo("Bearer readme-access"))
            .willReturn(aResponse().withStatus(200).withBody("{\"results\":[]}")));
    HubSpotOAuthRetrofitClient hubspot =
        HubSpotOAuthRetrofitClient.builder()
            .baseUrl(HUBSPOT.baseUrl())
            .credentials(OAuthCredentials.fromEnvironment(ENVIRONMENT::get))
            .build();

    assertThat(bearerExample(hubspot, HUBSPOT.baseUrl())).isEqualTo(1);
    HUBSPOT.verify(1, postRequestedFor(urlEqualTo("/oauth/v1/token")));
  }

  @Test
  void whenTheReadmeIsReadThenItsJavaBlocksAreTheCodeThisTestRuns() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/dev/oauthkit/hubspot/retrofit/examples/ReadmeExampleTest.java"));

    assertThat(javaBlocks(Files.readString(Path.of("README.md"))))
        .isEqualTo(snippets(source))
        .hasSize(2);
  }

  /** The README's ```java blocks, whitespace-normalized, in order. */
  static List<String> javaBlocks(String readme) {
    List<String> blocks = new ArrayList<>();
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    while (block.find()) {
      blocks.add(normalized(block.group(1)));
    }
    return blocks;
  }

  /** The code between each begin and end marker in {@code source}, normalized, in order. */
  static List<String> snippets(String source) {
    List<String> snippets = new ArrayList<>();
    Matcher snippet =
        Pattern.compile("// README:begin\\n(.*?)\\n\\s*// README:end", Pattern.DOTALL)
            .matcher(source);
    while (snippet.find()) {
      snippets.add(normalized(snippet.group(1)));
    }
    return snippets;
  }

  private static String normalized(String code) {
    return code.replaceAll("\\s+", " ").strip();
  }
}
