package dev.oauthkit.hubspot.core;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A version of HubSpot's OAuth API, picked on the client builder: {@link #V1}, or a date version
 * such as {@code ApiVersion.of("2026-03")}. The default is {@link #newest()}. Every date version
 * has the same calls (token, introspect, revoke) under {@code /oauth/<version>/}; v1 has its own
 * (see the README's "Migrating from v1"). The token provider works the same on every version.
 *
 * <p>HubSpot ships a date version every six months and supports each for 18 months; v1 is switched
 * off on 2027-02-16. Adding a version to the kit is its spec document and one line below.
 */
public final class ApiVersion {

  /**
   * The v1 endpoints ({@code /oauth/v1/...}), which HubSpot switches off on 2027-02-16: secrets and
   * tokens travel in paths; metadata comes from {@code GET /oauth/v1/access-tokens/{token}} and
   * {@code GET /oauth/v1/refresh-tokens/{token}}.
   */
  public static final ApiVersion V1 = new ApiVersion("v1", null);

  /** How long HubSpot supports a date version after it ships. */
  private static final int SUPPORTED_MONTHS = 18;

  /** The date versions the kit knows, oldest first: one line per HubSpot release. */
  private static final List<ApiVersion> DATED =
      Stream.of("2026-03", "2026-09").map(ApiVersion::dated).toList();

  private static final LocalDate V1_SUNSET = LocalDate.of(2027, 2, 16);

  private final String name;
  private final YearMonth released;

  private ApiVersion(String name, YearMonth released) {
    this.name = name;
    this.released = released;
  }

  private static ApiVersion dated(String name) {
    return new ApiVersion(name, YearMonth.parse(name));
  }

  /**
   * Returns the version named {@code name}: {@code v1} or a date version the kit knows ({@code
   * 2026-03}, ...).
   *
   * @throws IllegalArgumentException naming the known versions, if {@code name} is not one
   */
  public static ApiVersion of(String name) {
    Objects.requireNonNull(name, "name");
    return all().stream()
        .filter(v -> v.name.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "name must be one of "
                        + all().stream().map(ApiVersion::name).collect(Collectors.joining(", "))
                        + ", got '"
                        + name
                        + "'"
                        + (looksDated(name)
                            ? " (a date version this kit does not know yet)"
                            : "")));
  }

  /** Returns the newest date version the kit knows: the clients' default. */
  public static ApiVersion newest() {
    return DATED.get(DATED.size() - 1);
  }

  /** Returns every version the kit knows, v1 first, then the date versions, oldest first. */
  public static List<ApiVersion> all() {
    return Stream.concat(Stream.of(V1), DATED.stream()).toList();
  }

  /**
   * Returns the version's name, also its segment in HubSpot's paths: {@code v1}, {@code 2026-03}.
   */
  public String name() {
    return name;
  }

  /** Returns the version's segment in HubSpot's paths, {@link #name()}. */
  public String pathSegment() {
    return name;
  }

  /** Returns whether this is a date version (token, introspect and revoke as form posts). */
  public boolean isDated() {
    return released != null;
  }

  /**
   * Returns the last day HubSpot supports the version: v1's sunset, or 18 months after a date
   * version shipped (the end of that month).
   */
  public LocalDate supportedUntil() {
    return isDated() ? released.plusMonths(SUPPORTED_MONTHS).atEndOfMonth() : V1_SUNSET;
  }

  /**
   * Returns the URL the version's generated calls are relative to: {@code baseUrl} itself for v1
   * (its paths start with {@code oauth/v1/}), {@code baseUrl + oauth/<version>/} for a date
   * version.
   *
   * @param baseUrl the API host, ending with {@code /}
   */
  public URI apiRoot(URI baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    return isDated() ? baseUrl.resolve("oauth/" + name + "/") : baseUrl;
  }

  private static boolean looksDated(String name) {
    try {
      YearMonth.parse(name);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiVersion version && version.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** Returns {@link #name()}. */
  @Override
  public String toString() {
    return name;
  }
}
