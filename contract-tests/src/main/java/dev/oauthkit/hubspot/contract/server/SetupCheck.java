package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is checked before any case runs, so that a wrong set-up is reported as one line with a hint
 * rather than as thousands of failures: the base URL answers at all; not every operation's path
 * answers 404 (as it does when {@code --base-url} names a path below the server root); and no API
 * version answers 404 to each of its operations (a server that has switched a version off: then the
 * line names the versions to pass to {@code --api-versions}). These requests are not part of the
 * report.
 */
final class SetupCheck {

  /** The problem when every operation's path answered 404. */
  static final String EVERY_REQUEST_404 =
      "every request got 404: check --base-url (it should be the server root, e.g."
          + " http://127.0.0.1:8080, without /oauth)";

  private static final String NAME = "setup check";

  private SetupCheck() {}

  /** Why the contract cannot run against this server, or empty when it can. */
  static Optional<String> problem(HttpProbe probe, ContractSpec spec) {
    Exchange root = probe.send("GET", "/", null, null, Map.of(), NAME);
    if (!root.answered()) {
      return Optional.of(
          "cannot reach "
              + probe.baseUrl()
              + " ("
              + root.failure()
              + "): is the server running, and is --base-url right?");
    }
    List<String> answered = new ArrayList<>();
    for (OperationContract operation : spec.operations()) {
      if (!answered.contains(operation.version()) && probe(probe, operation).status() != 404) {
        answered.add(operation.version());
      }
    }
    if (answered.isEmpty()) {
      return Optional.of(EVERY_REQUEST_404);
    }
    List<String> missing =
        spec.versions().stream().filter(version -> !answered.contains(version)).toList();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "every request to API "
            + String.join(", ", missing)
            + " got 404: the server does not serve it; check the versions it serves with"
            + " --api-versions="
            + String.join(",", answered));
  }

  /** An empty request: a path operation with an unknown token, a form operation with no fields. */
  private static Exchange probe(HttpProbe probe, OperationContract operation) {
    if (operation.hasPathParameter()) {
      return probe.send(
          operation.method(), operation.expand("setup-check"), null, null, Map.of(), NAME);
    }
    return probe.send(
        operation.method(),
        operation.path(),
        operation.requestMediaType(),
        operation.requestMediaType() == null ? null : new byte[0],
        Map.of(),
        NAME);
  }
}
