package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.report.ContractReport;
import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the server contract against any running implementation of the HubSpot OAuth API, every API
 * version of the spec or the ones chosen with {@link Builder#apiVersions}: after a set-up check
 * ({@link SetupCheck}), the stateful flows of each version and across versions (when an admin key
 * for the sandbox admin API is given), the bad-input catalogues and property-based requests for
 * every operation.
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
    ContractSpec all = builder.spec == null ? ContractSpec.packagedAll() : builder.spec;
    this.spec = builder.apiVersions.isEmpty() ? all : all.only(builder.apiVersions);
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
    Optional<String> setup = SetupCheck.problem(probe, spec);
    if (setup.isPresent()) {
      return ContractReport.setupFailed(spec, probe.baseUrl(), setup.get(), seed);
    }
    ContractRun run = new ContractRun(spec, probe);
    boolean flows = adminKey != null && !adminKey.isBlank();
    SandboxAdmin.App app = flows ? flows(run, new SandboxAdmin(probe, adminKey)) : null;
    V1Api.in(spec).ifPresent(v1 -> new BadInputCases(run, v1).run());
    new FormBadInputCases(run).run();
    new GeneratedCases(run, requestsPerOperation, seed, app).run();
    return new ContractReport(spec, probe.baseUrl(), run.results(), run.answers(), flows, seed);
  }

  /** Runs every version's flows and the cross-version ones; returns the app they registered. */
  private SandboxAdmin.App flows(ContractRun run, SandboxAdmin admin) {
    SandboxAdmin.App app;
    try {
      app = admin.createApp("contract-tests");
    } catch (RuntimeException e) {
      run.fail("flow", "-", "sandbox-admin", "set up the flows", e.getMessage());
      return null;
    }
    Optional<V1Api> v1 = V1Api.in(spec);
    List<DateApi> dates = DateApi.in(spec);
    v1.ifPresent(api -> attempt(run, "v1", () -> new V1Flows(run, admin, api).run(app)));
    CrossVersionFlows cross = new CrossVersionFlows(run, admin);
    for (DateApi date : dates) {
      attempt(run, date.version(), () -> new DateVersionFlows(run, admin, date).run(app));
      v1.ifPresent(
          api -> attempt(run, "v1 x " + date.version(), () -> cross.withV1(api, date, app)));
      for (DateApi other : dates) {
        if (other != date) {
          String name = date.version() + " x " + other.version();
          attempt(run, name, () -> cross.between(date, other, app));
        }
      }
    }
    return app;
  }

  /** Runs one set of flows; a set-up failure (e.g. of the admin API) is recorded, not thrown. */
  private static void attempt(ContractRun run, String name, Runnable flows) {
    try {
      flows.run();
    } catch (RuntimeException e) {
      run.fail("flow", "-", "sandbox-admin", "set up the " + name + " flows", e.getMessage());
    }
  }

  /** Builds a {@link ServerContract}. */
  public static final class Builder {
    private ContractSpec spec;
    private String baseUrl;
    private String adminKey;
    private int requestsPerOperation = DEFAULT_REQUESTS_PER_OPERATION;
    private long seed = System.nanoTime();
    private List<String> apiVersions = List.of();

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

    /**
     * The API versions to check, e.g. {@code v1} or a date version (default, or when empty: every
     * version of the spec). {@link #build()} refuses a version the spec does not have, naming the
     * known ones.
     */
    public Builder apiVersions(List<String> apiVersions) {
      this.apiVersions = List.copyOf(Objects.requireNonNull(apiVersions, "apiVersions"));
      return this;
    }

    /** The spec to check against (default: every HubSpot document in the spec jar). */
    public Builder spec(ContractSpec spec) {
      this.spec = Objects.requireNonNull(spec, "spec");
      return this;
    }

    /**
     * The configured contract.
     *
     * @throws IllegalArgumentException when an API version is unknown
     */
    public ServerContract build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      return new ServerContract(this);
    }
  }
}
