package dev.oauthkit.hubspot.retrofit.examples;

import dev.oauthkit.hubspot.client.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.core.contract.ReadmeExampleContract;
import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;
import java.io.IOException;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Runs the README's examples against WireMock, and checks the README shows exactly this code. */
class ReadmeExampleTest extends ReadmeExampleContract {

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

  @Override
  protected AccessTokenMetadata runExample(
      String baseUrl, Function<String, String> environment, TokenStore store) {
    return example(baseUrl, environment, store);
  }

  @Override
  protected void runBearerExample(String baseUrl, OAuthCredentials credentials) throws IOException {
    bearerExample(
        HubSpotOAuthRetrofitClient.builder().baseUrl(baseUrl).credentials(credentials).build(),
        baseUrl);
  }
}
