package dev.oauthkit.hubspot.feign.examples;

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
import dev.oauthkit.hubspot.feign.client.HubSpotOAuthFeignClient;
import dev.oauthkit.hubspot.feign.model.AccessTokenMetadata;
import feign.Feign;
import feign.RequestLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the README's examples against WireMock, checks the README shows exactly this code, and that
 * its first example is client-retrofit's but for the builder line.
 */
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
        HubSpotOAuthFeignClient.builder()
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

  static void bearerExample(HubSpotOAuthFeignClient hubspot, String baseUrl) {
    // README:begin
    interface Contacts {
      @RequestLine("GET /crm/v3/objects/contacts")
      String list();
    }

    Contacts contacts =
        Feign.builder()
            .requestInterceptor(hubspot.bearerInterceptor()) // a fresh token on every call
            .addCapability(hubspot.unauthorizedRetry()) // on 401: one refresh, one retry
            .target(Contacts.class, baseUrl);
    System.out.println("contacts: " + contacts.list());
    // README:end
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
  void whenTheReadmeBearerExampleRunsThenContactsGetsTheFreshToken() {
    HUBSPOT.stubFor(
        get(urlEqualTo("/crm/v3/objects/contacts"))
            .withHeader("Authorization", equalTo("Bearer readme-access"))
            .willReturn(aResponse().withStatus(200).withBody("{\"results\":[]}")));
    HubSpotOAuthFeignClient hubspot =
        HubSpotOAuthFeignClient.builder()
            .baseUrl(HUBSPOT.baseUrl())
            .credentials(OAuthCredentials.fromEnvironment(ENVIRONMENT::get))
            .build();

    bearerExample(hubspot, HUBSPOT.baseUrl());

    HUBSPOT.verify(1, postRequestedFor(urlEqualTo("/oauth/v1/token")));
    HUBSPOT.verify(1, getRequestedFor(urlEqualTo("/crm/v3/objects/contacts")));
  }

  @Test
  void whenTheReadmeIsReadThenItsJavaBlocksAreTheCodeThisTestRuns() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/dev/oauthkit/hubspot/feign/examples/ReadmeExampleTest.java"));

    assertThat(javaBlocks(Files.readString(Path.of("README.md"))))
        .isEqualTo(snippets(source))
        .hasSize(2);
  }

  @Test
  void whenBothReadmesAreReadThenTheirFirstExamplesDifferOnlyInTheBuilderLine() throws IOException {
    List<String> feign = firstJavaBlockLines(Path.of("README.md"));
    List<String> retrofit = firstJavaBlockLines(Path.of("../client-retrofit/README.md"));

    assertThat(feign).hasSameSizeAs(retrofit).hasSizeBetween(10, 15);
    List<String> differing = new ArrayList<>();
    for (int i = 0; i < feign.size(); i++) {
      if (!feign.get(i).equals(retrofit.get(i))) {
        differing.add(retrofit.get(i) + " | " + feign.get(i));
      }
    }
    assertThat(differing)
        .containsExactly(
            "    HubSpotOAuthRetrofitClient.builder() |     HubSpotOAuthFeignClient.builder()");
  }

  private static List<String> firstJavaBlockLines(Path readme) throws IOException {
    Matcher block =
        Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(readme));
    assertThat(block.find()).as(readme + " has a ```java block").isTrue();
    return block.group(1).lines().toList();
  }

  /** The README's ```java blocks, whitespace-normalized, in order. */
  private static List<String> javaBlocks(String readme) {
    List<String> blocks = new ArrayList<>();
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    while (block.find()) {
      blocks.add(normalized(block.group(1)));
    }
    return blocks;
  }

  /** The code between each begin and end marker in {@code source}, normalized, in order. */
  private static List<String> snippets(String source) {
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
