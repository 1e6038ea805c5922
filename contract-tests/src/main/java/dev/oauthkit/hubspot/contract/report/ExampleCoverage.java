package dev.oauthkit.hubspot.contract.report;

import dev.oauthkit.hubspot.contract.spec.ExampleCase;
import java.util.Collection;
import java.util.Objects;

/**
 * Whether a server produced an answer of the kind an example shows. An example with a HubSpot
 * {@code status} field is matched by an answer with the same operation (API version and
 * operationId), HTTP status and {@code status}; any other by the same operation and HTTP status and
 * the same value of each of {@code category}, {@code error}, {@code token_use} and {@code active}
 * that the example has (so a success example without them, or a response without a body, by the
 * HTTP status alone).
 */
public final class ExampleCoverage {

  private ExampleCoverage() {}

  /** Whether any of the answers matches the example. */
  public static boolean covered(ExampleCase example, Collection<SeenAnswer> answers) {
    String version = example.operation().version();
    String operationId = example.operation().operationId();
    int status = example.response().status();
    String hubSpotStatus = text(example, "status");
    for (SeenAnswer answer : answers) {
      if (!answer.version().equals(version)
          || !answer.operationId().equals(operationId)
          || answer.status() != status) {
        continue;
      }
      if (hubSpotStatus != null) {
        if (hubSpotStatus.equals(answer.hubSpotStatus())) {
          return true;
        }
      } else if (same(example, "category", answer.category())
          && same(example, "error", answer.error())
          && same(example, "token_use", answer.tokenUse())
          && same(example, "active", answer.active())) {
        return true;
      }
    }
    return false;
  }

  private static boolean same(ExampleCase example, String field, String seen) {
    String expected = text(example, field);
    return expected == null || Objects.equals(expected, seen);
  }

  private static String text(ExampleCase example, String field) {
    if (example.body() == null || !example.body().has(field)) {
      return null;
    }
    return example.body().get(field).asString();
  }
}
