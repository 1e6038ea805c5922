package dev.oauthkit.hubspot.contract.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifierOptionsTest {

  private static VerifierOptions parse(Map<String, String> env, String... args) {
    return VerifierOptions.parse(args, env::get);
  }

  @Test
  void whenOnlyBaseUrlIsGivenThenDefaultsApply() {
    VerifierOptions options = parse(Map.of(), "--base-url=http://127.0.0.1:8080");

    assertThat(options.baseUrl()).isEqualTo("http://127.0.0.1:8080");
    assertThat(options.adminKey()).isNull();
    assertThat(options.reportDir()).isEqualTo(Path.of("contract-report"));
    assertThat(options.requestsPerOperation()).isEqualTo(1000);
    assertThat(options.seed()).isNull();
    assertThat(options.requireFullCoverage()).isFalse();
  }

  @Test
  void whenRequireFullCoverageIsGivenAsFlagOrTwinThenItIsOn() {
    assertThat(
            parse(Map.of(), "--base-url=http://x", "--require-full-coverage").requireFullCoverage())
        .isTrue();
    assertThat(
            parse(Map.of("CONTRACT_REQUIRE_FULL_COVERAGE", "true"), "--base-url=http://x")
                .requireFullCoverage())
        .isTrue();
    assertThat(
            parse(
                    Map.of("CONTRACT_REQUIRE_FULL_COVERAGE", "1"),
                    "--base-url=http://x",
                    "--require-full-coverage=false")
                .requireFullCoverage())
        .isFalse();
  }

  @Test
  void whenRequireFullCoverageIsNotABooleanThenTheErrorNamesTheOption() {
    assertThatThrownBy(
            () -> parse(Map.of("CONTRACT_REQUIRE_FULL_COVERAGE", "maybe"), "--base-url=http://x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--require-full-coverage must be true or false, was 'maybe'");
  }

  @Test
  void whenSeedIsGivenThenItIsParsedExactlyAndANonNumberIsRefused() {
    assertThat(parse(Map.of("CONTRACT_SEED", "-9007199254740993"), "--base-url=http://x").seed())
        .isEqualTo(-9007199254740993L);
    assertThat(parse(Map.of(), "--base-url=http://x", "--seed=20261123").seed())
        .isEqualTo(20261123L);
    assertThatThrownBy(() -> parse(Map.of(), "--base-url=http://x", "--seed=abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--seed must be a whole number, was 'abc'");
  }

  @Test
  void whenEnvironmentTwinsAreSetThenFlagsStillWin() {
    VerifierOptions options =
        parse(
            Map.of("CONTRACT_BASE_URL", "http://env:1", "CONTRACT_ADMIN_KEY", "env-key"),
            "--admin-key=flag-key");

    assertThat(options.baseUrl()).isEqualTo("http://env:1");
    assertThat(options.adminKey()).isEqualTo("flag-key");
  }

  @Test
  void whenBaseUrlIsMissingThenTheErrorSaysItIsRequired() {
    assertThatThrownBy(() -> parse(Map.of(), "--report=out"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--base-url is required");
  }

  @Test
  void whenOptionIsUnknownThenTheErrorNamesIt() {
    assertThatThrownBy(() -> parse(Map.of(), "--base-url=http://x", "--bogus=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown option --bogus");
  }

  @Test
  void whenRequestCountIsNotAPositiveNumberThenTheErrorNamesTheOption() {
    assertThatThrownBy(() -> parse(Map.of(), "--base-url=http://x", "--requests-per-operation=0"))
        .hasMessage("--requests-per-operation must be at least 1, was 0");
    assertThatThrownBy(() -> parse(Map.of(), "--base-url=http://x", "--requests-per-operation=x"))
        .hasMessage("--requests-per-operation must be a number, was 'x'");
  }

  @Test
  void whenOptionsArePrintedThenTheAdminKeyIsHidden() {
    assertThat(parse(Map.of(), "--base-url=http://x", "--admin-key=secret-key").toString())
        .doesNotContain("secret-key")
        .contains("adminKey=***");
  }

  @Test
  void whenApiVersionsAreGivenAsFlagOrTwinThenTheyAreListedInOrderAndDefaultToNone() {
    assertThat(parse(Map.of(), "--base-url=http://x").apiVersions()).isEmpty();
    assertThat(parse(Map.of(), "--base-url=http://x", "--api-versions=2026-09, v1").apiVersions())
        .containsExactly("2026-09", "v1");
    assertThat(
            parse(Map.of("CONTRACT_API_VERSIONS", "v1"), "--base-url=http://x", "--api-versions=x")
                .apiVersions())
        .containsExactly("x");
    assertThat(
            parse(Map.of("CONTRACT_API_VERSIONS", "v1,2026-03"), "--base-url=http://x")
                .apiVersions())
        .containsExactly("v1", "2026-03");
  }

  @Test
  void whenApiVersionsHaveAnEmptyOrRepeatedNameThenTheErrorNamesTheOption() {
    assertThatThrownBy(() -> parse(Map.of(), "--base-url=http://x", "--api-versions="))
        .hasMessage("--api-versions must list version names separated by commas, was ''");
    assertThatThrownBy(() -> parse(Map.of(), "--base-url=http://x", "--api-versions=v1,,v2"))
        .hasMessage("--api-versions must list version names separated by commas, was 'v1,,v2'");
    assertThatThrownBy(() -> parse(Map.of(), "--base-url=http://x", "--api-versions=v1,v1"))
        .hasMessage("--api-versions names v1 twice");
  }

  @ParameterizedTest
  @ValueSource(strings = {"base-url", "admin-key", "report", "seed"})
  void whenAFlagHasAnEmptyValueThenTheErrorNamesTheFlag(String name) {
    assertThatThrownBy(() -> parse(Map.of(), "--base-url=http://x", "--" + name + "="))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--" + name + " needs a value");
    assertThatThrownBy(() -> parse(Map.of(), "--base-url=http://x", "--" + name + "= "))
        .hasMessageStartingWith("--" + name + " needs a value");
  }

  @Test
  void whenEnvironmentTwinsAreBlankThenTheyCountAsUnset() {
    Map<String, String> blank =
        Map.of(
            "CONTRACT_ADMIN_KEY", "",
            "CONTRACT_REPORT_DIR", " ",
            "CONTRACT_REQUESTS_PER_OPERATION", "",
            "CONTRACT_SEED", "",
            "CONTRACT_REQUIRE_FULL_COVERAGE", " ",
            "CONTRACT_API_VERSIONS", "");

    VerifierOptions options = parse(blank, "--base-url=http://x");

    assertThat(options.adminKey()).isNull();
    assertThat(options.reportDir()).isEqualTo(Path.of("contract-report"));
    assertThat(options.requestsPerOperation()).isEqualTo(1000);
    assertThat(options.seed()).isNull();
    assertThat(options.requireFullCoverage()).isFalse();
    assertThat(options.apiVersions()).isEmpty();
    assertThatThrownBy(() -> parse(Map.of("CONTRACT_BASE_URL", " ")))
        .hasMessage("--base-url is required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:99999",
        "http://127.0.0.1:0",
        "ftp://127.0.0.1:21",
        "127.0.0.1:8080",
        "http:///oauth",
        "http://host:port",
        "http://exa mple:8080"
      })
  void whenBaseUrlIsNotAnHttpUrlWithAHostAndAValidPortThenTheErrorNamesTheFlag(String url) {
    assertThatThrownBy(() -> parse(Map.of(), "--base-url=" + url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--base-url must be an http or https URL with a host and a port in 1..65535, e.g."
                + " http://127.0.0.1:8080, was '"
                + url
                + "'");
  }

  @Test
  void whenBaseUrlIsHttpsOrHasAPathThenItIsKept() {
    assertThat(parse(Map.of(), "--base-url=https://example.com").baseUrl())
        .isEqualTo("https://example.com");
    assertThat(parse(Map.of(), "--base-url=HTTP://127.0.0.1:65535/hubspot/").baseUrl())
        .isEqualTo("HTTP://127.0.0.1:65535/hubspot/");
  }

  @Test
  void whenUsageIsShownThenEveryOptionTakesItsValueAfterAnEqualsSign() {
    assertThat(VerifierOptions.USAGE)
        .contains("--base-url=URL")
        .contains("--admin-key=KEY")
        .contains("--report=DIR")
        .contains("--requests-per-operation=N")
        .contains("--seed=S")
        .contains("--api-versions=V,V...")
        .doesNotContainPattern("--[a-z-]+ [A-Z]");
  }

  @Test
  void whenAnApiVersionIsUnknownThenTheVerifierExitsTwoListingTheKnownOnes() {
    VerifierRun run = VerifierRun.of("--base-url=http://127.0.0.1:1", "--api-versions=v1,1999-01");

    assertThat(run.exit()).isEqualTo(VerifierMain.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("usage: ")
        .contains("--api-versions=V,V...")
        .endsWith(
            "\nerror: unknown API version 1999-01 (known: "
                + String.join(", ", ContractSpec.packagedAll().versions())
                + ")\n");
  }
}
