package dev.oauthkit.hubspot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class AllowedHostsTest {

  @Test
  void whenARequestGoesToAnAllowedHostsApiThenItTakesTheTokenButNotOnOAuthEndpoints() {
    AllowedHosts hosts = AllowedHosts.of("api.hubapi.com");

    assertThat(hosts.takesToken(URI.create("https://api.hubapi.com/crm/v3/objects"))).isTrue();
    assertThat(hosts.takesToken(URI.create("https://api.hubapi.com/oauth/v1/token")))
        .as("HubSpot's OAuth endpoints never take a bearer token")
        .isFalse();
    assertThat(hosts.takesToken(URI.create("https://example.com/crm/v3/objects"))).isFalse();
    assertThat(hosts.takesToken("https://api.hubapi.com/oauth/v1/token")).isFalse();
    assertThat(hosts.takesToken("https://api.hubapi.com/crm/v3/objects")).isTrue();
    assertThat(hosts.takesToken("https://api.hubapi.com/ bad url")).isFalse();
  }

  @Test
  void whenTheBaseUrlHasAGatewaysPrefixThenItsOAuthEndpointsTakeNoTokenEither() {
    AllowedHosts hosts = AllowedHosts.of("gateway.example.com");

    // Else the kit's own token call, made through a client that carries the interceptor, would
    // wait for the token it is fetching.
    assertThat(hosts.takesToken("https://gateway.example.com/hubspot/oauth/v1/token")).isFalse();
    assertThat(hosts.takesToken("https://gateway.example.com/hubspot/oauth/2026-09/token"))
        .isFalse();
    assertThat(hosts.takesToken("https://gateway.example.com/hubspot/crm/v3/objects")).isTrue();
    assertThat(hosts.takesToken("https://gateway.example.com/hubspot/oauthish/x")).isTrue();
  }

  @Test
  void whenAnApiPathOnlyHoldsAnOauthSegmentThenItTakesTheToken() {
    AllowedHosts hosts = AllowedHosts.of("api.hubapi.com");

    // User-chosen segments of HubSpot's file and CMS APIs; only the OAuth endpoints take none.
    assertThat(hosts.takesToken("https://api.hubapi.com/files/v3/files/stat/oauth/logo.png"))
        .isTrue();
    assertThat(
            hosts.takesToken(
                "https://api.hubapi.com/cms/v3/source-code/published/content/t/oauth/login.html"))
        .isTrue();
    assertThat(hosts.takesToken("https://api.hubapi.com/oauth/v1/access-tokens/a%2Fb")).isFalse();
    assertThat(hosts.takesToken("https://api.hubapi.com/oauth/v1/refresh-tokens/r")).isFalse();
    assertThat(hosts.takesToken("https://api.hubapi.com/oauth/2026-09/token/revoke")).isFalse();
  }

  @Test
  void whenTheHostMatchesIgnoringCaseThenItIsAllowedOnAnySchemeAndPort() {
    AllowedHosts hosts = AllowedHosts.of("API.hubapi.com");

    assertThat(hosts.allows(URI.create("https://api.hubapi.com/crm/v3/objects"))).isTrue();
    assertThat(hosts.allows(URI.create("http://Api.HubApi.com:8443/x?y=1"))).isTrue();
    assertThat(hosts.allows("https://api.hubapi.com/crm")).isTrue();
    assertThat(hosts.hosts()).containsExactly("api.hubapi.com");
  }

  @Test
  void whenTheHostOnlyResemblesAnAllowedOneThenItIsNotAllowed() {
    AllowedHosts hosts = AllowedHosts.of("api.hubapi.com");

    assertThat(hosts.allows(URI.create("https://api.hubapi.com.evil.example/"))).isFalse();
    assertThat(hosts.allows(URI.create("https://evil.example/?to=api.hubapi.com"))).isFalse();
    assertThat(hosts.allows(URI.create("https://eu1.api.hubapi.com/"))).isFalse();
    assertThat(hosts.allows(URI.create("https://hubapi.com/"))).isFalse();
    assertThat(hosts.allows(URI.create("https://api.hubapi.com@evil.example/"))).isFalse();
    assertThat(hosts.allows(URI.create("/crm/v3/objects"))).isFalse();
    assertThat(hosts.allows("not a url")).isFalse();
  }

  @Test
  void whenMadeFromABaseUrlThenOnlyItsHostIsAllowed() {
    AllowedHosts hosts = AllowedHosts.of(URI.create("http://localhost:8080/sandbox/"));

    assertThat(hosts.allows(URI.create("http://localhost:9999/crm"))).isTrue();
    assertThat(hosts.allows(URI.create("http://127.0.0.1:8080/crm"))).isFalse();
    assertThat(hosts)
        .isEqualTo(AllowedHosts.of("localhost"))
        .hasToString("AllowedHosts[localhost]");
  }

  @Test
  void whenTheHostHasAnUnderscoreThenItStillMatchesExactly() {
    AllowedHosts hosts = AllowedHosts.of(URI.create("http://hubspot_sandbox:8080/"));

    assertThat(hosts.hosts()).containsExactly("hubspot_sandbox");
    assertThat(hosts.allows(URI.create("http://user@HubSpot_Sandbox:9000/crm"))).isTrue();
    assertThat(hosts.allows(URI.create("http://hubspot_sandbox.evil:8080/crm"))).isFalse();
  }

  @Test
  void whenSeveralHostsOrIpv6ThenEachIsAllowed() {
    AllowedHosts hosts = AllowedHosts.of("api.hubapi.com", "[::1]", "127.0.0.1");

    assertThat(hosts.allows(URI.create("http://[::1]:8080/"))).isTrue();
    assertThat(hosts.allows(URI.create("http://127.0.0.1/"))).isTrue();
    assertThat(hosts.allows(URI.create("https://api.hubapi.com/"))).isTrue();
  }

  @Test
  void whenArgumentsAreInvalidThenTheMessageNamesThem() {
    assertThatThrownBy(() -> AllowedHosts.of((String[]) null)).hasMessage("hosts");
    assertThatThrownBy(() -> AllowedHosts.of((URI) null)).hasMessage("baseUrl");
    assertThatThrownBy(AllowedHosts::of).hasMessageContaining("hosts");
    assertThatThrownBy(() -> AllowedHosts.of(" ")).hasMessageContaining("hosts");
    assertThatThrownBy(() -> AllowedHosts.of("*.hubapi.com")).hasMessageContaining("wildcard");
    assertThatThrownBy(() -> AllowedHosts.of("https://api.hubapi.com"))
        .hasMessageContaining("hosts");
    assertThatThrownBy(() -> AllowedHosts.of("localhost:8080")).hasMessageContaining("port");
    assertThatThrownBy(() -> AllowedHosts.of(URI.create("/relative")))
        .hasMessageContaining("baseUrl");
    assertThatThrownBy(() -> AllowedHosts.of("a").allows((URI) null)).hasMessage("uri");
  }
}
