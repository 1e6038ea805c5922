package dev.oauthkit.hubspot.sandbox.config;

import dev.oauthkit.hubspot.sandbox.api.ApiVersions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --api-versions}: which HubSpot API versions the sandbox serves, in the order given. A
 * version not served answers as HubSpot will after its sunset (404). The versions that exist are
 * those whose documents are in the spec jar ({@link ApiVersions#packaged()}).
 */
final class ServedVersions {

  /** The v1 API's name. */
  static final String V1 = ApiVersions.V1;

  private static final String SHAPE = "v\\d+|" + ApiVersions.DATE_VERSION;

  private ServedVersions() {}

  /** Every version this sandbox can serve, v1 first, then oldest first: the default. */
  static List<String> all() {
    return Known.VERSIONS.names();
  }

  /** The versions of the spec jar, read once per process (the flags and the routes share them). */
  static ApiVersions known() {
    return Known.VERSIONS;
  }

  /**
   * Parses a comma-separated list such as {@code v1,YYYY-MM}: each entry {@code v1} or {@code
   * YYYY-MM}, known, at most once; the list not empty.
   *
   * @throws IllegalArgumentException naming the flag, the entry and the known versions
   */
  static List<String> parse(String list) {
    List<String> versions = new ArrayList<>();
    for (String entry : list.split(",", -1)) {
      String id = entry.strip();
      if (!id.matches(SHAPE)) {
        throw bad("'" + id + "' is not a version (v1 or YYYY-MM)");
      }
      if (!all().contains(id)) {
        throw bad(id + " is not a version this sandbox knows");
      }
      if (versions.contains(id)) {
        throw bad(id + " is named twice");
      }
      versions.add(id);
    }
    return List.copyOf(versions);
  }

  private static IllegalArgumentException bad(String problem) {
    return new IllegalArgumentException(
        Flag.API_VERSIONS.flag() + ": " + problem + "; choose from " + String.join(", ", all()));
  }

  /** Read once, when first needed. */
  private static final class Known {
    static final ApiVersions VERSIONS = ApiVersions.packaged();
  }
}
