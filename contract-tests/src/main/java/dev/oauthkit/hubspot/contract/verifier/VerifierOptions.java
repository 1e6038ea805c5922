package dev.oauthkit.hubspot.contract.verifier;

import dev.oauthkit.hubspot.contract.server.HttpProbe;
import dev.oauthkit.hubspot.contract.server.ServerContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Command-line options of the verifier; each has an environment twin ({@code CONTRACT_BASE_URL},
 * {@code CONTRACT_ADMIN_KEY}, {@code CONTRACT_REPORT_DIR}, {@code CONTRACT_REQUESTS_PER_OPERATION},
 * {@code CONTRACT_SEED}, {@code CONTRACT_REQUIRE_FULL_COVERAGE}, {@code CONTRACT_API_VERSIONS}); a
 * flag wins over its twin.
 *
 * @param apiVersions the API versions to check, in the order given; empty for every packaged one
 */
record VerifierOptions(
    String baseUrl,
    String adminKey,
    Path reportDir,
    int requestsPerOperation,
    Long seed,
    boolean requireFullCoverage,
    List<String> apiVersions,
    boolean help) {

  static final String USAGE =
      "usage: java -jar hubspot-oauth-contract-verifier.jar --base-url=URL [--admin-key=KEY]\n"
          + "       [--report=DIR] [--requests-per-operation=N] [--seed=S]"
          + " [--require-full-coverage]\n"
          + "       [--api-versions=V,V...]\n"
          + "  --base-url=URL               the server to check, e.g. http://127.0.0.1:8080\n"
          + "  --admin-key=KEY              sandbox admin key: enables the stateful flow\n"
          + "  --report=DIR                 where JUnit XML and summary.txt go"
          + " (default contract-report)\n"
          + "  --requests-per-operation=N   property-based requests per operation"
          + " (default 1000)\n"
          + "  --seed=S                     repeat the property-based inputs of an earlier run\n"
          + "  --require-full-coverage      exit 3 when some documented answers went unchecked\n"
          + "  --api-versions=V,V...        check only these API versions, e.g. v1 or a date"
          + " version\n"
          + "                               (default: every version of the packaged spec)\n"
          + "Exit status: 0 contract kept, 1 contract broken, 2 usage error,\n"
          + "             3 contract kept but not fully checked (with --require-full-coverage).";

  static VerifierOptions parse(String[] args, Function<String, String> env) {
    String baseUrl = twin(env, "CONTRACT_BASE_URL");
    String adminKey = twin(env, "CONTRACT_ADMIN_KEY");
    String reportDir = orDefault(twin(env, "CONTRACT_REPORT_DIR"), "contract-report");
    String requests =
        orDefault(
            twin(env, "CONTRACT_REQUESTS_PER_OPERATION"),
            Integer.toString(ServerContract.DEFAULT_REQUESTS_PER_OPERATION));
    String seed = twin(env, "CONTRACT_SEED");
    String fullCoverage = orDefault(twin(env, "CONTRACT_REQUIRE_FULL_COVERAGE"), "false");
    String apiVersions = twin(env, "CONTRACT_API_VERSIONS");
    boolean help = false;
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      if (arg.equals("--require-full-coverage")) {
        fullCoverage = "true";
        continue;
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
      }
      String name = arg.substring(2, eq);
      String value = arg.substring(eq + 1);
      switch (name) {
        case "base-url" -> baseUrl = given(name, "URL", value);
        case "admin-key" -> adminKey = given(name, "KEY", value);
        case "report" -> reportDir = given(name, "DIR", value);
        case "requests-per-operation" -> requests = value;
        case "seed" -> seed = given(name, "S", value);
        case "require-full-coverage" -> fullCoverage = value;
        case "api-versions" -> apiVersions = value;
        default -> throw new IllegalArgumentException("unknown option --" + name);
      }
    }
    if (help) {
      return new VerifierOptions(
          baseUrl, adminKey, Path.of(reportDir), 1, null, false, List.of(), true);
    }
    if (baseUrl == null) {
      throw new IllegalArgumentException("--base-url is required");
    }
    if (!HttpProbe.isHttpUrl(baseUrl)) {
      throw new IllegalArgumentException(
          "--base-url must be an http or https URL with a host and a port in 1..65535, e.g."
              + " http://127.0.0.1:8080, was '"
              + baseUrl
              + "'");
    }
    return new VerifierOptions(
        baseUrl,
        adminKey,
        Path.of(reportDir),
        number("requests-per-operation", requests),
        seed(seed),
        bool("require-full-coverage", fullCoverage),
        versions(apiVersions),
        false);
  }

  /** {@code v1,YYYY-MM}: names separated by commas, each once; null for every version. */
  private static List<String> versions(String value) {
    if (value == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String name : value.split(",", -1)) {
      String trimmed = name.trim();
      if (trimmed.isEmpty()) {
        throw new IllegalArgumentException(
            "--api-versions must list version names separated by commas, was '" + value + "'");
      }
      if (names.contains(trimmed)) {
        throw new IllegalArgumentException("--api-versions names " + trimmed + " twice");
      }
      names.add(trimmed);
    }
    return List.copyOf(names);
  }

  private static Long seed(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed must be a whole number, was '" + value + "'");
    }
  }

  private static boolean bool(String name, String value) {
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default ->
          throw new IllegalArgumentException(
              "--" + name + " must be true or false, was '" + value + "'");
    };
  }

  private static int number(String name, String value) {
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < 1) {
        throw new IllegalArgumentException("--" + name + " must be at least 1, was " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, was '" + value + "'");
    }
  }

  /** An environment variable; {@code null} when unset or blank, as if it were not there. */
  private static String twin(Function<String, String> env, String name) {
    String value = env.apply(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** A flag's value; an empty one is refused, as the flag needs a value. */
  private static String given(String name, String placeholder, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          "--" + name + " needs a value: --" + name + "=" + placeholder);
    }
    return value;
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  @Override
  public String toString() {
    return "VerifierOptions[baseUrl="
        + baseUrl
        + ", adminKey="
        + (adminKey == null ? "none" : "***")
        + ", reportDir="
        + reportDir
        + ", requestsPerOperation="
        + requestsPerOperation
        + ", seed="
        + seed
        + ", requireFullCoverage="
        + requireFullCoverage
        + ", apiVersions="
        + apiVersions
        + "]";
  }
}
