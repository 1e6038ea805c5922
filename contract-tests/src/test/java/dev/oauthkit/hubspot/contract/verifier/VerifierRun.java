package dev.oauthkit.hubspot.contract.verifier;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * One in-process run of the verifier ({@link VerifierMain#run}), without environment variables
 * unless given, as the tests of this package drive it.
 *
 * @param exit the exit status
 * @param out what it printed to standard output
 * @param err what it printed to standard error
 */
record VerifierRun(int exit, String out, String err) {

  static VerifierRun of(String... args) {
    return of(Map.<String, String>of()::get, args);
  }

  /** A run that reads its environment variables from {@code env}. */
  static VerifierRun of(Function<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        VerifierMain.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new VerifierRun(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The last line of standard output: what decided the exit status. */
  String lastLine() {
    String[] lines = out.strip().split("\n");
    return lines[lines.length - 1];
  }
}
