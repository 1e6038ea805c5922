package dev.oauthkit.hubspot.contract.stubs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import dev.oauthkit.hubspot.contract.spec.ResponseContract;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated server interfaces on Spring MVC, as teams build on them: for every operation and
 * every status that either document (v1 and 2026-03) documents, a request reaches the {@link
 * ExampleServer}'s implementation with each form field and path token bound to its parameter, and
 * the answer (the spec's example, as the generated model) comes back with that status and a body
 * that validates against the spec and equals the example.
 */
class SpringStubsTest {

  private static final ContractSpec SPEC = ContractSpec.packagedAll();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static ConfigurableApplicationContext server;
  private static ExampleAnswers answers;

  @BeforeAll
  static void start() {
    server = ExampleServer.start();
    answers = server.getBean(ExampleAnswers.class);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @TestFactory
  List<DynamicTest> whenEachDocumentedStatusIsAskedForThenBindingStatusAndBodyMatchTheSpec() {
    List<DynamicTest> tests = new ArrayList<>();
    for (OperationContract operation : SPEC.operations()) {
      for (ResponseContract response : operation.responses().values()) {
        tests.add(
            DynamicTest.dynamicTest(
                operation.version() + " " + operation.operationId() + " " + response.status(),
                () -> check(operation, response)));
      }
    }
    assertThat(SPEC.versions()).startsWith("v1").containsSubsequence("v1", "2026-03", "2026-09");
    assertThat(tests).hasSizeGreaterThanOrEqualTo(SPEC.operations().size() * 2);
    return tests;
  }

  private static void check(OperationContract operation, ResponseContract response)
      throws Exception {
    Map<String, String> sent = request(operation, response.status());
    int before = answers.calls().size();

    HttpResponse<String> answer =
        HTTP.send(build(operation, sent), HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as("status").isEqualTo(response.status());
    assertThat(answers.calls()).hasSize(before + 1);
    Map<String, String> bound = answers.calls().get(before).arguments();
    assertThat(bound.keySet()).as("parameters").containsAll(sent.keySet());
    sent.forEach((name, value) -> assertThat(bound.get(name)).as("bound " + name).isEqualTo(value));
    if (response.hasBody()) {
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
      JsonNode body = JSON.readTree(answer.body());
      assertThat(SPEC.validate(response, body)).as("schema violations").isEmpty();
      assertThat(body).isEqualTo(answers.example(operation.operationId(), response.status()));
    } else {
      assertThat(answer.body()).isEmpty();
    }
  }

  /** The request values that make the example server answer this status. */
  private static Map<String, String> request(OperationContract operation, int status) {
    Map<String, String> values = new LinkedHashMap<>();
    if (operation.hasPathParameter()) {
      values.put("token", operation.pathExample());
    } else {
      JsonNode example = operation.requestExamples().values().iterator().next();
      for (String name : example.propertyNames()) {
        values.put(name, example.path(name).asString());
      }
    }
    switch (status) {
      case 500 ->
          values.put(operation.hasPathParameter() ? "token" : "client_id", ExampleAnswers.FAIL);
      case 503 ->
          values.put(
              operation.hasPathParameter() ? "token" : "client_id", ExampleAnswers.UNAVAILABLE);
      case 401 ->
          values.put(
              operation.hasPathParameter() ? "token" : "client_secret", ExampleAnswers.WRONG);
      case 400 -> {
        if (values.containsKey("grant_type")) {
          values.put("grant_type", ExampleAnswers.BAD_GRANT);
        } else {
          values.put("token", ExampleAnswers.BAD_TOKEN);
        }
      }
      default -> {
        // the example request itself
      }
    }
    return values;
  }

  private static HttpRequest build(OperationContract operation, Map<String, String> values) {
    String base = "http://127.0.0.1:" + ExampleServer.port(server);
    if (operation.hasPathParameter()) {
      return HttpRequest.newBuilder(
              URI.create(base + operation.expand(encode(values.get("token")))))
          .method(operation.method(), HttpRequest.BodyPublishers.noBody())
          .build();
    }
    String form =
        values.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(URI.create(base + operation.path()))
        .header("Content-Type", operation.requestMediaType())
        .method(operation.method(), HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
