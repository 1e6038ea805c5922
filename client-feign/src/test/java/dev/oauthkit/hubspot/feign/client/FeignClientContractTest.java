package dev.oauthkit.hubspot.feign.client;

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
import feign.Feign;
import feign.FeignException;
import feign.RequestLine;
import feign.Target;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Runs the shared client contract against the Feign facade, its interceptor and capability: the v1
 * suite here, the date-version suite and the README's examples in the nested classes.
 */
class FeignClientContractTest extends HubSpotOAuthClientContract {

  /** Another HubSpot API, as an app would declare it; the URI argument picks the URL. */
  interface OtherApi {
    @RequestLine("GET")
    String get(URI uri);
  }

  FeignClientContractTest() {
    super(HubSpotOAuthFeignClient::builder, HubSpotOAuthFeignClient.DEFAULT_USER_AGENT);
  }

  /** The base client's interceptor runs inside feign-okhttp, after the facade's own headers. */
  @Override
  protected HubSpotOAuthFeignClient.Builder builderWithBaseClientHeader(String name, String value) {
    OkHttpClient base =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> chain.proceed(chain.request().newBuilder().header(name, value).build()))
            .build();
    return HubSpotOAuthFeignClient.builder().okHttpClient(base);
  }

  /** A plain Feign client with the facade's interceptor and capability; a failure's status. */
  @Override
  protected int getWithBearer(HubSpotOAuthClient client, String url) {
    HubSpotOAuthFeignClient hubspot = (HubSpotOAuthFeignClient) client;
    OtherApi api =
        Feign.builder()
            .requestInterceptor(hubspot.bearerInterceptor())
            .addCapability(hubspot.unauthorizedRetry())
            .target(Target.EmptyTarget.create(OtherApi.class));
    try {
      api.get(URI.create(url));
      return 200;
    } catch (FeignException e) {
      return e.status();
    }
  }

  /** A Feign interceptor's exception propagates as it is, and the request is not sent. */
  @Override
  protected void assertBearerFailure(Throwable failure) {
    assertThat(failure).isInstanceOf(HubSpotOAuthException.class);
  }

  @Override
  protected List<Function<AccessTokenProvider, Object>> bearerSupport() {
    AllowedHosts hosts = AllowedHosts.of("localhost");
    return List.of(
        provider -> BearerTokenInterceptor.create(provider, hosts),
        provider -> UnauthorizedRetry.create(provider, hosts));
  }

  /** The shared date-version contract. */
  @Nested
  class DateVersion extends DateVersionContract {
    DateVersion() {
      super(HubSpotOAuthFeignClient::builder);
    }
  }

  /**
   * Runs the README's examples against WireMock, checks the README shows exactly this code, and
   * that its first example is client-retrofit's but for the stack's class (its import and builder
   * line).
   */
  @Nested
  class ReadmeExample extends ReadmeExampleContract {

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
}
