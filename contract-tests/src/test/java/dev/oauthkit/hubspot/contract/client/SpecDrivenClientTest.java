package dev.oauthkit.hubspot.contract.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.ExampleCase;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.HubSpotOAuthResponseException;
import dev.oauthkit.hubspot.core.IntrospectedToken;
import dev.oauthkit.hubspot.core.OAuthErrorDetail;
import dev.oauthkit.hubspot.core.TokenGrant;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Both clients against stubs built from every document of the spec (v1 and each date version): for
 * every operation x documented response x example (x request example, for operations with a body),
 * WireMock serves the example to a client built on the operation's API version; a success decodes
 * into a typed result holding exactly the example's fields ({@link WireFields}), or, for a token
 * answer of the other grant, is refused on {@code $.token_use}; an error becomes a {@link
 * HubSpotOAuthException} carrying the example's fields; and the request WireMock received validates
 * against the spec. Nothing here names an example or a version; the last test of each client checks
 * that all were covered.
 */
class SpecDrivenClientTest {

  private static final ContractSpec SPEC = ContractSpec.packagedAll();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final com.fasterxml.jackson.databind.ObjectMapper MODELS =
      new com.fasterxml.jackson.databind.ObjectMapper()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  private static WireMockServer wiremock;

  @BeforeAll
  static void start() {
    wiremock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    wiremock.start();
  }

  @AfterAll
  static void stop() {
    wiremock.stop();
  }

  @TestFactory
  Stream<DynamicNode> whenTheSpecsExamplesAreServedThenEachClientKeepsTheContract() {
    return ClientStack.all().stream().map(SpecDrivenClientTest::suite);
  }

  private static DynamicContainer suite(ClientStack stack) {
    ClientCoverage coverage = new ClientCoverage(stack.name(), SPEC);
    Stream<DynamicTest> cases =
        SPEC.responseExamples().stream()
            .flatMap(
                example ->
                    calls(example.operation())
                        .map(
                            call ->
                                DynamicTest.dynamicTest(
                                    example.operation().version()
                                        + " "
                                        + example.label()
                                        + " <- "
                                        + call,
                                    () -> {
                                      check(stack, example, call);
                                      coverage.passed(example);
                                    })));
    DynamicTest covered =
        DynamicTest.dynamicTest(
            "every operation, status and example covered",
            () -> {
              System.out.println(coverage.table());
              assertThat(coverage.missing()).as(coverage.table()).isEmpty();
            });
    return DynamicContainer.dynamicContainer(
        stack.name(), Stream.concat(cases, Stream.of(covered)));
  }

  private static Stream<OperationCall> calls(OperationContract operation) {
    if (operation.requestExamples().isEmpty()) {
      return Stream.of(new OperationCall(operation, null, null));
    }
    return operation.requestExamples().entrySet().stream()
        .map(entry -> new OperationCall(operation, entry.getKey(), entry.getValue()));
  }

  private static void check(ClientStack stack, ExampleCase example, OperationCall call) {
    wiremock.resetAll();
    OperationContract operation = example.operation();
    String path =
        operation.hasPathParameter() ? operation.expand(operation.pathExample()) : operation.path();
    ResponseDefinitionBuilder answer = aResponse().withStatus(example.response().status());
    if (example.body() != null) {
      answer
          .withHeader("Content-Type", example.response().mediaType())
          .withBody(example.body().toString());
    }
    wiremock.stubFor(request(operation.method(), urlPathEqualTo(path)).willReturn(answer));
    var client = stack.create(call.version(), wiremock.baseUrl(), call.credentials());

    if (example.response().isSuccess() && !call.accepts(example.body())) {
      HubSpotOAuthResponseException refused =
          catchThrowableOfType(HubSpotOAuthResponseException.class, () -> call.invoke(client));
      assertThat(refused).as("the other grant's answer is refused").isNotNull();
      assertThat(refused.jsonPath()).isEqualTo("$.token_use");
    } else if (example.response().isSuccess()) {
      Object result = call.invoke(client);
      if (example.body() == null) {
        assertThat(result).isNull();
      } else {
        assertThat(JSON.readTree(json(result, call.version().isDated())))
            .isEqualTo(carried(example.body()));
      }
    } else {
      HubSpotOAuthException error =
          catchThrowableOfType(HubSpotOAuthException.class, () -> call.invoke(client));
      assertCarriesExample(error, example);
    }

    assertThat(wiremock.findAllUnmatchedRequests()).isEmpty();
    List<LoggedRequest> received =
        wiremock.findAll(
            new RequestPatternBuilder(
                RequestMethod.fromString(operation.method()), urlPathEqualTo(path)));
    assertThat(received).hasSize(1);
    assertRequestKeepsTheSpec(operation, call, received.get(0));
  }

