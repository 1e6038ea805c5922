package dev.oauthkit.hubspot.feign.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.contract.ReadmeExampleContract;
import dev.oauthkit.hubspot.core.testing.ReadmeBlocks;
import dev.oauthkit.hubspot.feign.client.BearerTokenInterceptor;
import dev.oauthkit.hubspot.feign.client.HubSpotOAuthFeignClient;
import feign.Feign;
import feign.RequestLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's examples against WireMock, checks the README shows exactly this code, and that
 * its first example is client-retrofit's but for the stack's class (its import and builder line).
 */
class ReadmeExampleTest extends ReadmeExampleContract {

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

  static void clientCredentialsExample(HubSpotOAuthFeignClient hubspot, String journalUrl) {
    // README:begin
    interface Journal {
      @RequestLine("GET")
      String read();
    }

    AccessTokenProvider app =
        hubspot.clientCredentialsTokenProvider(List.of("developer.webhooks_journal.read"));
    Journal journal =
        Feign.builder()
            .requestInterceptor(BearerTokenInterceptor.create(app, hubspot.allowedHosts()))
            .target(Journal.class, journalUrl);
    System.out.println("journal: " + journal.read());
    // README:end
  }

  @Override
  protected void runClientCredentialsExample(
      String baseUrl, String journalUrl, OAuthCredentials credentials) {
    clientCredentialsExample(
        HubSpotOAuthFeignClient.builder().baseUrl(baseUrl).credentials(credentials).build(),
        journalUrl);
  }

  @Override
  protected Object runExample(
      String baseUrl, Function<String, String> environment, TokenStore store) {
    return PickYourStack.example(baseUrl, environment, store);
  }

  @Override
  protected Class<?> exampleWithImports() {
    return PickYourStack.class;
  }

  @Override
  protected void runBearerExample(String baseUrl, OAuthCredentials credentials) {
    bearerExample(
        HubSpotOAuthFeignClient.builder().baseUrl(baseUrl).credentials(credentials).build(),
        baseUrl);
  }

  @Test
  void whenBothReadmesAreReadThenTheirFirstExamplesDifferOnlyInTheStacksClass() {
    List<String> feign = ReadmeBlocks.firstJavaBlockLines(Path.of("README.md"));
    List<String> retrofit =
        ReadmeBlocks.firstJavaBlockLines(Path.of("../client-retrofit/README.md"));

    assertThat(feign).hasSameSizeAs(retrofit).hasSizeBetween(15, 25);
    List<String> differing = new ArrayList<>();
    for (int i = 0; i < feign.size(); i++) {
      if (!feign.get(i).equals(retrofit.get(i))) {
        differing.add(retrofit.get(i) + " | " + feign.get(i));
      }
    }
    assertThat(differing)
        .containsExactly(
            "import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;"
                + " | import dev.oauthkit.hubspot.feign.client.HubSpotOAuthFeignClient;",
            "    HubSpotOAuthRetrofitClient.builder() |     HubSpotOAuthFeignClient.builder()");
  }
}
