package dev.oauthkit.hubspot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationUrlTest {

  private static AuthorizationUrl.Builder example() {
    return AuthorizationUrl.builder()
        .clientId("7fff1e36-2d40-4ae1-bbb1-5266d59564fb")
        .scopes("oauth", "crm.objects.contacts.read")
        .redirectUri("https://www.example.com/auth-callback");
  }

  @Test
  void whenAllParametersAreGivenThenTheUrlMatchesTheSpec() {
    AuthorizationUrl url =
        example().optionalScopes("automation").state("WeHH_yy2irpl8UYAvv-my").build();

    assertThat(url.toString())
        .isEqualTo(
            "https://app.hubspot.com/oauth/authorize"
                + "?client_id=7fff1e36-2d40-4ae1-bbb1-5266d59564fb"
                + "&scope=oauth%20crm.objects.contacts.read"
                + "&optional_scope=automation"
                + "&redirect_uri=https%3A%2F%2Fwww.example.com%2Fauth-callback"
                + "&state=WeHH_yy2irpl8UYAvv-my");
    assertThat(url.state()).isEqualTo("WeHH_yy2irpl8UYAvv-my");
  }

  @Test
  void whenValuesHaveSpacesThenTheyAreEncodedAsPercent20NeverPlus() {
    AuthorizationUrl url = example().optionalScopes("automation", "content").state("a b+c").build();

    assertThat(url.uri().getRawQuery())
        .contains("&optional_scope=automation%20content&")
        .endsWith("&state=a%20b%2Bc")
        .doesNotContain("+");
  }

  @Test
  void whenPkceIsOnThenTheUrlCarriesTheS256ChallengeOfTheKeptVerifier() {
    AuthorizationUrl url = example().state("s").pkce(true).build();

    String verifier = url.codeVerifier().orElseThrow();
    assertThat(verifier).matches("[A-Za-z0-9_-]{43}");
    assertThat(url.toString())
        .endsWith(
            "&state=s&code_challenge="
                + AuthorizationUrl.s256Challenge(verifier)
                + "&code_challenge_method=S256")
        .doesNotContain(verifier);
    assertThat(example().pkce(true).build().codeVerifier()).isNotEqualTo(url.codeVerifier());
  }

  @Test
  void whenTheChallengeIsMadeThenItIsRfc7636sAppendixBExample() {
    assertThat(AuthorizationUrl.s256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void whenPkceIsNotAskedForThenTheUrlHasNoChallengeAndNoVerifierIsKept() {
    AuthorizationUrl url = example().build();

    assertThat(url.codeVerifier()).isEmpty();
    assertThat(url.toString()).doesNotContain("code_challenge");
  }

  @Test
  void whenNoOptionalScopeIsGivenThenTheParameterIsLeftOut() {
    assertThat(example().build().uri().getRawQuery()).doesNotContain("optional_scope");
  }

  @Test
  void whenNoStateIsGivenThenARandomUrlSafeStateIsUsed() {
    Set<String> states = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      AuthorizationUrl url = example().build();
      assertThat(url.state()).matches("[A-Za-z0-9_-]{32}");
      assertThat(url.uri().getRawQuery()).endsWith("&state=" + url.state());
      states.add(url.state());
    }
    assertThat(states).hasSize(20);
  }

  @Test
  void whenTheBaseUrlIsOverriddenThenTheAuthorizePathIsAppended() {
    assertThat(example().baseUrl("http://localhost:8080/").build().uri().toString())
        .startsWith("http://localhost:8080/oauth/authorize?client_id=");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:3000/cb",
        "http://127.0.0.1/cb",
        "http://[::1]:8080/cb",
        "https://x.example/cb"
      })
  void whenTheRedirectIsHttpsOrLoopbackThenItIsAccepted(String redirectUri) {
    assertThat(example().redirectUri(redirectUri).build().uri().getRawQuery())
        .contains("redirect_uri=http");
  }

  @Test
  void whenARemoteRedirectUsesHttpThenItIsRejected() {
    assertThatThrownBy(() -> example().redirectUri("http://www.example.com/cb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "redirectUri must use https unless its host is localhost, 127.0.0.1 or [::1]: http://www.example.com/cb");
    assertThatThrownBy(() -> example().baseUrl("http://app.example.com").build())
        .hasMessageStartingWith("baseUrl must use https unless its host is localhost");
  }

  @Test
  void whenTheRedirectIsNotAnAbsoluteHttpUrlThenItIsRejected() {
    assertThatThrownBy(() -> example().redirectUri("/relative"))
        .hasMessage("redirectUri must be an absolute http(s) URL: /relative");
    assertThatThrownBy(() -> example().redirectUri("ftp://example.com/cb"))
        .hasMessage("redirectUri must be an absolute http(s) URL: ftp://example.com/cb");
    assertThatThrownBy(() -> example().redirectUri("https://exa mple.com"))
        .hasMessage("redirectUri is not a valid URI: https://exa mple.com");
  }

  @Test
  void whenRequiredPartsAreMissingThenTheMessageNamesThem() {
    assertThatThrownBy(
            () ->
                AuthorizationUrl.builder().scopes("oauth").redirectUri("https://a.example").build())
        .hasMessage("clientId");
    assertThatThrownBy(() -> AuthorizationUrl.builder().clientId("id").scopes("oauth").build())
        .hasMessage("redirectUri");
    assertThatThrownBy(
            () ->
                AuthorizationUrl.builder().clientId("id").redirectUri("https://a.example").build())
        .hasMessage("scopes must contain at least one scope");
    assertThatThrownBy(() -> example().scopes("crm objects"))
        .hasMessage("scopes must not contain whitespace: crm objects");
    assertThatThrownBy(() -> example().optionalScopes(" "))
        .hasMessage("optionalScopes must not be blank");
    assertThatThrownBy(() -> example().state("")).hasMessage("state must not be blank");
    assertThatThrownBy(() -> example().baseUrl(null)).hasMessage("baseUrl");
  }
}
