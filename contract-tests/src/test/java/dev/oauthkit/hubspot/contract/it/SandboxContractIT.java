package dev.oauthkit.hubspot.contract.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.contract.report.ContractReport;
import dev.oauthkit.hubspot.contract.report.JUnitXml;
import dev.oauthkit.hubspot.contract.server.CaseResult;
import dev.oauthkit.hubspot.contract.server.ServerContract;
import dev.oauthkit.hubspot.sandbox.testing.SandboxProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server contract against the real sandbox jar on a random port, both API versions (v1 and
 * 2026-03): the stateful flows (across versions too), the bad-input catalogues and 1000
 * property-based requests per operation, with zero 5xx, zero undocumented statuses, zero schema
 * violations, and every status and example of both documents seen.
 */
class SandboxContractIT {

  @TempDir static Path data;
  private static SandboxProcess sandbox;

  @BeforeAll
  static void start() throws Exception {
    sandbox =
        SandboxProcess.start(
            data.resolve("data"),
            Path.of(
                System.getProperty("sandbox.logs", "target/sandbox-logs"),
                "SandboxContractIT.log"));
  }

  @AfterAll
  static void stop() throws Exception {
    sandbox.close();
  }

  @Test
  void whenTheContractRunsAgainstTheSandboxThenEveryAnswerKeepsTheSpec() throws Exception {
    ContractReport report =
        ServerContract.builder()
            .baseUrl("http://127.0.0.1:" + sandbox.port())
            .adminKey(SandboxProcess.ADMIN_KEY)
            .requestsPerOperation(ServerContract.DEFAULT_REQUESTS_PER_OPERATION)
            .seed(20261123L)
            .build()
            .run();
    Path reports = Path.of(System.getProperty("contract.reports", "target/contract-report"));
    JUnitXml.write(report, reports);
    Files.writeString(reports.resolve("summary.txt"), report.summary());
    System.out.println("Server contract summary and coverage: " + reports.resolve("summary.txt"));

    assertThat(report.failures()).as(report.summary()).isEmpty();
    assertThat(report.fullyCovered()).as(report.coverageTable()).isTrue();
    assertThat(report.lastLine(true))
        .isEqualTo(
            "PASSED: every documented status and example was seen ("
                + report.results().size()
                + " requests, API "
                + String.join(", ", report.versions())
                + ")");
    assertThat(report.counts().keySet())
        .containsExactlyInAnyOrder(
            "createOrRefreshAccessToken",
            "getAccessTokenMetadata",
            "getRefreshTokenMetadata",
            "revokeRefreshToken",
            "createToken",
            "introspectToken",
            "revokeToken");
    for (String version : report.versions()) {
      for (Map.Entry<String, Map<String, Integer>> groups : report.counts(version).entrySet()) {
        assertThat(groups.getValue().get("generated"))
            .as(version + " " + groups.getKey())
            .isEqualTo(1000);
        assertThat(groups.getValue()).containsKeys("flow", "bad-input");
      }
    }
    // With the registered client mixed in, generated 2026-03 requests get past client
    // authentication: introspect and revoke answer 200 (RFC 7662 inactive, RFC 7009), the token
    // request the grant's 400s (no generated request holds a live code or refresh token).
    for (String operationId : List.of("introspectToken", "revokeToken")) {
      assertThat(generatedStatuses(report, operationId))
          .as(operationId)
          .containsKeys(200, 400, 401);
    }
    assertThat(generatedStatuses(report, "createToken")).as("createToken").containsKeys(400, 401);
    assertThat(sandbox.logText()).doesNotContain("Exception");
  }

  private static Map<Integer, Long> generatedStatuses(ContractReport report, String operationId) {
    Map<Integer, Long> statuses =
        report.results().stream()
            .filter(r -> r.group().equals("generated") && r.operationId().equals(operationId))
            .collect(
                Collectors.groupingBy(CaseResult::status, TreeMap::new, Collectors.counting()));
    System.out.println("Generated " + operationId + " requests by status: " + statuses);
    return statuses;
  }
}
