package dev.oauthkit.hubspot.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcTargetTest {

  @Test
  void whenUrlCarriesCredentialsThenTheRedactedUrlAndToStringLeaveThemOut() {
    JdbcTarget target =
        JdbcTarget.of(
            "jdbc:postgresql://db.example:5432/sandbox?user=u&password=url-secret",
            "owner",
            "flag-secret");

    assertThat(target.redactedUrl()).isEqualTo("jdbc:postgresql://db.example:5432/sandbox");
    assertThat(target.toString())
        .contains("db.example:5432/sandbox", "owner", "password=given")
        .doesNotContain("url-secret", "flag-secret");
  }

  @Test
  void whenUserAndPasswordAreBlankThenNeitherIsSet() {
    JdbcTarget target = JdbcTarget.of(" jdbc:postgresql://localhost/sandbox ", " ", "");

    assertThat(target.user()).isNull();
    assertThat(target.password()).isNull();
    assertThat(target.url()).isEqualTo("jdbc:postgresql://localhost/sandbox");
  }

  @Test
  void whenUrlIsMissingOrNotPostgresThenItIsRejectedWithoutItsQuery() {
    assertThatThrownBy(() -> JdbcTarget.of(null, null, null)).hasMessageContaining("url");
    assertThatThrownBy(() -> JdbcTarget.of("jdbc:mysql://h/db?password=url-secret", null, null))
        .hasMessageContaining("jdbc:postgresql:")
        .hasMessageNotContaining("url-secret");
  }
}
