package dev.oauthkit.hubspot.retrofit.client;

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
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Runs the shared client contract against the Retrofit facade and its OkHttp interceptor: the v1
 * suite here, the date-version suite and the README's examples in the nested classes.
 */
class RetrofitClientContractTest extends HubSpotOAuthClientContract {

  RetrofitClientContractTest() {
    super(HubSpotOAuthRetrofitClient::builder, HubSpotOAuthRetrofitClient.DEFAULT_USER_AGENT);
  }

  @Override
  protected HubSpotOAuthRetrofitClient.Builder builderWithBaseClientHeader(
      String name, String value) {
    return HubSpotOAuthRetrofitClient.builder()
        .okHttpClient(
            new OkHttpClient.Builder()
                .addInterceptor(
                    chain ->
                        chain.proceed(chain.request().newBuilder().header(name, value).build()))
                .build());
  }

  /** A plain OkHttp client with the facade's interceptor; the final status. */
  @Override
  protected int getWithBearer(HubSpotOAuthClient client, String url) throws IOException {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addInterceptor(((HubSpotOAuthRetrofitClient) client).bearerInterceptor())
            .build();
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.code();
    }
  }

  /** OkHttp interceptors may only throw IOException: the provider's exception is its cause. */
  @Override
  protected void assertBearerFailure(Throwable failure) {
    assertThat(failure)
        .isInstanceOf(IOException.class)
        .hasMessage("could not obtain a HubSpot access token")
        .hasCauseInstanceOf(HubSpotOAuthException.class);
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
      super(HubSpotOAuthRetrofitClient::builder);
    }
  }

  /** Runs the README's examples against WireMock, and checks the README shows exactly this code. */
  @Nested
  class ReadmeExample extends ReadmeExampleContract {

    static void bearerExample(HubSpotOAuthRetrofitClient hubspot, String baseUrl)
        throws IOException {
      // README:begin
      OkHttpClient http =
          new OkHttpClient.Builder().addInterceptor(hubspot.bearerInterceptor()).build();
      Request contacts = new Request.Builder().url(baseUrl + "/crm/v3/objects/contacts").build();
      try (Response response = http.newCall(contacts).execute()) {
        System.out.println("contacts: HTTP " + response.code());
      }
      // README:end
    }

    static void clientCredentialsExample(HubSpotOAuthRetrofitClient hubspot, String journalUrl)
        throws IOException {
      // README:begin
      AccessTokenProvider app =
          hubspot.clientCredentialsTokenProvider(List.of("developer.webhooks_journal.read"));
      OkHttpClient journal =
          new OkHttpClient.Builder()
              .addInterceptor(BearerTokenInterceptor.create(app, hubspot.allowedHosts()))
              .build();
      try (Response response =
          journal.newCall(new Request.Builder().url(journalUrl).build()).execute()) {
        System.out.println("journal: HTTP " + response.code());
      }
      // README:end
    }

    @Override
    protected void runClientCredentialsExample(
        String baseUrl, String journalUrl, OAuthCredentials credentials) throws IOException {
      clientCredentialsExample(
          HubSpotOAuthRetrofitClient.builder().baseUrl(baseUrl).credentials(credentials).build(),
          journalUrl);
    }

    @Override
    protected void runBearerExample(String baseUrl, OAuthCredentials credentials)
        throws IOException {
      bearerExample(
          HubSpotOAuthRetrofitClient.builder().baseUrl(baseUrl).credentials(credentials).build(),
          baseUrl);
    }

    @Test
    void whenTheRootReadmeIsReadThenPickYourStackIsThisReadmesFirstExample() {
      assertThat(ReadmeBlocks.firstJavaBlockLines(Path.of("../README.md")))
          .isEqualTo(ReadmeBlocks.firstJavaBlockLines(Path.of("README.md")));
    }
  }
}
