package dev.oauthkit.hubspot.sandbox.junit;

import dev.oauthkit.hubspot.core.ActiveAccessToken;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;

/**
 * What a pipeline's tests do with the variables the README's CI recipe exports: one Retrofit client
 * call. {@link CiRecipeIT} runs it in place of the recipe's {@code ./mvnw -B verify}.
 */
final class CiClientCall {

  private CiClientCall() {}

  public static void main(String[] args) {
    var hubspot =
        HubSpotOAuthRetrofitClient.builder()
            .baseUrl(System.getenv("HUBSPOT_BASE_URL"))
            .credentials(OAuthCredentials.fromEnvironment())
            .build();
    ActiveAccessToken token =
        (ActiveAccessToken) hubspot.introspect(hubspot.tokenProvider().accessToken());
    System.out.println("client call: hub " + token.hubId());
  }
}
