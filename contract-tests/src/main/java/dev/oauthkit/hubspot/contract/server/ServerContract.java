package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.report.ContractReport;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import java.util.Objects;

/**
 * Runs the server contract against any running implementation of the HubSpot OAuth API, v1 and
 * 2026-03: the stateful flows, v1's and 2026-03's and across both (when an admin key for the
 * sandbox admin API is given), the bad-input catalogues and property-based requests for every
 * operation.
 *
 * <pre>{@code
 * ContractReport report = ServerContract.builder()
 *     .baseUrl("http://127.0.0.1:8080")
 *     .adminKey(System.getenv("SANDBOX_ADMIN_KEY"))
 *     .build()
 *     .run();
 * }</pre>
 */
public final class ServerContract {

  /** Property-based requests per operation unless told otherwise. */
  public static final int DEFAULT_REQUESTS_PER_OPERATION = 1000;

  private final ContractSpec spec;
  private final HttpProbe probe;
  private final String adminKey;
  private final int requestsPerOperation;
  private final long seed;

  private ServerContract(Builder builder) {
    this.spec = builder.spec == null ? ContractSpec.packagedAll() : builder.spec;
    this.probe = HttpProbe.of(Objects.requireNonNull(builder.baseUrl, "baseUrl"));
    this.adminKey = builder.adminKey;
    this.requestsPerOperation = builder.requestsPerOperation;
    this.seed = builder.seed;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Runs every case and returns the report; never throws for a broken server. */
  public ContractReport run() {
    ContractRun run = new ContractRun(spec, probe);
    Exchange reachable =
        probe.send("GET", "/", null, null, java.util.Map.of(), "reachability check");
    if (!reachable.answered()) {
      run.fail(
          "setup",
          "-",
          "reach " + probe.baseUrl(),
          "cannot reach the server: "
              + reachable.failure()
              + " (is it running? is --base-url right?)");
      return new ContractReport(spec, probe.baseUrl(), run.results(), run.answers(), false, seed);
    }
    boolean flows = adminKey != null && !adminKey.isBlank();
    SandboxAdmin.App app = null;
    if (flows) {
      SandboxAdmin admin = new SandboxAdmin(probe, adminKey);
      try {
        app = new FlowCases(run, admin).run();
      } catch (RuntimeException e) {
        run.fail("flow", "sandbox-admin", "set up the flow", e.getMessage());
      }
      if (app != null && spec.has(Flows202603.CREATE_TOKEN)) {
        try {
          new Flows202603(run, admin).run(app);
        } catch (RuntimeException e) {
          run.fail("flow", "sandbox-admin", "set up the 2026-03 flow", e.getMessage());
        }
      }
    }
    new BadInputCases(run).run();
    new FormBadInputCases(run).run();
    new GeneratedCases(run, requestsPerOperation, seed, app).run();
    return new ContractReport(spec, probe.baseUrl(), run.results(), run.answers(), flows, seed);
  }

  /** Builds a {@link ServerContract}. */
  public static final class Builder {
    private ContractSpec spec;
    private String baseUrl;
    private String adminKey;
    private int requestsPerOperation = DEFAULT_REQUESTS_PER_OPERATION;
    private long seed = System.nanoTime();

    private Builder() {}

    /** The server under test, e.g. {@code http://127.0.0.1:8080}. Required. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** The sandbox admin key; without it the stateful flow is skipped. */
    public Builder adminKey(String adminKey) {
      this.adminKey = adminKey;
      return this;
    }

    /** Property-based requests per operation (default 1000). */
    public Builder requestsPerOperation(int requestsPerOperation) {
      if (requestsPerOperation < 1) {
        throw new IllegalArgumentException(
            "requestsPerOperation must be at least 1, was " + requestsPerOperation);
      }
      this.requestsPerOperation = requestsPerOperation;
      return this;
    }

    /** The seed of the property-based inputs, to repeat a run exactly. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The spec to check against (default: every HubSpot document in the spec jar). */
    public Builder spec(ContractSpec spec) {
      this.spec = Objects.requireNonNull(spec, "spec");
      return this;
    }

    /** The configured contract. */
    public ServerContract build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      return new ServerContract(this);
    }
  }
}
