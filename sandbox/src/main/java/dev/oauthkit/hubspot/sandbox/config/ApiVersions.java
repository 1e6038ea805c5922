package dev.oauthkit.hubspot.sandbox.config;

import dev.oauthkit.hubspot.sandbox.api.HubSpotOperation.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --api-versions}: which HubSpot API versions the sandbox serves, in the order given. A
 * version not served answers as HubSpot will after its sunset (404). {@link #all()} is the one
 * place that says which versions exist.
 */
final class ApiVersions {

  private static final String SHAPE = "v\\d+|\\d{4}-(0[1-9]|1[0-2])";

  private ApiVersions() {}

  /** Every version this sandbox can serve, oldest first: the default, and the only list. */
  static List<Version> all() {
    return List.of(Version.values());
  }

  /** The ids of {@link #all()}: {@code v1}, {@code 2026-03}. */
  static List<String> known() {
    return all().stream().map(Version::id).toList();
  }

  /**
   * Parses a comma-separated list such as {@code v1,2026-03}: each entry {@code v1} or {@code
   * YYYY-MM}, known, at most once; the list not empty.
   *
   * @throws IllegalArgumentException naming the flag, the entry and the known versions
   */
  static List<Version> parse(String list) {
    List<Version> versions = new ArrayList<>();
    for (String entry : list.split(",", -1)) {
      String id = entry.strip();
      if (!id.matches(SHAPE)) {
        throw bad("'" + id + "' is not a version (v1 or YYYY-MM)");
      }
      Version version =
          byId(id).orElseThrow(() -> bad(id + " is not a version this sandbox knows"));
      if (versions.contains(version)) {
        throw bad(id + " is named twice");
      }
      versions.add(version);
    }
    return List.copyOf(versions);
  }

  /** The version with this id, if the sandbox knows it. */
  static Optional<Version> byId(String id) {
    return all().stream().filter(version -> version.id().equals(id)).findFirst();
  }

  private static IllegalArgumentException bad(String problem) {
    return new IllegalArgumentException(
        Flag.API_VERSIONS.flag() + ": " + problem + "; choose from " + String.join(", ", known()));
  }
}
