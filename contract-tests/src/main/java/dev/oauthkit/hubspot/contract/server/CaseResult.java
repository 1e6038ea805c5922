package dev.oauthkit.hubspot.contract.server;

import java.util.List;

/**
 * The outcome of one request in a contract run.
 *
 * @param group the kind of case: {@code flow}, {@code bad-input} or {@code generated}
 * @param name what the case sends, secret-free
 * @param version the API version of that operation, e.g. {@code v1}; {@code -} for none
 * @param operationId the operation the request belongs to
 * @param status the status received, or -1
 * @param problems what broke the contract; empty when the case passed
 * @param seconds how long the request took
 * @param smallestFailing for a failed property-based case, the seed and the smallest request found
 *     that fails the same check (see {@code Shrinker}); otherwise {@code null}
 */
public record CaseResult(
    String group,
    String name,
    String version,
    String operationId,
    int status,
    List<String> problems,
    double seconds,
    String smallestFailing) {

  /** A result without a duration, e.g. for a case that could not run. */
  public CaseResult(
      String group,
      String name,
      String version,
      String operationId,
      int status,
      List<String> problems) {
    this(group, name, version, operationId, status, problems, 0, null);
  }

  /** Whether the response kept the contract. */
  public boolean passed() {
    return problems.isEmpty();
  }
}
