package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends property-based requests to every operation: at least {@code perOperation} each. Random path
 * tokens are never live, so those answers must be a documented 401; token requests (with the flow's
 * registered client mixed in, when there is one) must get a documented 200, 400 or 401. Every body
 * must validate against its status's schema.
 */
final class GeneratedCases {

  private static final String GROUP = "generated";

  private final ContractRun run;
  private final int perOperation;
  private final GeneratedInputs inputs;

  GeneratedCases(ContractRun run, int perOperation, long seed, SandboxAdmin.App knownClient) {
    if (perOperation < 1) {
      throw new IllegalArgumentException("perOperation must be at least 1, was " + perOperation);
    }
    this.run = run;
    this.perOperation = perOperation;
    this.inputs =
        knownClient == null
            ? new GeneratedInputs(seed, List.of(), List.of())
            : new GeneratedInputs(
                seed, List.of(knownClient.clientId()), List.of(knownClient.clientSecret()));
  }

  void run() {
    for (OperationContract operation : run.spec().operations()) {
      for (int i = 0; i < perOperation; i++) {
        if (operation.hasPathParameter()) {
          String token = inputs.nextPathToken();
          run.send(
              GROUP,
              operation,
              operation.expand(token),
              null,
              null,
              Map.of(),
              operation.method() + " " + operation.path() + " #" + i,
              Set.of(401));
        } else {
          GeneratedInputs.TokenRequest request = inputs.nextTokenRequest();
          run.send(
              GROUP,
              operation,
              operation.path(),
              request.contentType(),
              request.body().bytes(),
              Map.of(),
              "#" + i + " " + request.contentType() + " " + request.body().describe(),
              Set.of(200, 400, 401));
        }
      }
    }
  }
}
