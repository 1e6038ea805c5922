package dev.oauthkit.hubspot.sandbox.api;

import dev.oauthkit.hubspot.sandbox.web.ApiError;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import dev.oauthkit.hubspot.server.api.AccessTokensApi;
import dev.oauthkit.hubspot.server.api.RefreshTokensApi;
import dev.oauthkit.hubspot.server.api.TokenManagementApi;
import dev.oauthkit.hubspot.server.dated.api.OAuthTokensApi;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one list of the HubSpot OAuth API's operations: operationId, shape (v1 or every date
 * version), HTTP method, path (the generated stubs' {@code PATH_*} constants) and the generated
 * interface that declares it. With {@link ApiVersions} it makes the table of versions x operations.
 * Routing, fault injection, request logs and the coverage tables all read this list; {@code
 * HubSpotOperationTest} holds it against the spec.
 */
public enum HubSpotOperation {
  CREATE_OR_REFRESH_ACCESS_TOKEN(
      "createOrRefreshAccessToken",
      Family.V1,
      "POST",
      TokenManagementApi.PATH_CREATE_OR_REFRESH_ACCESS_TOKEN,
      TokenManagementApi.class),
  GET_ACCESS_TOKEN_METADATA(
      "getAccessTokenMetadata",
      Family.V1,
      "GET",
      AccessTokensApi.PATH_GET_ACCESS_TOKEN_METADATA,
      AccessTokensApi.class),
  GET_REFRESH_TOKEN_METADATA(
      "getRefreshTokenMetadata",
      Family.V1,
      "GET",
      RefreshTokensApi.PATH_GET_REFRESH_TOKEN_METADATA,
      RefreshTokensApi.class),
  REVOKE_REFRESH_TOKEN(
      "revokeRefreshToken",
      Family.V1,
      "DELETE",
      RefreshTokensApi.PATH_REVOKE_REFRESH_TOKEN,
      RefreshTokensApi.class),
  CREATE_TOKEN(
      "createToken", Family.DATED, "POST", OAuthTokensApi.PATH_CREATE_TOKEN, OAuthTokensApi.class),
  INTROSPECT_TOKEN(
      "introspectToken",
      Family.DATED,
      "POST",
      OAuthTokensApi.PATH_INTROSPECT_TOKEN,
      OAuthTokensApi.class),
  REVOKE_TOKEN(
      "revokeToken", Family.DATED, "POST", OAuthTokensApi.PATH_REVOKE_TOKEN, OAuthTokensApi.class);

  /**
   * The two shapes of HubSpot's OAuth API: v1 (absolute paths under {@code /oauth/v1/}), and the
   * date versions, whose paths are relative to {@code /oauth/<version>} (every date version has the
   * same operations; which ones the sandbox knows, {@link ApiVersions}, comes from the spec jar).
   */
  public enum Family {
    V1,
    DATED
  }

  /**
   * A request path resolved: its API version, and the operations at that path (any method), empty
   * when the version has no such path.
   *
   * @param version {@code v1} or a date version
   * @param operations the operations whose path matches
   * @param relativePath the path below the version's root ({@code /oauth/<version>}) for a date
   *     version, the whole path for v1
   */
  public record Route(String version, List<HubSpotOperation> operations, String relativePath) {}

  private static final String OAUTH = "/oauth/";
  private static final List<HubSpotOperation> ALL = List.of(values());

  private final String operationId;
  private final Family family;
  private final String method;
  private final String path;
  private final String prefix;
  private final Class<?> stub;

  HubSpotOperation(String operationId, Family family, String method, String path, Class<?> stub) {
    this.operationId = operationId;
    this.family = family;
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

  /** The shape of the API the operation belongs to: v1, or every date version. */
  public Family family() {
    return family;
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  /**
   * The path template: absolute for v1 ({@code /oauth/v1/access-tokens/{token}}), relative to
   * {@code /oauth/<version>} for the date versions ({@code /token}).
   */
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

  /**
   * Resolves a raw request path under {@code /oauth/}: {@code /oauth/v1/...} to the v1 operations
   * at that path, {@code /oauth/<date version>/...} to the date-version operations at the rest of
   * the path, if {@code datedVersions} has that version. A token path takes everything after its
   * prefix as the token (also an empty or slashed one: those are unknown tokens, answered 401 as
   * the spec documents). Empty for any other version or a path outside {@code /oauth/<version>/}.
   */
  public static Optional<Route> route(String rawPath, Collection<String> datedVersions) {
    // On every request: plain loops, no stream pipeline.
    if (!rawPath.startsWith(OAUTH)) {
      return Optional.empty();
    }
    int end = rawPath.indexOf('/', OAUTH.length());
    if (end < 0) {
      return Optional.empty();
    }
    String version = rawPath.substring(OAUTH.length(), end);
    boolean v1 = version.equals(ApiVersions.V1);
    if (!v1 && !datedVersions.contains(version)) {
      return Optional.empty();
    }
    Family family = v1 ? Family.V1 : Family.DATED;
    String relative = v1 ? rawPath : rawPath.substring(end);
    List<HubSpotOperation> found = new ArrayList<>(2);
    for (HubSpotOperation op : ALL) {
      if (op.family == family && op.matches(relative)) {
        found.add(op);
      }
    }
    return Optional.of(new Route(version, found, relative));
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
