package dev.oauthkit.hubspot.contract.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SinceBaselineTest {

  private static String packagedText() throws IOException {
    try (InputStream in =
        SinceBaselineTest.class.getClassLoader().getResourceAsStream(ContractSpec.PACKAGED_SPEC)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void whenSpecJarShipsTheBaselineThenReleasedOperationsAreNotNew() {
    SinceBaseline baseline = SinceBaseline.packaged();

    assertThat(baseline.mark("getAccessTokenMetadata", "200")).isEmpty();
    assertThat(baseline.mark("createOrRefreshAccessToken", "400")).isEmpty();
  }

  @Test
  void whenOperationOrStatusIsNotInTheBaselineThenItIsNew() {
    SinceBaseline baseline = SinceBaseline.of(ContractSpec.packaged());

    assertThat(baseline.mark("getTokenInfo", "200")).isEqualTo("new");
    assertThat(baseline.mark("getAccessTokenMetadata", "429")).isEqualTo("new");
  }

  @Test
  void whenSpecHasAStatusTheBaselineLacksThenCoverageTableMarksOnlyThatRowNew() throws IOException {
    String text = packagedText();
    int firstServerError = text.indexOf("        '500':");
    String withNewStatus =
        text.substring(0, firstServerError)
            + "        '429':\n          description: Too many requests\n"
            + text.substring(firstServerError);
    ContractReport report =
        new ContractReport(
            ContractSpec.of(withNewStatus), "http://127.0.0.1:1", List.of(), Set.of(), false, 1L);

    String table = report.coverageTable();

    assertThat(table).containsPattern("getAccessTokenMetadata\\s+429\\s+NO\\s+0/1\\s+new\\s");
    assertThat(table).containsPattern("getAccessTokenMetadata\\s+200\\s+NO\\s+0/1\\s+\\{\\}");
    assertThat(table).contains(SinceBaseline.LEGEND);
  }
}
