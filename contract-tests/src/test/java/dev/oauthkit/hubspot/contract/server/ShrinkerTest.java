package dev.oauthkit.hubspot.contract.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ShrinkerTest {

  private static final String FORM = "application/x-www-form-urlencoded";

  private static String body(GeneratedRequest request) {
    return new String(request.body(), StandardCharsets.UTF_8);
  }

  @Test
  void whenOneFieldMakesTheCheckFailThenOnlyThatFieldIsLeftWithTheOrdinaryContentType() {
    GeneratedRequest failing =
        GeneratedRequest.form(
            "text/plain",
            List.of(
                GeneratedRequest.Field.encoded("grant_type", "refresh_token"),
                GeneratedRequest.Field.known("client_id", "the-client"),
                GeneratedRequest.Field.encoded("code", "x".repeat(900)),
                GeneratedRequest.Field.raw("%zz")));
    Predicate<GeneratedRequest> fails = r -> body(r).contains("grant_type=refresh_token");

    GeneratedRequest smallest = Shrinker.of(FORM, 200).shrink(failing, fails);

    assertThat(body(smallest)).isEqualTo("grant_type=refresh_token");
    assertThat(smallest.contentType()).isEqualTo(FORM);
    assertThat(smallest.show("POST", "/oauth/v1/token"))
        .isEqualTo(
            "POST /oauth/v1/token Content-Type: " + FORM + " body: grant_type=refresh_token");
  }

  @Test
  void whenOnlyAPartOfARegisteredSecretFailsThenNoPartOfItIsTriedOrShown() {
    String secret = "s3cr3t-value-0123456789";
    GeneratedRequest failing =
        GeneratedRequest.form(FORM, List.of(GeneratedRequest.Field.known("client_secret", secret)));
    List<String> tried = new ArrayList<>();
    // Fails for any value that starts like the secret: a shrinker that cuts it would keep a part.
    Predicate<GeneratedRequest> fails =
        r -> {
          tried.add(body(r));
          return body(r).startsWith("client_secret=s3cr");
        };

    GeneratedRequest smallest = Shrinker.of(FORM, 200).shrink(failing, fails);

    assertThat(tried).isNotEmpty().noneMatch(b -> b.contains("s3cr"));
    assertThat(smallest.show("POST", "/oauth/v1/token"))
        .contains("client_secret=<registered client_secret>")
        .doesNotContain("s3cr");
  }

  @Test
  void whenALongValueFailsThenItIsShortenedToTheShortestThatStillFails() {
    GeneratedRequest failing =
        GeneratedRequest.form(
            FORM, List.of(GeneratedRequest.Field.encoded("code", "abcdefgh".repeat(100))));

    GeneratedRequest smallest = Shrinker.of(FORM, 500).shrink(failing, r -> body(r).length() > 25);

    assertThat(body(smallest)).hasSize(26).startsWith("code=");
  }

  @Test
  void whenAPathTokenFailsThenItShrinksToASimplerToken() {
    GeneratedRequest failing = GeneratedRequest.path("Zq%C3%A9%F0%9F%94%91abc%zz");

    GeneratedRequest smallest =
        Shrinker.of(null, 200).shrink(failing, r -> r.pathValue().contains("%z"));

    assertThat(smallest.pathValue()).isEqualTo("%z");
    assertThat(smallest.show("GET", "/oauth/v1/access-tokens/{token}"))
        .isEqualTo("GET /oauth/v1/access-tokens/%z");
  }

  @Test
  void whenTheBudgetIsSpentThenShrinkingStopsWithTheSmallestSoFar() {
    AtomicInteger tries = new AtomicInteger();
    GeneratedRequest failing =
        GeneratedRequest.form(
            FORM, List.of(GeneratedRequest.Field.encoded("code", "x".repeat(64))));

    GeneratedRequest smallest =
        Shrinker.of(FORM, 5)
            .shrink(
                failing,
                r -> {
                  tries.incrementAndGet();
                  return !r.fields().isEmpty() && r.fields().get(0).value().length() > 1;
                });

    assertThat(tries).hasValue(5);
    assertThat(body(smallest)).isEqualTo("code=" + "x".repeat(32));
  }

  @Test
  void whenAKnownValueIsShownThenItIsMasked() {
    GeneratedRequest request =
        GeneratedRequest.form(FORM, List.of(GeneratedRequest.Field.known("client_secret", "s3")));

    assertThat(request.show("POST", "/t"))
        .contains("client_secret=<registered client_secret>")
        .doesNotContain("s3");
    assertThat(request.toString()).doesNotContain("s3");
  }
}
