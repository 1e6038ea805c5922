package dev.oauthkit.hubspot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OAuthCredentialsTest {

  private static Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("HUBSPOT_CLIENT_ID", "client-id");
    env.put("HUBSPOT_CLIENT_SECRET", "the-client-secret");
    env.put("HUBSPOT_REFRESH_TOKEN", "the-refresh-token");
    return env;
  }

  @Test
  void whenAllVariablesAreSetThenCredentialsAreReadFromTheEnvironment() {
    OAuthCredentials credentials = OAuthCredentials.fromEnvironment(environment()::get);

    assertThat(credentials.clientId()).isEqualTo("client-id");
    assertThat(credentials.clientSecret()).isEqualTo("the-client-secret");
    assertThat(credentials.refreshToken()).contains("the-refresh-token");
  }

  @ParameterizedTest
  @ValueSource(strings = {"HUBSPOT_CLIENT_ID", "HUBSPOT_CLIENT_SECRET"})
  void whenARequiredVariableIsMissingOrBlankThenTheErrorNamesIt(String variable) {
    Map<String, String> env = environment();
    env.remove(variable);
    assertThatThrownBy(() -> OAuthCredentials.fromEnvironment(env::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("environment variable " + variable + " is not set or blank");

    env.put(variable, "  ");
    assertThatThrownBy(() -> OAuthCredentials.fromEnvironment(env::get))
        .hasMessage("environment variable " + variable + " is not set or blank");
  }

  @Test
  void whenTheRefreshTokenVariableIsMissingThenCredentialsHaveNoRefreshToken() {
    Map<String, String> env = environment();
    env.remove("HUBSPOT_REFRESH_TOKEN");

    assertThat(OAuthCredentials.fromEnvironment(env::get).refreshToken()).isEmpty();
  }

  @Test
  void whenPrintedThenOnlyFingerprintsOfSecretsAppear() {
    OAuthCredentials credentials =
        OAuthCredentials.of("client-id", "the-client-secret", "the-refresh-token");

    assertThat(credentials.toString())
        .isEqualTo(
            "OAuthCredentials{clientId=client-id, clientSecret="
                + Secrets.fingerprint("the-client-secret")
                + ", refreshToken="
                + Secrets.fingerprint("the-refresh-token")
                + "}")
        .doesNotContain("the-client-secret", "the-refresh-token");
  }

  @Test
  void whenTheRefreshTokenIsReplacedThenTheOriginalIsUnchanged() {
    OAuthCredentials original = OAuthCredentials.of("client-id", "secret", "old");

    OAuthCredentials rotated = original.withRefreshToken("new");

    assertThat(rotated.refreshToken()).contains("new");
    assertThat(rotated.clientSecret()).isEqualTo("secret");
    assertThat(original.refreshToken()).contains("old");
  }

  @Test
  void whenArgumentsAreMissingOrBlankThenTheMessageNamesThem() {
    assertThatThrownBy(() -> OAuthCredentials.of(null, "s")).hasMessage("clientId");
    assertThatThrownBy(() -> OAuthCredentials.of("id", null)).hasMessage("clientSecret");
    assertThatThrownBy(() -> OAuthCredentials.of("id", "s", null)).hasMessage("refreshToken");
    assertThatThrownBy(() -> OAuthCredentials.of(" ", "s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clientId must not be blank");
    assertThatThrownBy(() -> OAuthCredentials.of("id", ""))
        .hasMessage("clientSecret must not be blank");
    assertThatThrownBy(() -> OAuthCredentials.of("id", "s", " "))
        .hasMessage("refreshToken must not be blank");
    assertThatThrownBy(() -> OAuthCredentials.fromEnvironment(null)).hasMessage("environment");
  }
}
