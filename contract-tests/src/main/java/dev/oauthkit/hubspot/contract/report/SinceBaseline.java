package dev.oauthkit.hubspot.contract.report;

import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which operations and statuses the spec as last released already had, so that coverage tables can
 * mark what is new. The released spec ships in the spec jar as {@value #PACKAGED_BASELINE}; without
 * it, everything is new.
 */
public final class SinceBaseline {

  /** The released spec inside the spec jar. */
  public static final String PACKAGED_BASELINE = "baselines/" + ContractSpec.PACKAGED_SPEC;

  /** The legend printed under a table that uses {@link #mark}. */
  public static final String LEGEND = "new = operation or status not in the released spec";

  private static final class Packaged {
    private static final SinceBaseline INSTANCE = load();
  }

  private final Set<String> known;

  private SinceBaseline(Set<String> known) {
    this.known = Set.copyOf(known);
  }

  /** The baseline shipped in the spec jar (read once). */
  public static SinceBaseline packaged() {
    return Packaged.INSTANCE;
  }

  /** The operations and statuses of a released spec. */
  public static SinceBaseline of(ContractSpec baseline) {
    Objects.requireNonNull(baseline, "baseline");
    Set<String> known = new HashSet<>();
    for (OperationContract operation : baseline.operations()) {
      known.add(operation.operationId());
      operation.statuses().forEach(status -> known.add(key(operation.operationId(), status)));
    }
    return new SinceBaseline(known);
  }

  /** {@code "new"} if the operation or its status is not in the baseline, else {@code ""}. */
  public String mark(String operationId, String status) {
    return known.contains(key(operationId, status)) ? "" : "new";
  }

  private static String key(String operationId, String status) {
    return operationId + " " + status;
  }

  private static SinceBaseline load() {
    try (InputStream in =
        SinceBaseline.class.getClassLoader().getResourceAsStream(PACKAGED_BASELINE)) {
      if (in == null) {
        return new SinceBaseline(Set.of());
      }
      return of(ContractSpec.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
