package dev.oauthkit.hubspot.sandbox.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminKeyTest {

  private final AdminKey key = AdminKey.given("s3cret", "--admin-key");

  @Test
  void whenBearerCarriesTheKeyThenItIsAccepted() {
    assertThat(key.accepts("Bearer s3cret")).isTrue();
    assertThat(key.accepts("bearer s3cret")).isTrue();
  }

  @Test
  void whenHeaderIsMissingOrWrongThenItIsRejected() {
    assertThat(key.accepts(null)).isFalse();
    assertThat(key.accepts("")).isFalse();
    assertThat(key.accepts("Bearer ")).isFalse();
    assertThat(key.accepts("Bearer s3cre")).isFalse();
    assertThat(key.accepts("Basic s3cret")).isFalse();
  }

  @Test
  void whenPrintedThenTheKeyIsNotShown() {
    assertThat(key.toString()).doesNotContain("s3cret");
  }
}
