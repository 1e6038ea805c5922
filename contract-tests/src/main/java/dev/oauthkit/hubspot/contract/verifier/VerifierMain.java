package dev.oauthkit.hubspot.contract.verifier;

import dev.oauthkit.hubspot.contract.report.ContractReport;
import dev.oauthkit.hubspot.contract.report.JUnitXml;
import dev.oauthkit.hubspot.contract.server.ServerContract;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The pipeline verifier: {@code java -jar hubspot-oauth-contract-verifier.jar --base-url URL
 * [--admin-key K] [--report DIR] [--requests-per-operation N] [--seed S]}. Exits 0 when the server
 * keeps the contract, 1 when it does not, 2 on a usage error.
 */
public final class VerifierMain {

  static final int PASSED = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private VerifierMain() {}

  /** Runs the verifier and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System::getenv, System.out, System.err));
  }

  /** Runs the verifier; returns the exit status instead of exiting. */
  static int run(String[] args, Function<String, String> env, PrintStream out, PrintStream err) {
    VerifierOptions options;
    try {
      options = VerifierOptions.parse(args, env);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(VerifierOptions.USAGE);
      return USAGE;
    }
    if (options.help()) {
      out.println(VerifierOptions.USAGE);
      return PASSED;
    }
    ServerContract.Builder contract =
        ServerContract.builder()
            .baseUrl(options.baseUrl())
            .adminKey(options.adminKey())
            .requestsPerOperation(options.requestsPerOperation());
    if (options.seed() != null) {
      contract.seed(options.seed());
    }
    ContractReport report = contract.build().run();
    String summary = report.summary();
    out.print(summary);
    try {
      Path xml = JUnitXml.write(report, options.reportDir());
      Files.writeString(
          options.reportDir().resolve("summary.txt"), summary, StandardCharsets.UTF_8);
      out.println("Report: " + xml.toAbsolutePath() + " and summary.txt beside it");
    } catch (IOException e) {
      err.println("error: cannot write the report to " + options.reportDir() + ": " + e);
      return FAILED;
    }
    return report.passed() ? PASSED : FAILED;
  }
}
