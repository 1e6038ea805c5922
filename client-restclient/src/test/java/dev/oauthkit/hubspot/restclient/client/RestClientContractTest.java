package dev.oauthkit.hubspot.restclient.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.AllowedHosts;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.contract.DateVersionContract;
import dev.oauthkit.hubspot.core.contract.HubSpotOAuthClientContract;
import dev.oauthkit.hubspot.core.contract.ReadmeExampleContract;
import dev.oauthkit.hubspot.core.testing.ReadmeBlocks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * Runs the shared client contract against the RestClient facade and its interceptor: the v1 suite
 * here, the date-version suite and the README's examples in the nested classes.
 */
class RestClientContractTest extends HubSpotOAuthClientContract {

  RestClientContractTest() {
    super(HubSpotOAuthRestClient::builder, HubSpotOAuthRestClient.DEFAULT_USER_AGENT);
  }

  @Override
  protected HubSpotOAuthRestClient.Builder builderWithBaseClientHeader(String name, String value) {
    return HubSpotOAuthRestClient.builder()
        .restClientBuilder(
            RestClient.builder()
                .requestInterceptor(
                    (request, body, execution) -> {
                      request.getHeaders().set(name, value);
                      return execution.execute(request, body);
                    }));
  }

  /** A plain RestClient with the facade's interceptor; the final status, whatever it is. */
  @Override
  protected int getWithBearer(HubSpotOAuthClient client, String url) {
    RestClient http =
        RestClient.builder()
            .requestInterceptor(((HubSpotOAuthRestClient) client).bearerInterceptor())
            .build();
    return http.get().uri(url).exchange((request, response) -> response.getStatusCode().value());
  }

  /** A RestClient interceptor's runtime exception propagates as it is; nothing is sent. */
  @Override
  protected void assertBearerFailure(Throwable failure) {
    assertThat(failure).isInstanceOf(HubSpotOAuthException.class);
  }

  @Override
  protected List<Function<AccessTokenProvider, Object>> bearerSupport() {
    return List.of(
        provider -> BearerTokenInterceptor.create(provider, AllowedHosts.of("localhost")));
  }

  /** The shared date-version contract. */
  @Nested
  class DateVersion extends DateVersionContract {
    DateVersion() {
      super(HubSpotOAuthRestClient::builder);
    }
  }

  /**
   * Runs the README's examples against WireMock, checks the README shows exactly this code, and
   * that its first example is client-retrofit's but for the stack's class (its import and builder
   * line).
   */
  @Nested
  class ReadmeExample extends ReadmeExampleContract {

    static void bearerExample(
        RestClient.Builder restClientBuilder, OAuthCredentials credentials, String baseUrl) {
      // README:begin
      HubSpotOAuthRestClient hubspot =
          HubSpotOAuthRestClient.builder()
              .baseUrl(baseUrl) // leave out for https://api.hubapi.com
              .credentials(credentials)
              .restClientBuilder(restClientBuilder) // for example Spring Boot's, injected
              .build();
      RestClient contacts =
          restClientBuilder
              .clone()
              .baseUrl(baseUrl)
              .requestInterceptor(hubspot.bearerInterceptor()) // the token to baseUrl's host only
              .build();
      String page = contacts.get().uri("/crm/v3/objects/contacts").retrieve().body(String.class);
      System.out.println("contacts: " + page);
      // README:end
    }

    static void clientCredentialsExample(HubSpotOAuthRestClient hubspot, String journalUrl) {
      // README:begin
      AccessTokenProvider app =
          hubspot.clientCredentialsTokenProvider(List.of("developer.webhooks_journal.read"));
      RestClient journal =
          RestClient.builder()
              .requestInterceptor(BearerTokenInterceptor.create(app, hubspot.allowedHosts()))
              .build();
      System.out.println("journal: " + journal.get().uri(journalUrl).retrieve().body(String.class));
      // README:end
    }

    @Override
    protected void runClientCredentialsExample(
        String baseUrl, String journalUrl, OAuthCredentials credentials) {
      clientCredentialsExample(
          HubSpotOAuthRestClient.builder().baseUrl(baseUrl).credentials(credentials).build(),
          journalUrl);
    }

    @Override
    protected void runBearerExample(String baseUrl, OAuthCredentials credentials) {
      bearerExample(RestClient.builder(), credentials, baseUrl);
    }

    @Test
    void whenBothReadmesAreReadThenTheirFirstExamplesDifferOnlyInTheStacksClass() {
      List<String> restclient = ReadmeBlocks.firstJavaBlockLines(Path.of("README.md"));
      List<String> retrofit =
          ReadmeBlocks.firstJavaBlockLines(Path.of("../client-retrofit/README.md"));

      assertThat(restclient).hasSameSizeAs(retrofit).hasSizeBetween(15, 25);
      List<String> differing = new ArrayList<>();
      for (int i = 0; i < restclient.size(); i++) {
        if (!restclient.get(i).equals(retrofit.get(i))) {
          differing.add(retrofit.get(i) + " | " + restclient.get(i));
        }
      }
      assertThat(differing)
          .containsExactly(
              "import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;"
                  + " | import dev.oauthkit.hubspot.restclient.client.HubSpotOAuthRestClient;",
              "    HubSpotOAuthRetrofitClient.builder() |     HubSpotOAuthRestClient.builder()");
    }
  }
}
