package dev.oauthkit.hubspot.contract.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.oauthkit.hubspot.contract.report.ContractReport;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server contract, over HTTP, against a WireMock whose v1 access token metadata answers 503
 * (every other answer a valid 401), checked against a v1 document whose 503s mark their {@code
 * Retry-After} header {@code required: true}.
 */
class RequiredHeaderContractTest {

  private static final String UNAUTHORIZED =
      "{\"category\":\"UNAUTHORIZED\",\"correlationId\":\"aeb5f871-7f07-4993-9211-075dc63e7cbf\","
          + "\"message\":\"Invalid or expired token\"}";
  private static final String UNAVAILABLE =
      "{\"category\":\"SERVICE_UNAVAILABLE\","
          + "\"correlationId\":\"5b8e2c1d-9f4a-4e3b-8c7d-1a2b3c4d5e6f\","
          + "\"message\":\"The store is unavailable; try again later\"}";

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().disableRequestJournal());
    server.start();
    server.stubFor(any(anyUrl()).willReturn(json(401, UNAUTHORIZED)));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void whenA503LacksTheRequiredRetryAfterThenTheProblemNamesOperationStatusAndHeader()
      throws Exception {
    List<String> problems = problems(json(503, UNAVAILABLE));

    assertThat(problems)
        .contains(
            "status 503 lacks the Retry-After header (required by the spec for"
                + " getAccessTokenMetadata 503)");
  }

  @Test
  void whenThe503CarriesRetryAfterThenNoProblemIsAboutTheHeader() throws Exception {
    List<String> problems = problems(json(503, UNAVAILABLE).withHeader("Retry-After", "1"));

    assertThat(problems)
        .anyMatch(problem -> problem.startsWith("server error 503"))
        .noneMatch(problem -> problem.contains("Retry-After"));
  }

  private List<String> problems(ResponseDefinitionBuilder metadataAnswer) throws Exception {
    server.stubFor(get(urlPathMatching("/oauth/v1/access-tokens/.*")).willReturn(metadataAnswer));
    ContractReport report =
        ServerContract.builder()
            .baseUrl(server.baseUrl())
            .spec(ResponseCheckerTest.retryAfter("required: true"))
            .requestsPerOperation(5)
            .seed(7)
            .build()
            .run();
    return report.failures().stream().flatMap(result -> result.problems().stream()).toList();
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
