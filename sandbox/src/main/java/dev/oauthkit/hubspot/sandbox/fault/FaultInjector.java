package dev.oauthkit.hubspot.sandbox.fault;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server errors armed through the admin API: the next {@code count} requests to one operation fail
 * with the given status. In memory only; thread-safe; free on the hot path while nothing is armed.
 */
public final class FaultInjector {

  /** The statuses a fault can answer with. */
  public static final Set<Integer> STATUSES = Set.of(500, 502, 503, 504);

  private final Set<String> operations;
  private final Map<String, Fault> armed = new ConcurrentHashMap<>();

  private FaultInjector(Set<String> operations) {
    this.operations = Set.copyOf(Objects.requireNonNull(operations, "operations"));
  }

  /**
   * An injector for these operations.
   *
   * @param operations the operationIds a fault may target (the sandbox passes its one operation
   *     list, {@code HubSpotOperation})
   */
  public static FaultInjector forOperations(Set<String> operations) {
    return new FaultInjector(operations);
  }

  /** The operationIds a fault may target. */
  public Set<String> operations() {
    return operations;
  }

  /** An armed fault: the status to answer with and how many requests still fail. */
  public record Fault(int status, int remaining) {}

  /**
   * Arms a fault, replacing any earlier one for the same operation.
   *
   * @throws IllegalArgumentException for an unknown operation, status or a count outside 1..1000
   */
  public Fault arm(String operationId, int status, int count) {
    Objects.requireNonNull(operationId, "operationId");
    if (!operations.contains(operationId)) {
      throw new IllegalArgumentException("operationId must be one of " + operations);
    }
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("status must be one of " + STATUSES);
    }
    if (count < 1 || count > 1000) {
      throw new IllegalArgumentException("count must be between 1 and 1000, was " + count);
    }
    Fault fault = new Fault(status, count);
    armed.put(operationId, fault);
    return fault;
  }

  /**
   * Uses up one failure of the operation's fault, if one is armed.
   *
   * @return the status to answer with, or empty when the request should go on normally
   */
  public Optional<Integer> take(String operationId) {
    if (armed.isEmpty()) {
      return Optional.empty();
    }
    Fault[] taken = new Fault[1];
    armed.computeIfPresent(
        operationId,
        (id, fault) -> {
          taken[0] = fault;
          return fault.remaining() > 1 ? new Fault(fault.status(), fault.remaining() - 1) : null;
        });
    return taken[0] == null ? Optional.empty() : Optional.of(taken[0].status());
  }

  /** Disarms every fault. */
  public void disarmAll() {
    armed.clear();
  }
}
