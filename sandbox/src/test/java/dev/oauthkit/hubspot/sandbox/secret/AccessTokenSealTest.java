package dev.oauthkit.hubspot.sandbox.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessTokenSealTest {

  private static final String REFRESH_HASH = Secrets.sha256Hex("refresh-token");
  private static final Instant EXPIRES = Instant.parse("2027-02-16T10:00:00.123Z");

  private final AccessTokenSeal seal = AccessTokenSeal.of(AccessTokenSeal.newKey());

  @Test
  void whenATokenIsSealedThenItOpensToItsRefreshTokenAndExpiryAndShowsNeither() {
    String token = seal.seal(REFRESH_HASH, EXPIRES);

    assertThat(token).hasSize(AccessTokenSeal.LENGTH).startsWith("C").matches("[A-Za-z0-9_-]+");
    assertThat(token).doesNotContain(REFRESH_HASH.substring(0, 8));
    assertThat(seal.open(token)).contains(new AccessTokenSeal.Contents(REFRESH_HASH, EXPIRES));
    assertThat(seal.seal(REFRESH_HASH, EXPIRES)).isNotEqualTo(token);
  }

  @Test
  void whenAnyCharacterIsChangedThenTheTokenDoesNotOpen() {
    String token = seal.seal(REFRESH_HASH, EXPIRES);

    for (int i = 1; i < token.length(); i++) {
      char changed = token.charAt(i) == 'A' ? 'B' : 'A';
      String forged = token.substring(0, i) + changed + token.substring(i + 1);
      assertThat(seal.open(forged)).as("changed at %d", i).isEmpty();
    }
  }

  @Test
  void whenTheKeyOrTheShapeIsAnotherThenNothingOpens() {
    String token = seal.seal(REFRESH_HASH, EXPIRES);

    assertThat(AccessTokenSeal.of(AccessTokenSeal.newKey()).open(token)).isEmpty();
    assertThat(seal.open(Secrets.accessToken())).isEmpty();
    assertThat(seal.open("C" + "!".repeat(AccessTokenSeal.LENGTH - 1))).isEmpty();
    assertThat(seal.open(null)).isEmpty();
    assertThat(seal.toString()).doesNotContainIgnoringCase("key=");
  }

  @Test
  void whenTheKeyIsNot32BytesThenTheSealIsRefusedNamingIt() {
    assertThatThrownBy(() -> AccessTokenSeal.of(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key must be 32 bytes, got 16");
  }
}
