package dev.oauthkit.hubspot.core;

/**
 * The version of HubSpot's OAuth API a client calls, picked on the builder. The token provider
 * works the same on both; the calls differ (see the README's "Migrating from v1").
 */
public enum ApiVersion {

  /**
   * The v1 endpoints ({@code /oauth/v1/...}), which HubSpot switches off on 2027-02-16. Secrets and
   * tokens travel in paths; metadata comes from {@code GET /oauth/v1/access-tokens/{token}} and
   * {@code GET /oauth/v1/refresh-tokens/{token}}.
   */
  V1("v1"),

  /**
   * HubSpot's date-versioned OAuth API, release 2026-03 ({@code /oauth/2026-03/token}, {@code
   * /token/introspect}, {@code /token/revoke}), all form posts. The default.
   */
  V2026_03("2026-03");

  private final String pathSegment;

  ApiVersion(String pathSegment) {
    this.pathSegment = pathSegment;
  }

  /** Returns the version's segment in HubSpot's paths: {@code v1} or {@code 2026-03}. */
  public String pathSegment() {
    return pathSegment;
  }
}
