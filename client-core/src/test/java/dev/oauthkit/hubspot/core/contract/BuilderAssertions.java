package dev.oauthkit.hubspot.core.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.hubspot.core.HubSpotOAuthClientBuilder;

/** The argument checks of every {@link HubSpotOAuthClientBuilder}, for core and each stack. */
public final class BuilderAssertions {

  private BuilderAssertions() {}

  /**
   * Asserts that each shared option rejects a missing or invalid value with a message naming it,
   * and that {@code build()} requires the credentials.
   *
   * @param builder a fresh builder, without credentials
   */
  public static void assertGuardsNameTheirArgument(HubSpotOAuthClientBuilder<?, ?, ?> builder) {
    assertThatThrownBy(builder::build)
        .isInstanceOf(NullPointerException.class)
        .hasMessage("credentials");
    assertThatThrownBy(() -> builder.credentials(null)).hasMessage("credentials");
    assertThatThrownBy(() -> builder.baseUrl(null)).hasMessage("baseUrl");
    assertThatThrownBy(() -> builder.baseUrl("ftp://example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl must be an absolute http(s) URL: ftp://example.com");
    assertThatThrownBy(() -> builder.userAgent(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("userAgent must not be blank");
    assertThatThrownBy(() -> builder.userAgent(null)).hasMessage("userAgent");
    assertThatThrownBy(() -> builder.connectTimeout(null)).hasMessage("connectTimeout");
    assertThatThrownBy(() -> builder.readTimeout(null)).hasMessage("readTimeout");
    assertThatThrownBy(() -> builder.tokenProviderOptions(null)).hasMessage("options");
    assertThatThrownBy(() -> builder.apiVersion(null)).hasMessage("apiVersion");
    assertThatThrownBy(() -> builder.allowedHosts(null)).hasMessage("allowedHosts");
  }
}
