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
                new CaseResult("flow", "ok case", "getAccessTokenMetadata", 200, List.of()),
                new CaseResult(
                    "generated", "bad <case>", "revokeRefreshToken", 404, List.of("status 404"))),
            Set.of(new SeenAnswer("getAccessTokenMetadata", 200, null, null)),
            true,
            42);

    String xml = JUnitXml.render(report);

    assertThat(xml)
        .contains("tests=\"2\" failures=\"1\"")
        .contains("classname=\"server-contract.flow.getAccessTokenMetadata\" name=\"ok case\"/>")
        .contains("name=\"bad &lt;case&gt;\"")
        .contains("<failure message=\"status 404\">");
  }

  @Test
  void whenTextHasControlCharactersThenTheyAreEscaped() {
    assertThat(JUnitXml.escape("a\u0000b\"c&")).isEqualTo("a\\u0000b&quot;c&amp;");
  }
}