  private static void assertCarriesExample(HubSpotOAuthException error, ExampleCase example) {
    JsonNode body = example.body();
    assertThat(error).as("no HubSpotOAuthException for " + example.label()).isNotNull();
    assertThat(error.httpStatus()).isEqualTo(example.response().status());
    assertThat(error.category().orElse(null)).isEqualTo(text(body, "category"));
    assertThat(error.correlationId().orElse(null)).isEqualTo(text(body, "correlationId"));
    assertThat(error.serverMessage().orElse(null)).isEqualTo(text(body, "message"));
    assertThat(error.subCategory().orElse(null)).isEqualTo(text(body, "subCategory"));
    assertThat(error.hubSpotStatus().orElse(null)).isEqualTo(text(body, "status"));
    assertThat(error.error().orElse(null)).isEqualTo(text(body, "error"));
    assertThat(error.errorDescription().orElse(null)).isEqualTo(text(body, "error_description"));
    List<OAuthErrorDetail> details = error.errors();
    JsonNode expected = body.path("errors");
    assertThat(details).hasSize(expected.size());
    for (int i = 0; i < details.size(); i++) {
      assertThat(details.get(i).message().orElse(null)).isEqualTo(text(expected.get(i), "message"));
      assertThat(details.get(i).code().orElse(null)).isEqualTo(text(expected.get(i), "code"));
      assertThat(details.get(i).in().orElse(null)).isEqualTo(text(expected.get(i), "in"));
    }
  }

  private static void assertRequestKeepsTheSpec(
      OperationContract operation, OperationCall call, LoggedRequest request) {
    assertThat(request.getMethod().getName()).isEqualTo(operation.method());
    assertThat(request.getUrl()).doesNotContain("?");
    if (operation.requestMediaType() == null) {
      assertThat(request.getBody()).isEmpty();
      return;
    }
    assertThat(request.getHeaders().getHeader("Content-Type").values())
        .singleElement()
        .asString()
        .startsWith(operation.requestMediaType());
    Map<String, String> form = parseForm(request.getBodyAsString());
    assertThat(form).isEqualTo(call.expectedForm());
    ObjectNode asJson = JSON.createObjectNode();
    form.forEach(asJson::put);
    assertThat(SPEC.validateRequest(operation, asJson)).isEmpty();
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new TreeMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      assertThat(form.put(name, value)).as("field %s sent twice", name).isNull();
    }
    return form;
  }

  /** The example without the fields no typed result carries. */
  private static JsonNode carried(JsonNode example) {
    if (!example.isObject()) {
      return example;
    }
    ObjectNode copy = ((ObjectNode) example).deepCopy();
    WireFields.NOT_CARRIED.forEach(copy::remove);
    return copy;
  }

  /** A typed token result as its wire fields; a v1 metadata model as Jackson writes it. */
  private static String json(Object result, boolean dated) {
    try {
      return isTypedResult(result)
          ? MODELS.writeValueAsString(WireFields.of(result, dated))
          : MODELS.writeValueAsString(result);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isTypedResult(Object result) {
    return result instanceof TokenGrant || result instanceof IntrospectedToken;
  }

  private static String text(JsonNode node, String field) {
    return node.has(field) ? node.get(field).asString() : null;
  }
}
