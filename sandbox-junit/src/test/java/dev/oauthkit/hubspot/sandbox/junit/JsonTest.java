package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void whenAnswerIsAnObjectThenFieldsKeepTheirTypes() {
    Map<String, Object> app =
        Json.object(
            "{\"app_id\":4617388,\"client_id\":\"e5\\u0041\\\"x\",\"scopes\":[\"oauth\",\"a\"],"
                + "\"ratio\":1.5e2,\"ok\":true,\"no\":false,\"none\":null,\"empty\":{}}");

    assertThat(app)
        .containsEntry("app_id", 4617388L)
        .containsEntry("client_id", "e5A\"x")
        .containsEntry("scopes", List.of("oauth", "a"))
        .containsEntry("ratio", 150.0)
        .containsEntry("ok", true)
        .containsEntry("no", false)
        .containsEntry("none", null)
        .containsEntry("empty", Map.of());
  }

  @Test
  void whenTextIsNotJsonThenTheErrorSaysWhere() {
    assertThatThrownBy(() -> Json.parse("{\"a\":1} x")).hasMessageContaining("offset 8");
    assertThatThrownBy(() -> Json.parse("{\"a\":}")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> Json.parse("\"open")).hasMessageContaining("unterminated");
    assertThatThrownBy(() -> Json.parse("[1,")).hasMessageContaining("unexpected end");
    assertThatThrownBy(() -> Json.object("[]")).hasMessageContaining("object");
  }

  @Test
  void whenQuotingThenTheStringParsesBackUnchanged() {
    String value = "a\"b\\c\nd\te\u0001f/é";

    assertThat(Json.parse(Json.quote(value))).isEqualTo(value);
  }
}
