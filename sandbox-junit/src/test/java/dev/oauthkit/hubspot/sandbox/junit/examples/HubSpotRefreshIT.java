package dev.oauthkit.hubspot.sandbox.junit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.core.ActiveAccessToken;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenProviderOptions;
import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;
import dev.oauthkit.hubspot.sandbox.junit.HubSpotSandbox;
import dev.oauthkit.hubspot.sandbox.junit.HubSpotSandboxTest;
import dev.oauthkit.hubspot.sandbox.junit.SandboxApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

// README:begin
@HubSpotSandboxTest
class HubSpotRefreshIT {

  @Test
  void whenTheAccessTokenExpiresThenTheClientRefreshesIt(HubSpotSandbox sandbox) {
    SandboxApp app = sandbox.app();
    var hubspot =
        HubSpotOAuthRetrofitClient.builder()
            .baseUrl(sandbox.baseUrl())
            .credentials(
                OAuthCredentials.of(
                    app.clientId(), app.clientSecret(), sandbox.tokensFor().refreshToken()))
            .tokenProviderOptions(TokenProviderOptions.builder().clock(sandbox.clock()).build())
            .build();
    String first = hubspot.tokenProvider().accessToken();
    sandbox.advanceClock(Duration.ofMinutes(30));
    String second = hubspot.tokenProvider().accessToken();
    assertThat(second).isNotEqualTo(first);
    assertThat(hubspot.introspect(second))
        .isInstanceOfSatisfying(
            ActiveAccessToken.class, t -> assertThat(t.hubId()).isEqualTo(62515));
  }
}
// README:end
