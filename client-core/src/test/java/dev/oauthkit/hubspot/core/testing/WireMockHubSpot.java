package dev.oauthkit.hubspot.core.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/** The WireMock HubSpot every client test talks to. */
public final class WireMockHubSpot {

  private WireMockHubSpot() {}

  /**
   * Returns a WireMock extension on a free port that fails the test on any request without a stub;
   * register it in a {@code static} field with {@code @RegisterExtension}.
   */
  public static WireMockExtension strict() {
    return WireMockExtension.newInstance()
        .options(wireMockConfig().dynamicPort())
        .failOnUnmatchedRequests(true)
        .build();
  }
}
