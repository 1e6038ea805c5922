package dev.oauthkit.hubspot.sandbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormParserTest {

  @Test
  void whenFormIsWellFormedThenFieldsAreDecoded() throws Exception {
    assertThat(FormParser.parse(bytes("a=1&b=x+y%2Fz&c=&&d"), StandardCharsets.UTF_8))
        .containsEntry("a", "1")
        .containsEntry("b", "x y/z")
        .containsEntry("c", "")
        .containsEntry("d", "")
        .hasSize(4);
  }

  @Test
  void whenTheCharsetDoesNotReadAsciiAsItselfThenAsciiBytesAreDecodedInItAndFail() {
    FormParser.FormException e =
        catchThrowableOfType(
            FormParser.FormException.class,
            () -> FormParser.parse(bytes("a=1"), StandardCharsets.UTF_16BE));

    assertThat(e.getMessage()).isEqualTo("form is not valid UTF-16BE");
  }

  @Test
  void whenAFieldIsRepeatedThenTheFormIsRejectedNamingIt() {
    FormParser.FormException e =
        catchThrowableOfType(
            FormParser.FormException.class,
            () -> FormParser.parse(bytes("code=1&code=2"), StandardCharsets.UTF_8));

    assertThat(e.field()).isEqualTo("code");
    assertThat(e.getMessage()).doesNotContain("1").doesNotContain("2");
  }

  @Test
  void whenAPercentEscapeIsBrokenThenTheFormIsRejectedNamingTheField() {
    FormParser.FormException e =
        catchThrowableOfType(
            FormParser.FormException.class,
            () -> FormParser.parse(bytes("client_id=ab%zz"), StandardCharsets.UTF_8));

    assertThat(e.field()).isEqualTo("client_id");
    assertThat(
            catchThrowableOfType(
                FormParser.FormException.class,
                () -> FormParser.parse(bytes("x=%4"), StandardCharsets.UTF_8)))
        .isNotNull();
  }

  @Test
  void whenBytesAreNotUtf8ThenTheFormIsRejected() {
    assertThat(
            catchThrowableOfType(
                FormParser.FormException.class,
                () -> FormParser.parse(bytes("code=%C3%28"), StandardCharsets.UTF_8)))
        .isNotNull();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void whenAPathSegmentIsDecodedThenPlusStaysAndBadEscapesOrBytesGiveNull() {
    assertThat(FormParser.decodePathSegment("a+b%2Fc%C3%A9")).isEqualTo("a+b/c\u00e9");
    assertThat(FormParser.decodePathSegment("plain-token_1")).isEqualTo("plain-token_1");
    assertThat(FormParser.decodePathSegment("%zz")).isNull();
    assertThat(FormParser.decodePathSegment("%4")).isNull();
    assertThat(FormParser.decodePathSegment("%C3%28")).isNull();
    assertThat(FormParser.decodePathSegment("\u00e9%41")).isNull();
  }
}
