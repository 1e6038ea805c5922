package dev.oauthkit.hubspot.core.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.oauthkit.hubspot.client.model.HubSpotError;
import dev.oauthkit.hubspot.core.ClientSettings;
import dev.oauthkit.hubspot.core.HubSpotOAuthClientBuilder;
import dev.oauthkit.hubspot.core.HubSpotOAuthResponseException;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.testing.LogCapture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapper both stacks read 2xx bodies with, on nested models (paths with list indexes). */
class ResponseReadingTest {

  private static final String HEAD =
      "{\"category\":\"VALIDATION_ERROR\",\"correlationId\":\"8a7f3c1e-2b4d-4e6f-9a1b-3c5d7e9f1a2b\",\"message\":\"m\",";

  @Test
  void whenANestedOptionalFieldHasAnotherTypeThenOnlyItIsDroppedAndItsPathHasTheIndex()
      throws Exception {
    String body = HEAD + "\"errors\":[{\"message\":\"a\"},{\"message\":\"b\",\"in\":{\"x\":[1]}}]}";

    HubSpotError error;
    List<String> warnings;
    try (LogCapture logs = LogCapture.start()) {
      error = readFor("someOperation", body);
      warnings = warnings(logs);
    }

    assertThat(error.getErrors()).hasSize(2);
    assertThat(error.getErrors().get(1).getMessage()).isEqualTo("b");
    assertThat(error.getErrors().get(1).getIn()).isNull();
    assertThat(warnings)
        .singleElement()
        .satisfies(
            w ->
                assertThat(w)
                    .contains(
                        "someOperation: ignored optional response field $.errors[1].in:"
                            + " expected String, found an object"));
  }

  @Test
  void whenAnOptionalListHoldsAnItemWithoutItsRequiredFieldThenTheListIsDropped() throws Exception {
    String body = HEAD + "\"errors\":[{\"code\":\"c\"}],\"status\":\"BAD\"}";

    HubSpotError error;
    List<String> warnings;
    try (LogCapture logs = LogCapture.start()) {
      error = read(false, body);
      warnings = warnings(logs);
    }

    assertThat(error.getErrors()).as("the field keeps its default").isEmpty();
    assertThat(error.getStatus()).isEqualTo("BAD");
    assertThat(warnings)
        .singleElement()
        .satisfies(
            w ->
                assertThat(w)
                    .contains(
                        "response: ignored optional response field $.errors:"
                            + " $.errors[0].message is missing"));
  }

  @Test
  void whenReadingIsStrictThenTheNestedRequiredFieldIsNamedByItsFullPath() {
    String body = HEAD + "\"errors\":[{\"message\":\"a\"},{\"code\":\"c\"}]}";

    JsonProcessingException e =
        catchThrowableOfType(JsonProcessingException.class, () -> read(true, body));
    HubSpotOAuthResponseException mapped = ResponseReading.toException("someOperation", e);

    assertThat(mapped.jsonPath()).isEqualTo("$.errors[1].message");
    assertThat(mapped.getMessage())
        .isEqualTo("someOperation failed: response field $.errors[1].message is missing");
  }

  @Test
  void whenTheBodyIsNotJsonThenTheWholeBodyIsNamed() {
    JsonProcessingException e =
        catchThrowableOfType(JsonProcessingException.class, () -> read(false, "<html>"));

    assertThat(ResponseReading.toException("someOperation", e).getMessage())
        .isEqualTo("someOperation failed: response field $ is not valid JSON");
  }

  private static HubSpotError read(boolean strict, String body) throws JsonProcessingException {
    return ResponseReading.objectMapper(settings(strict)).readValue(body, HubSpotError.class);
  }

  static ClientSettings settings(boolean strict) {
    return new SettingsBuilder()
        .credentials(OAuthCredentials.of("id", "secret"))
        .strictReading(strict)
        .build();
  }

  /** Reads as inside {@code operation}'s answer: the attribute its response model's read sets. */
  private static HubSpotError readFor(String operation, String body) throws Exception {
    return ResponseReading.objectMapper(settings(false))
        .readerFor(HubSpotError.class)
        .withAttribute(ResponseReading.OPERATION, operation)
        .readValue(body);
  }

  private static List<String> warnings(LogCapture logs) {
    return logs.lines().stream().filter(line -> line.contains("WARNING")).toList();
  }

  /** A builder whose "client" is the settings it collected. */
  private static final class SettingsBuilder
      extends HubSpotOAuthClientBuilder<SettingsBuilder, ClientSettings, Void> {
    SettingsBuilder() {
      super(USER_AGENT_PREFIX + "test", (settings, http) -> settings);
    }
  }
}
