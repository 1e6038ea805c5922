package dev.oauthkit.hubspot.core.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.testing.MutableClock;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ErrorBodiesTest {

  private final MutableClock clock = MutableClock.atFixedStart();

  @Test
  void whenTheBodyIsAnErrorObjectThenEveryFieldIsMapped() {
    String body =
        """
        {"status":"BAD_REFRESH_TOKEN","message":"missing or invalid refresh token",
         "correlationId":"0d5b2f7e","category":"VALIDATION_ERROR","subCategory":"INVALID_GRANT",
         "error":"invalid_grant","error_description":"missing or invalid refresh token",
         "errors":[{"message":"refresh_token is invalid","code":"INVALID_PARAMETER","in":"body"}],
         "unknown":{"ignored":true}}
        """;

    HubSpotOAuthException e = map(400, null, body, List.of());

    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.operation()).isEqualTo("createOrRefreshAccessToken");
    assertThat(e.category()).contains("VALIDATION_ERROR");
    assertThat(e.subCategory()).contains("INVALID_GRANT");
    assertThat(e.hubSpotStatus()).contains("BAD_REFRESH_TOKEN");
    assertThat(e.correlationId()).contains("0d5b2f7e");
    assertThat(e.serverMessage()).contains("missing or invalid refresh token");
    assertThat(e.error()).contains("invalid_grant");
    assertThat(e.errorDescription()).contains("missing or invalid refresh token");
    assertThat(e.errors())
        .singleElement()
        .satisfies(
            detail -> {
              assertThat(detail.message()).contains("refresh_token is invalid");
              assertThat(detail.code()).contains("INVALID_PARAMETER");
              assertThat(detail.in()).contains("body");
              assertThat(detail.subCategory()).isEmpty();
            });
    assertThat(e.bodyExcerpt()).isEmpty();
    assertThat(e.retryAfter()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"<html>Bad gateway</html>", "[1, 2]", "\"text\"", "{\"cut\": "})
  void whenTheBodyIsNotAJsonObjectThenItsStartIsKept(String body) {
    HubSpotOAuthException e = map(502, null, body, List.of());

    assertThat(e.bodyExcerpt()).contains(body);
    assertThat(e.category()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("createOrRefreshAccessToken failed: HTTP 502: " + body);
  }

  @Test
  void whenThereIsNoBodyThenOnlyTheStatusIsKnown() {
    for (String body : new String[] {null, "", "  "}) {
      HubSpotOAuthException e = map(503, null, body, List.of());

      assertThat(e.getMessage()).startsWith("createOrRefreshAccessToken failed: HTTP 503");
      assertThat(e.category()).isEmpty();
      assertThat(e.isRetryable()).isTrue();
    }
    assertThat(map(503, null, null, List.of()).bodyExcerpt()).isEmpty();
    assertThat(map(503, null, "", List.of()).bodyExcerpt()).isEmpty();
  }

  @Test
  void whenRetryAfterIsSentThenTheExceptionCarriesIt() {
    assertThat(map(429, "7", "{}", List.of()).retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(map(503, "Thu, 01 Jan 2026 00:00:30 GMT", "", List.of()).retryAfter())
        .contains(Duration.ofSeconds(30));
    assertThat(map(503, "soon", "", List.of()).retryAfter()).isEmpty();
  }

  @Test
  void whenTheBodyEchoesSecretsThenTheyAreRedacted() {
    HubSpotOAuthException json =
        map(
            400,
            null,
            "{\"message\":\"bad the-refresh\",\"error_description\":\"bad the-secret\","
                + "\"errors\":[{\"message\":\"the-code\"}]}",
            List.of("the-code", "the-secret", "the-refresh"));
    HubSpotOAuthException text =
        map(400, null, "bad the-refresh", List.of("the-code", "the-secret", "the-refresh"));

    assertThat(
            List.of(
                json.getMessage(),
                json.serverMessage().orElseThrow(),
                json.errorDescription().orElseThrow(),
                json.errors().get(0).message().orElseThrow(),
                text.getMessage(),
                text.bodyExcerpt().orElseThrow()))
        .allSatisfy(
            message ->
                assertThat(message)
                    .contains("[redacted sha256:")
                    .doesNotContain("the-code", "the-secret", "the-refresh"));
  }

  @Test
  void whenTheBodyIsLongerThanTheCapThenOnlyItsStartIsLookedAt() {
    String json = "{\"message\":\"" + "x".repeat(ErrorBodies.MAX_BODY_CHARS) + "\"}";

    HubSpotOAuthException e = map(500, null, json, List.of());

    assertThat(e.serverMessage()).isEmpty();
    assertThat(e.bodyExcerpt())
        .hasValueSatisfying(excerpt -> assertThat(excerpt).startsWith("{\"message\":\"xxx"));
    assertThat(ErrorResponse.of(500, null, json).body()).hasSize(ErrorBodies.MAX_BODY_CHARS);
    assertThat(ErrorResponse.of(500, null, null).body()).isEmpty();
  }

  @Test
  void whenABodyIsReadThenAtMostTheCapIsReadAndTheReaderIsClosed() {
    ClosingReader reader = new ClosingReader("y".repeat(ErrorBodies.MAX_BODY_CHARS + 10));

    String body = ErrorBodies.read(reader);

    assertThat(body).isEqualTo("y".repeat(ErrorBodies.MAX_BODY_CHARS));
    assertThat(reader.closed).isTrue();
    assertThat(ErrorBodies.read(new StringReader("short"))).isEqualTo("short");
    assertThat(ErrorBodies.read(null)).isEmpty();
  }

  @Test
  void whenTheBodyCannotBeReadThenItIsEmpty() {
    Reader failing =
        new Reader() {
          @Override
          public int read(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("connection reset");
          }

          @Override
          public void close() {}
        };

    assertThat(ErrorBodies.read(failing)).isEmpty();
  }

  @Test
  void whenAnErrorResponseIsPrintedThenOnlyTheStatusShows() {
    ErrorResponse response = ErrorResponse.of(401, "3", "{\"message\":\"the-token\"}");

    assertThat(response).hasMessage("HTTP 401").hasNoCause();
    assertThat(response.getStackTrace()).isEmpty();
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.retryAfter()).isEqualTo("3");
  }

  private HubSpotOAuthException map(
      int status, String retryAfter, String body, List<String> secrets) {
    return ErrorBodies.toException(
        "createOrRefreshAccessToken", status, retryAfter, body, secrets, clock);
  }

  /** A reader that remembers being closed. */
  private static final class ClosingReader extends StringReader {
    boolean closed;

    ClosingReader(String text) {
      super(text);
    }

    @Override
    public void close() {
      closed = true;
      super.close();
    }
  }
}
