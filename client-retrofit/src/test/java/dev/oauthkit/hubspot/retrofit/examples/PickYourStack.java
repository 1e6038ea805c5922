package dev.oauthkit.hubspot.retrofit.examples;

import dev.oauthkit.hubspot.core.ActiveAccessToken;
import dev.oauthkit.hubspot.core.IntrospectedToken;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;

/**
 * The README's first example with exactly the imports it shows: this file imports nothing else, so
 * the README block compiles as written.
 */
public final class PickYourStack {

  private PickYourStack() {}

  public static IntrospectedToken example(
      String baseUrl,
      java.util.function.Function<String, String> environment,
      dev.oauthkit.hubspot.core.contract.ReadmeExampleContract.TokenStore store) {
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
            .build(); // the newest date version; .apiVersion(ApiVersion.V1) for v1
    IntrospectedToken metadata = hubspot.introspect(hubspot.tokenProvider().accessToken());
    if (metadata instanceof ActiveAccessToken token) {
      System.out.println("hub " + token.hubId() + " scopes " + token.scopes());
    }
    // README:end
    return metadata;
  }
}
