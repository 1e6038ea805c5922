package dev.oauthkit.hubspot.contract.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerifierMainTest {

  @Test
  void whenBaseUrlPortIsOutOfRangeThenTheVerifierExitsTwoNamingTheFlag() {
    VerifierRun run = VerifierRun.of("--base-url=http://127.0.0.1:99999");

    assertThat(run.exit()).isEqualTo(VerifierMain.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("usage: ")
        .endsWith(
            "\nerror: --base-url must be an http or https URL with a host and a port in"
                + " 1..65535, e.g. http://127.0.0.1:8080, was 'http://127.0.0.1:99999'\n");
  }

  @Test
  void whenSomethingUnexpectedFailsThenTheVerifierExitsOneWithAnInternalErrorLineAndNoTrace() {
    VerifierRun run =
        VerifierRun.of(
            name -> {
              throw new IllegalStateException("environment unreadable");
            },
            "--base-url=http://127.0.0.1:1");

    assertThat(run.exit()).isEqualTo(VerifierMain.FAILED);
    assertThat(run.lastLine())
        .isEqualTo(
            "FAILED: internal error: java.lang.IllegalStateException: environment unreadable");
    assertThat(run.out() + run.err()).doesNotContain("\tat ");
  }
}
