package dev.oauthkit.hubspot.contract.server;

import dev.oauthkit.hubspot.contract.spec.OperationContract;
import java.util.Map;
import java.util.Set;

/**
 * Sends property-based requests to every operation: at least {@code perOperation} each. Random
 * inputs can never hold a live token or a registered client, so every answer must be a documented
 * 4xx with a valid Error body.
 */
final class GeneratedCases {

  private static final String GROUP = "generated";

  private final ContractRun run;
  private final int perOperation;
  private final GeneratedInputs inputs;

  GeneratedCases(ContractRun run, int perOperation, long seed) {
    if (perOperation < 1) {
      throw new IllegalArgumentException("perOperation must be at least 1, was " + perOperation);
    }
    this.run = run;
    this.perOperation = perOperation;
    this.inputs = new GeneratedInputs(seed);
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
              Set.of(400, 401));
        }
      }
    }
  }
}
