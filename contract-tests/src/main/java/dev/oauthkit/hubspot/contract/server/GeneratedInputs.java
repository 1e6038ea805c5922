package dev.oauthkit.hubspot.contract.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.engine.SourceOfRandomness;

/**
 * Property-based inputs (jqwik arbitraries) for the token form and for path tokens: boundary,
 * missing, repeated, wrong-typed and malformed values. Drawn outside a jqwik property with {@link
 * Arbitrary#sampleStream()} from a seeded source of randomness, so a run can be repeated exactly.
 */
final class GeneratedInputs {

  static final List<String> TOKEN_FIELDS =
      List.of("grant_type", "client_id", "client_secret", "redirect_uri", "code", "refresh_token");

  private final Iterator<TokenRequest> tokenRequests;
  private final Iterator<String> pathTokens;

  /**
   * Inputs from this seed. With a registered client, its id and secret are mixed into the form
   * fields, so that requests get past client authentication into the grant logic.
   */
  GeneratedInputs(long seed, List<String> clientIds, List<String> clientSecrets) {
    // Seeds the thread's source of randomness that sampleStream() draws from.
    SourceOfRandomness.create(Long.toString(seed));
    this.tokenRequests = tokenRequest(clientIds, clientSecrets).sampleStream().iterator();
    this.pathTokens = pathToken().sampleStream().iterator();
  }

  /** One token-endpoint request: content type (or {@code null}) and body. */
  record TokenRequest(String contentType, FormBody body) {}

  TokenRequest nextTokenRequest() {
    return tokenRequests.next();
  }

  String nextPathToken() {
    return pathTokens.next();
  }

  private static Arbitrary<TokenRequest> tokenRequest(
      List<String> clientIds, List<String> clientSecrets) {
    List<Arbitrary<List<String>>> fields = new ArrayList<>();
    for (String field : TOKEN_FIELDS) {
      Arbitrary<String> value =
          switch (field) {
            case "grant_type" -> grantType();
            case "client_id" -> knownOr(clientIds);
            case "client_secret" -> knownOr(clientSecrets);
            default -> value();
          };
      fields.add(occurrences(value));
    }
    Arbitrary<List<List<String>>> values = Combinators.combine(fields).as(list -> list);
    Arbitrary<String> junk =
        Arbitraries.frequencyOf(
            List.of(
                Tuple.of(9, Arbitraries.just("")),
                Tuple.of(
                    1,
                    Arbitraries.of(
                        "%", "%z", "%zz", "%%", "=", "&&", "a=%FF%FE", "%C3%28", "=x", "k=%0"))));
    return Combinators.combine(contentType(), values, junk)
        .as(
            (contentType, occurrences, raw) -> {
              FormBody body = FormBody.create();
              for (int i = 0; i < TOKEN_FIELDS.size(); i++) {
                for (String value : occurrences.get(i)) {
                  body.field(TOKEN_FIELDS.get(i), value);
                }
              }
              if (!raw.isEmpty()) {
                body.raw(raw);
              }
              return new TokenRequest(contentType.isEmpty() ? null : contentType, body);
            });
  }

  private static Arbitrary<String> pathToken() {
    Arbitrary<String> encoded =
        value()
            .filter(text -> !text.isEmpty())
            .map(text -> URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"));
    Arbitrary<String> malformed = Arbitraries.of("%", "%z", "%zz", "%%", "a%2", "%C3%28", "%00");
    return Arbitraries.frequencyOf(List.of(Tuple.of(9, encoded), Tuple.of(1, malformed)));
  }

  /** A known value half of the time, when there are any; otherwise any value. */
  private static Arbitrary<String> knownOr(List<String> known) {
    if (known.isEmpty()) {
      return value();
    }
    return Arbitraries.frequencyOf(
        List.of(Tuple.of(1, Arbitraries.of(known)), Tuple.of(1, value())));
  }

  /** A field absent (20%), present once (70%) or repeated (10%). */
  private static Arbitrary<List<String>> occurrences(Arbitrary<String> value) {
    return Arbitraries.frequencyOf(
        List.of(
            Tuple.of(2, Arbitraries.just(List.<String>of())),
            Tuple.of(7, value.map(List::of)),
            Tuple.of(1, value.list().ofSize(2))));
  }

  private static Arbitrary<String> grantType() {
    return Arbitraries.frequencyOf(
        List.of(
            Tuple.of(6, Arbitraries.of("authorization_code", "refresh_token")),
            Tuple.of(2, Arbitraries.of("client_credentials", "password", "implicit", "")),
            Tuple.of(2, value())));
  }

  private static Arbitrary<String> contentType() {
    return Arbitraries.frequencyOf(
        List.of(
            Tuple.of(8, Arbitraries.just("application/x-www-form-urlencoded")),
            Tuple.of(
                2,
                Arbitraries.of(
                    "application/x-www-form-urlencoded; charset=UTF-8",
                    "application/json",
                    "text/plain",
                    "application/xml",
                    "multipart/form-data; boundary=x",
                    "application/x-www-form-urlencoded; charset=bogus",
                    "*/*",
                    ""))));
  }

  private static Arbitrary<String> value() {
    return Arbitraries.frequencyOf(
        List.of(
            Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars("-_.~").ofMaxLength(80)),
            Tuple.of(2, Arbitraries.strings().ofMinLength(1).ofMaxLength(40)),
            Tuple.of(2, Arbitraries.strings().ascii().ofMaxLength(20)),
            Tuple.of(
                2,
                Arbitraries.of(
                    "",
                    " ",
                    "null",
                    "0",
                    "-1",
                    "2147483648",
                    "1e309",
                    "true",
                    "[]",
                    "{}",
                    "../..",
                    "\u0000",
                    "\uFEFF",
                    "https://",
                    "javascript:alert(1)",
                    "%00",
                    "<html>")),
            Tuple.of(
                1,
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(500).ofMaxLength(3000))));
  }
}
