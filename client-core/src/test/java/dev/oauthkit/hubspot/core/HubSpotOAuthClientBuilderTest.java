package dev.oauthkit.hubspot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.hubspot.core.contract.BuilderAssertions;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HubSpotOAuthClientBuilderTest {

  private static final OAuthCredentials CREDENTIALS =
      OAuthCredentials.of("client-id", "builder-secret", "builder-refresh");

  /** What the test stack's factory got. */
  record Built(ClientSettings settings, String httpClient) {}

  /** A stack whose "client" is what its factory got; its HTTP client type is a name. */
  static final class TestBuilder extends HubSpotOAuthClientBuilder<TestBuilder, Built, String> {
    TestBuilder() {
      super(USER_AGENT_PREFIX + "test", Built::new);
    }

    TestBuilder testHttpClient(String testHttpClient) {
      return httpClient(testHttpClient, "testHttpClient");
    }
  }

  @Test
  void whenOnlyTheCredentialsAreSetThenTheDefaultsApply() {
    Built built = new TestBuilder().credentials(CREDENTIALS).build();

    ClientSettings settings = built.settings();
    assertThat(settings.baseUrl()).isEqualTo(URI.create("https://api.hubapi.com/"));
    assertThat(settings.credentials()).isSameAs(CREDENTIALS);
    assertThat(settings.connectTimeout()).isEmpty();
    assertThat(settings.readTimeout()).isEmpty();
    assertThat(settings.userAgent()).isEqualTo("hubspot-oauth-client-test");
    assertThat(settings.tokenProviderOptions().refreshMargin())
        .isEqualTo(TokenProviderOptions.DEFAULT_REFRESH_MARGIN);
    assertThat(settings.apiVersion()).isEqualTo(ApiVersion.newest());
    assertThat(settings.allowedHosts()).isEqualTo(AllowedHosts.of("api.hubapi.com"));
    assertThat(built.httpClient()).isNull();
  }

  @Test
  void whenEveryOptionIsSetThenTheSettingsCarryItAndTheLastValueWins() {
    TokenProviderOptions options =
        TokenProviderOptions.builder().refreshMargin(Duration.ofMinutes(5)).build();

    Built built =
        new TestBuilder()
            .baseUrl("http://localhost:8080")
            .credentials(OAuthCredentials.of("other", "other-secret"))
            .credentials(CREDENTIALS)
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(Duration.ofSeconds(3))
            .userAgent("billing/2.1")
            .tokenProviderOptions(options)
            .apiVersion(ApiVersion.V1)
            .allowedHosts(AllowedHosts.of("api.hubapi.com", "localhost"))
            .testHttpClient("the-http-client")
            .build();

    ClientSettings settings = built.settings();
    assertThat(settings.baseUrl()).isEqualTo(URI.create("http://localhost:8080/"));
    assertThat(settings.credentials()).isSameAs(CREDENTIALS);
    assertThat(settings.connectTimeout()).contains(Duration.ofSeconds(2));
    assertThat(settings.readTimeout()).contains(Duration.ofSeconds(3));
    assertThat(settings.userAgent()).isEqualTo("billing/2.1");
    assertThat(settings.tokenProviderOptions()).isSameAs(options);
    assertThat(settings.apiVersion()).isEqualTo(ApiVersion.V1);
    assertThat(settings.allowedHosts().hosts())
        .containsExactlyInAnyOrder("api.hubapi.com", "localhost");
    assertThat(built.httpClient()).isEqualTo("the-http-client");
  }

  @Test
  void whenOnlyTheBaseUrlIsSetThenItsHostIsTheOnlyAllowedHost() {
    ClientSettings settings =
        new TestBuilder()
            .baseUrl("http://Sandbox.Example:8080/hubspot")
            .credentials(CREDENTIALS)
            .build()
            .settings();

    assertThat(settings.allowedHosts()).isEqualTo(AllowedHosts.of("sandbox.example"));
  }

  @Test
  void whenArgumentsAreMissingOrInvalidThenTheMessageNamesThem() {
    BuilderAssertions.assertGuardsNameTheirArgument(new TestBuilder());
    assertThatThrownBy(() -> new TestBuilder().testHttpClient(null)).hasMessage("testHttpClient");
  }

  @Test
  void whenAStackGivesABlankDefaultUserAgentOrNoFactoryThenTheMessageNamesIt() {
    assertThatThrownBy(
            () -> new HubSpotOAuthClientBuilder<TestBuilder, Built, String>(" ", Built::new) {})
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("defaultUserAgent must not be blank");
    assertThatThrownBy(
            () -> new HubSpotOAuthClientBuilder<TestBuilder, Built, String>("a", null) {})
        .hasMessage("factory");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "http://localhost:8080, http://localhost:8080/",
    "https://sandbox.example/hubspot, https://sandbox.example/hubspot/",
    "https://sandbox.example/hubspot/, https://sandbox.example/hubspot/",
    "HTTPS://api.hubapi.com, HTTPS://api.hubapi.com/",
    "http://hubspot_sandbox:8080, http://hubspot_sandbox:8080/"
  })
  void whenTheBaseUrlIsAnAbsoluteHttpUrlThenOperationsResolveBelowIt(String given, String kept) {
    assertThat(
            new TestBuilder().baseUrl(given).credentials(CREDENTIALS).build().settings().baseUrl())
        .isEqualTo(URI.create(kept));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "api.hubapi.com",
        "/oauth",
        "ftp://example.com",
        "mailto:hubspot@example.com",
        "http://",
        "http:///oauth",
        "http://localhost:65536",
        "https://api hubapi.com"
      })
  void whenTheBaseUrlIsNotAnAbsoluteHttpUrlThenTheMessageShowsIt(String baseUrl) {
    assertThatThrownBy(() -> new TestBuilder().baseUrl(baseUrl))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl must be an absolute http(s) URL: " + baseUrl);
  }
}
