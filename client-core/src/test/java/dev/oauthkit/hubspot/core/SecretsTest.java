package dev.oauthkit.hubspot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void whenFingerprintedThenTheResultIsTheFirst8HexCharsOfSha256() {
    // printf 'abc' | sha256sum -> ba7816bf8f01cfea...
    assertThat(Secrets.fingerprint("abc")).isEqualTo("sha256:ba7816bf");
    assertThat(Secrets.fingerprint(null)).isEqualTo("none");
  }

  @Test
  void whenRedactingThenEverySecretIsReplacedByItsFingerprint() {
    assertThat(Secrets.redact("a abc b xyz abc", Arrays.asList("abc", null, "", "xyz")))
        .isEqualTo(
            "a [redacted sha256:ba7816bf] b [redacted "
                + Secrets.fingerprint("xyz")
                + "] [redacted sha256:ba7816bf]");
    assertThat(Secrets.redact(null, List.of("abc"))).isNull();
  }

  @Test
  void whenACallFailsThenItsSecretsAreItsOwnTokenTheClientSecretAndTheRefreshToken() {
    OAuthCredentials credentials = OAuthCredentials.of("id", "client-secret", "refresh-token");

    assertThat(Secrets.carriedBy(credentials, "the-code"))
        .containsExactly("the-code", "client-secret", "refresh-token");
    assertThat(Secrets.carriedBy(OAuthCredentials.of("id", "client-secret"), null))
        .containsExactly("client-secret");
    assertThatThrownBy(() -> Secrets.carriedBy(null, "x")).hasMessage("credentials");
  }

  @Test
  void whenATokenSetIsPrintedThenOnlyFingerprintsAppear() {
    TokenSet tokens =
        TokenSet.of("the-access-token", Duration.ofSeconds(1800), "the-refresh-token");

    assertThat(tokens.toString())
        .isEqualTo(
            "TokenSet{accessToken="
                + Secrets.fingerprint("the-access-token")
                + ", expiresIn=PT30M, refreshToken="
                + Secrets.fingerprint("the-refresh-token")
                + "}");
  }

  @Test
  void whenATokenSetIsInvalidThenTheMessageNamesTheField() {
    assertThatThrownBy(() -> TokenSet.of(null, Duration.ZERO, null)).hasMessage("accessToken");
    assertThatThrownBy(() -> TokenSet.of("a", null, null)).hasMessage("expiresIn");
    assertThatThrownBy(() -> TokenSet.of("a", Duration.ofSeconds(-1), null))
        .hasMessage("expiresIn must not be negative: PT-1S");
    assertThat(TokenSet.of("a", Duration.ZERO, " ").refreshToken()).isEmpty();
  }

  @Test
  void whenOptionsAreInvalidThenTheMessageNamesThem() {
    assertThatThrownBy(() -> TokenProviderOptions.builder().refreshMargin(Duration.ofSeconds(-1)))
        .hasMessage("refreshMargin must not be negative: PT-1S");
    assertThatThrownBy(() -> TokenProviderOptions.builder().clock(null)).hasMessage("clock");
    assertThatThrownBy(() -> TokenProviderOptions.builder().sleeper(null)).hasMessage("sleeper");
    assertThatThrownBy(() -> TokenProviderOptions.builder().retryPolicy(null))
        .hasMessage("retryPolicy");
    assertThatThrownBy(() -> TokenProviderOptions.builder().refreshTokenListener(null))
        .hasMessage("refreshTokenListener");
    assertThat(TokenProviderOptions.defaults().refreshMargin()).isEqualTo(Duration.ofSeconds(60));
  }
}
