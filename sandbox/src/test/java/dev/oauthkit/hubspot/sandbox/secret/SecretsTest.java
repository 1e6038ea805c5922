package dev.oauthkit.hubspot.sandbox.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void whenHashingThenTheResultIsTheSha256Hex() {
    assertThat(Secrets.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void whenFingerprintingThenOnlyTheFirstEightHexCharactersAreShown() {
    assertThat(Secrets.fingerprint("abc")).isEqualTo("ba7816bf");
    assertThat(Secrets.fingerprint(null)).isEqualTo("-");
  }

  @Test
  void whenComparingSecretsThenOnlyTheRightOneMatches() {
    byte[] expected = Secrets.sha256("right");

    assertThat(Secrets.matches("right", expected)).isTrue();
    assertThat(Secrets.matches("wrong", expected)).isFalse();
    assertThat(Secrets.matches(null, expected)).isFalse();
  }

  @Test
  void whenMintingValuesThenTheyAreUrlSafeAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String access = Secrets.accessToken();
      String refresh = Secrets.uuidShaped();
      assertThat(access).matches("[A-Za-z0-9_-]{49}");
      assertThat(refresh)
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(seen.add(access)).isTrue();
      assertThat(seen.add(refresh)).isTrue();
    }
  }
}
