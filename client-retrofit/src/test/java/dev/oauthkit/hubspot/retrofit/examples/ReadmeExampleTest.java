package dev.oauthkit.hubspot.retrofit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.contract.ReadmeExampleContract;
import dev.oauthkit.hubspot.core.testing.ReadmeBlocks;
import dev.oauthkit.hubspot.retrofit.client.BearerTokenInterceptor;
import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Runs the README's examples against WireMock, and checks the README shows exactly this code. */
class ReadmeExampleTest extends ReadmeExampleContract {

  static void bearerExample(HubSpotOAuthRetrofitClient hubspot, String baseUrl) throws IOException {
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
  protected Object runExample(
      String baseUrl, Function<String, String> environment, TokenStore store) {
    return PickYourStack.example(baseUrl, environment, store);
  }

  @Override
  protected Class<?> exampleWithImports() {
    return PickYourStack.class;
  }

  @Override
  protected void runBearerExample(String baseUrl, OAuthCredentials credentials) throws IOException {
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
