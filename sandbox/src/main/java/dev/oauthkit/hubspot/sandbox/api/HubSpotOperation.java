package dev.oauthkit.hubspot.sandbox.api;

import dev.oauthkit.hubspot.sandbox.web.ApiError;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import dev.oauthkit.hubspot.server.api.AccessTokensApi;
import dev.oauthkit.hubspot.server.api.RefreshTokensApi;
import dev.oauthkit.hubspot.server.api.TokenManagementApi;
import dev.oauthkit.hubspot.server.v202603.api.OAuthTokensApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one list of the HubSpot OAuth API's operations: operationId, HTTP method, path (the generated
 * stubs' {@code PATH_*} constants) and the generated interface that declares it. Routing, fault
 * injection, request logs and the coverage tables all read this list; {@code HubSpotOperationTest}
 * holds it against the spec.
 */
public enum HubSpotOperation {
  CREATE_OR_REFRESH_ACCESS_TOKEN(
      "createOrRefreshAccessToken",
      Version.V1,
      "POST",
      TokenManagementApi.PATH_CREATE_OR_REFRESH_ACCESS_TOKEN,
      TokenManagementApi.class),
  GET_ACCESS_TOKEN_METADATA(
      "getAccessTokenMetadata",
      Version.V1,
      "GET",
      AccessTokensApi.PATH_GET_ACCESS_TOKEN_METADATA,
      AccessTokensApi.class),
  GET_REFRESH_TOKEN_METADATA(
      "getRefreshTokenMetadata",
      Version.V1,
      "GET",
      RefreshTokensApi.PATH_GET_REFRESH_TOKEN_METADATA,
      RefreshTokensApi.class),
  REVOKE_REFRESH_TOKEN(
      "revokeRefreshToken",
      Version.V1,
      "DELETE",
      RefreshTokensApi.PATH_REVOKE_REFRESH_TOKEN,
      RefreshTokensApi.class),
  CREATE_TOKEN(
      "createToken",
      Version.V2026_03,
      "POST",
      OAuthTokensApi.PATH_CREATE_TOKEN,
      OAuthTokensApi.class),
  INTROSPECT_TOKEN(
      "introspectToken",
      Version.V2026_03,
      "POST",
      OAuthTokensApi.PATH_INTROSPECT_TOKEN,
      OAuthTokensApi.class),
  REVOKE_TOKEN(
      "revokeToken",
      Version.V2026_03,
      "POST",
      OAuthTokensApi.PATH_REVOKE_TOKEN,
      OAuthTokensApi.class);

  /** The API versions, with the spec document of each. */
  public enum Version {
    V1("hubspot-oauth-v1.yaml"),
    V2026_03("hubspot-oauth-2026-03.yaml");

    private final String document;

    Version(String document) {
      this.document = document;
    }

    /** The spec document (in the spec jar) that defines this version. */
    public String document() {
      return document;
    }

    /** The version as its paths spell it: {@code v1}, {@code 2026-03}. */
    public String id() {
      return document.substring("hubspot-oauth-".length(), document.length() - ".yaml".length());
    }
  }

  private static final List<HubSpotOperation> ALL = List.of(values());

  private final String operationId;
  private final Version version;
  private final String method;
  private final String path;
  private final String prefix;
  private final Class<?> stub;

  HubSpotOperation(String operationId, Version version, String method, String path, Class<?> stub) {
    this.operationId = operationId;
    this.version = version;
    this.method = method;
    this.path = path;
    int variable = path.indexOf('{');
    this.prefix = variable < 0 ? null : path.substring(0, variable);
    this.stub = stub;
  }

  /** The operationId in the spec, also the generated interface method's name. */
  public String operationId() {
    return operationId;
  }

  /** The API version the operation belongs to. */
  public Version version() {
    return version;
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** The path template, e.g. {@code /oauth/v1/access-tokens/{token}}. */
  public String path() {
    return path;
  }

  /** The generated server interface that declares the operation. */
  public Class<?> stub() {
    return stub;
  }

  /** Whether the path ends in a {@code {token}} variable. */
  public boolean hasPathToken() {
    return prefix != null;
  }

  /** Every operation, in spec order. */
  public static List<HubSpotOperation> all() {
    return ALL;
  }

  /** The operation with this operationId. */
  public static Optional<HubSpotOperation> byOperationId(String operationId) {
    return ALL.stream().filter(op -> op.operationId.equals(operationId)).findFirst();
  }

  /**
   * The operations whose path matches a raw request path, whatever their method. A token path takes
   * everything after its prefix as the token (also an empty or slashed one: those are unknown
   * tokens, answered 401 as the spec documents).
   */
  public static List<HubSpotOperation> matching(String rawPath) {
    // On every request: a plain loop over the constants, no stream pipeline.
    List<HubSpotOperation> found = new ArrayList<>(2);
    for (HubSpotOperation op : ALL) {
      if (op.matches(rawPath)) {
        found.add(op);
      }
    }
    return found;
  }

  /** The raw (still %-encoded) token of a path this operation matches. */
  public String rawToken(String rawPath) {
    if (prefix == null) {
      throw new IllegalStateException(operationId + " has no path token");
    }
    return rawPath.substring(prefix.length());
  }

  /**
   * The error as this operation documents it: the metadata and revoke operations document no client
   * error but 401, so a 400 (an unusable token or body) becomes the 401 invalid-token answer.
   * HTTP-level answers (405, 408, 414, 431, 501) are kept.
   */
  public ApiError documented(ApiError error) {
    if (hasPathToken() && error.httpStatus() == 400) {
      return Errors.invalidToken();
    }
    return error;
  }

  private boolean matches(String rawPath) {
    return prefix == null ? path.equals(rawPath) : rawPath.startsWith(prefix);
  }
}
