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
 * The pipeline verifier: {@code java -jar hubspot-oauth-contract-verifier.jar --base-url=URL
 * [--admin-key=K] [--report=DIR] [--requests-per-operation=N] [--seed=S] [--require-full-coverage]
 * [--api-versions=V,V]}. Exits 0 when the server keeps the contract, 1 when it does not (or cannot
 * be checked: unreachable, every request 404; or the verifier itself failed: {@code FAILED:
 * internal error}), 2 on a usage error (an unknown API version too), and 3 under {@code
 * --require-full-coverage} when it kept the contract but some documented answers were not checked.
 * Output ends with the summary, whose last line says what decided the exit code.
 */
public final class VerifierMain {

  static final int PASSED = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int NOT_FULLY_CHECKED = 3;

  private VerifierMain() {}

  /** Runs the verifier and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System::getenv, System.out, System.err));
  }

  /**
   * Runs the verifier; returns the exit status instead of exiting. An unexpected exception ends the
   * run with exit 1 and the last line {@code FAILED: internal error: <exception>}, without a stack
   * trace.
   */
  static int run(String[] args, Function<String, String> env, PrintStream out, PrintStream err) {
    try {
      return verify(args, env, out, err);
    } catch (RuntimeException e) {
      out.println(
          "FAILED: internal error: "
              + e.getClass().getName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      return FAILED;
    }
  }

  private static int verify(
      String[] args, Function<String, String> env, PrintStream out, PrintStream err) {
    VerifierOptions options;
    try {
      options = VerifierOptions.parse(args, env);
    } catch (IllegalArgumentException e) {
      return usage(err, e);
    }
    if (options.help()) {
      out.println(VerifierOptions.USAGE);
      return PASSED;
    }
    long seed = options.seed() != null ? options.seed() : System.nanoTime();
    ServerContract contract;
    try {
      contract =
          ServerContract.builder()
              .baseUrl(options.baseUrl())
              .adminKey(options.adminKey())
              .requestsPerOperation(options.requestsPerOperation())
              .apiVersions(options.apiVersions())
              .seed(seed)
              .build();
    } catch (IllegalArgumentException e) {
      return usage(err, e);
    }
    out.println(
        "Checking " + options.baseUrl() + " with seed " + seed + " (replay: --seed=" + seed + ")");
    ContractReport report = contract.run();
    String summary = report.summary(options.requireFullCoverage());
    int exit = exit(report, options.requireFullCoverage());
    try {
      Path xml = JUnitXml.write(report, options.reportDir());
      Files.writeString(
          options.reportDir().resolve("summary.txt"), summary, StandardCharsets.UTF_8);
      out.println("Report: " + xml.toAbsolutePath() + " and summary.txt beside it");
    } catch (IOException e) {
      exit = FAILED;
      out.print(summary);
      out.println("FAILED: cannot write the report to " + options.reportDir() + ": " + e);
      return exit;
    }
    out.print(summary);
    return exit;
  }

  /** The usage, then (last, as every run ends with its reason) what was wrong. */
  private static int usage(PrintStream err, IllegalArgumentException e) {
    err.println(VerifierOptions.USAGE);
    err.println("error: " + e.getMessage());
    return USAGE;
  }

  private static int exit(ContractReport report, boolean requireFullCoverage) {
    if (!report.passed()) {
      return FAILED;
    }
    return requireFullCoverage && !report.fullyCovered() ? NOT_FULLY_CHECKED : PASSED;
  }
}
