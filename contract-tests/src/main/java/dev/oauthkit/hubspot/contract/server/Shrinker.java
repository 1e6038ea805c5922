package dev.oauthkit.hubspot.contract.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds a smaller request that still fails the same check: greedily tries removing fields, using
 * the ordinary Content-Type, replacing values with simpler ones and shortening them, keeping every
 * candidate that is smaller and still fails, until no candidate does or the budget of requests is
 * spent.
 */
final class Shrinker {

  private static final List<String> SIMPLER = List.of("", "a", "0");

  private final String ordinaryContentType;
  private final Comparator<GeneratedRequest> bySize;
  private final int budget;

  private Shrinker(String ordinaryContentType, int budget) {
    this.ordinaryContentType = ordinaryContentType;
    this.bySize = GeneratedRequest.bySize(ordinaryContentType == null ? "" : ordinaryContentType);
    this.budget = budget;
  }

  /**
   * A shrinker.
   *
   * @param ordinaryContentType the operation's documented request media type, or {@code null}
   * @param budget the most candidate requests to try
   */
  static Shrinker of(String ordinaryContentType, int budget) {
    if (budget < 0) {
      throw new IllegalArgumentException("budget must not be negative, was " + budget);
    }
    return new Shrinker(ordinaryContentType, budget);
  }

  /**
   * The smallest request found that still fails.
   *
   * @param failing a request that failed
   * @param stillFails whether a candidate fails the same check (sends it)
   */
  GeneratedRequest shrink(GeneratedRequest failing, Predicate<GeneratedRequest> stillFails) {
    GeneratedRequest smallest = failing;
    int tried = 0;
    boolean progress = true;
    while (progress && tried < budget) {
      progress = false;
      for (GeneratedRequest candidate : candidates(smallest)) {
        if (bySize.compare(candidate, smallest) >= 0) {
          continue;
        }
        if (tried++ >= budget) {
          break;
        }
        if (stillFails.test(candidate)) {
          smallest = candidate;
          progress = true;
          break;
        }
      }
    }
    return smallest;
  }

  private List<GeneratedRequest> candidates(GeneratedRequest request) {
    List<GeneratedRequest> candidates = new ArrayList<>();
    if (request.pathValue() != null) {
      for (String simpler : simpler(request.pathValue())) {
        candidates.add(request.withPathValue(simpler));
      }
      return candidates;
    }
    for (int i = 0; i < request.fields().size(); i++) {
      candidates.add(request.withoutField(i));
    }
    if (ordinaryContentType != null) {
      candidates.add(request.withContentType(ordinaryContentType));
    }
    for (int i = 0; i < request.fields().size(); i++) {
      GeneratedRequest.Field field = request.fields().get(i);
      if (field.kind() == GeneratedRequest.Kind.RAW) {
        continue;
      }
      // A registered client's value (a real secret) is never cut into parts: a part would be
      // shown in the report, where only constants may stand in for it.
      List<String> values =
          field.kind() == GeneratedRequest.Kind.KNOWN
              ? constants(field.value())
              : simpler(field.value());
      for (String simpler : values) {
        candidates.add(request.withField(i, field.withValue(simpler)));
      }
    }
    return candidates;
  }

  /** The constant simpler values, without {@code value} itself. */
  private static List<String> constants(String value) {
    List<String> constants = new ArrayList<>(SIMPLER);
    constants.remove(value);
    return constants;
  }

  /** Simpler values first, then halves, then one character shorter. */
  private static List<String> simpler(String value) {
    List<String> simpler = new ArrayList<>(SIMPLER);
    if (value.length() > 1) {
      simpler.add(value.substring(0, value.length() / 2));
      simpler.add(value.substring(value.length() / 2));
      simpler.add(value.substring(0, value.length() - 1));
    }
    simpler.remove(value);
    return simpler;
  }
}
