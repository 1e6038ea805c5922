package dev.oauthkit.hubspot.contract.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.contract.server.CaseResult;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JUnitXmlTest {

  @Test
  void whenReportHasAFailureThenTheXmlCountsItAndCarriesItsProblems() {
    ContractReport report =
        new ContractReport(
            ContractSpec.packaged(),
            "http://127.0.0.1:1",
            List.of(
                new CaseResult(
                    "flow", "ok case", "v1", "getAccessTokenMetadata", 200, List.of(), 0.25, null),
                new CaseResult(
                    "generated",
                    "bad <case>",
                    "v1",
                    "revokeRefreshToken",
                    404,
                    List.of("status 404"),
                    1.5,
                    "seed 42 (replay: --seed=42), smallest failing request found: GET /x/a")),
            Set.of(new SeenAnswer("v1", "getAccessTokenMetadata", 200, null, null)),
            true,
            42);

    String xml = JUnitXml.render(report);

    assertThat(xml)
        .contains("tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"1.750\">")
        .contains(
            "classname=\"server-contract.flow.getAccessTokenMetadata\" name=\"ok case\""
                + " time=\"0.250\"/>")
        .contains("name=\"bad &lt;case&gt;\" time=\"1.500\">")
        .contains(
            "<failure message=\"status 404\">status 404\n"
                + "seed 42 (replay: --seed=42), smallest failing request found: GET /x/a"
                + "</failure>");
  }

  @Test
  void whenTextHasControlCharactersThenTheyAreEscaped() {
    assertThat(JUnitXml.escape("a\u0000b\"c&")).isEqualTo("a\\u0000b&quot;c&amp;");
  }
}
