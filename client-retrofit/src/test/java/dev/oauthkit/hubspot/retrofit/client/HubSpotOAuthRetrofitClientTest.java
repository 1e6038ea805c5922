package dev.oauthkit.hubspot.retrofit.client;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What only the Retrofit builder has; the shared builder options and the facade's behaviour are in
 * {@link RetrofitClientContractTest}.
 */
class HubSpotOAuthRetrofitClientTest {

  @Test
  void whenTheBaseClientIsMissingThenTheMessageNamesIt() {
    assertThatThrownBy(() -> HubSpotOAuthRetrofitClient.builder().okHttpClient(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("okHttpClient");
  }
}
