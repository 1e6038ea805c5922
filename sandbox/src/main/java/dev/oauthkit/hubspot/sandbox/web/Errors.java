package dev.oauthkit.hubspot.sandbox.web;

import dev.oauthkit.hubspot.sandbox.web.ApiError.Problem;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Every error the sandbox answers with, in one place: HubSpot's status and category, RFC 6749's
 * error code, and the field at fault.
 */
public final class Errors {

  static final String VALIDATION_ERROR = "VALIDATION_ERROR";
  static final String UNAUTHORIZED = "UNAUTHORIZED";

  /** The {@code Retry-After} of a 503: the store is probed twice a second while it is down. */
  static final int RETRY_AFTER_SECONDS = 1;

  private Errors() {}

  /** 400: token request fields missing; HubSpot's status follows the first one. */
  public static ApiError missingTokenParameters(List<String> fields) {
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("fields must not be empty");
    }
    ApiError.Builder b =
        token(400, statusForMissing(fields.get(0)), "invalid_request", "missing required parameter")
            .subCategory("MISSING_PARAMETER");
    fields.forEach(field -> b.problem(Problem.missing("body", field)));
    return b.build();
  }

  /** 400: grant_type is neither authorization_code nor refresh_token. */
  public static ApiError unsupportedGrantType() {
    return token(400, "BAD_GRANT_TYPE", "unsupported_grant_type", "unsupported grant_type")
        .subCategory("UNSUPPORTED_GRANT_TYPE")
        .problem(Problem.invalid("body", "grant_type", "unsupported grant_type"))
        .build();
  }

  /** 401: no app has this client_id. */
  public static ApiError badClientId() {
    return token(401, "BAD_CLIENT_ID", "invalid_client", "missing or invalid client credentials")
        .subCategory("INVALID_CLIENT")
        .problem(Problem.invalid("body", "client_id", "unknown client_id"))
        .build();
  }

  /** 401: the client_secret is wrong. */
  public static ApiError badClientSecret() {
    return token(
            401, "BAD_CLIENT_SECRET", "invalid_client", "missing or invalid client credentials")
        .subCategory("INVALID_CLIENT")
        .problem(Problem.invalid("body", "client_secret", "wrong client_secret"))
        .build();
  }

  /** 400: the code is unknown, used, or belongs to another client. */
  public static ApiError badAuthCode() {
    return grant("BAD_AUTH_CODE", "missing or unknown auth code", "code");
  }

  /** 400: the code has expired. */
  public static ApiError expiredAuthCode() {
    return grant("EXPIRED_AUTH_CODE", "auth code has expired", "code");
  }

  /** 400: the redirect_uri is not one of the app's. */
  public static ApiError badRedirectUri() {
    return grant("BAD_REDIRECT_URI", "redirect_uri is not registered for this app", "redirect_uri");
  }

  /** 400: the redirect_uri differs from the one the code was issued for. */
  public static ApiError mismatchRedirectUri() {
    return grant(
        "MISMATCH_REDIRECT_URI_AUTH_CODE",
        "redirect_uri does not match the authorization request",
        "redirect_uri");
  }

  /** 400: the refresh token is unknown, revoked, rotated or belongs to another client. */
  public static ApiError badRefreshToken() {
    return grant("BAD_REFRESH_TOKEN", "missing or invalid refresh token", "refresh_token");
  }

  /** 400: the code was issued for a PKCE challenge and the code_verifier is missing or wrong. */
  public static ApiError badCodeVerifier() {
    return grant(
        "BAD_CODE_VERIFIER", "code_verifier does not match the code_challenge", "code_verifier");
  }

  /** 400: the app is not registered for the client_credentials grant. */
  public static ApiError unauthorizedClient() {
    return token(400, "BAD_GRANT_TYPE", "unauthorized_client", "app may not use client_credentials")
        .subCategory("UNAUTHORIZED_CLIENT")
        .problem(Problem.invalid("body", "grant_type", "app may not use client_credentials"))
        .build();
  }

  /** 400: a scope asked for is not one of the app's. */
  public static ApiError invalidScope() {
    return token(400, "BAD_SCOPE", "invalid_scope", "scope is not configured for this app")
        .subCategory("INVALID_SCOPE")
        .problem(Problem.invalid("body", "scope", "scope is not configured for this app"))
        .build();
  }

  /** 400: the request itself is unusable: content type, encoding, size, duplicates. */
  public static ApiError invalidRequest(String message, String field) {
    ApiError.Builder b =
        token(400, "BAD_REQUEST", "invalid_request", message).subCategory("INVALID_REQUEST");
    if (field != null) {
      b.problem(Problem.invalid("body", field, message));
    }
    return b.build();
  }

  /** 401: unknown, expired or revoked token on a metadata or revoke call. */
  public static ApiError invalidToken() {
    return ApiError.builder(401, UNAUTHORIZED, "Invalid or expired token")
        .subCategory("INVALID_TOKEN")
        .oauthError("invalid_token")
        .problem(Problem.invalid("path", "token", "unknown, expired or revoked token"))
        .build();
  }

  /** 401: the admin key is missing or wrong. */
  public static ApiError badAdminKey() {
    return ApiError.builder(401, UNAUTHORIZED, "missing or invalid admin key")
        .subCategory("INVALID_ADMIN_KEY")
        .build();
  }

  /** 400: admin request fields missing or invalid. */
  public static ApiError invalidFields(List<Problem> problems) {
    return ApiError.builder(400, VALIDATION_ERROR, "Invalid request body")
        .subCategory("INVALID_FIELD")
        .problems(problems)
        .build();
  }

  /**
   * 404 for a route of an API version the sandbox does not serve ({@code --api-versions}, {@code
   * --disable-v1}): the answer HubSpot gives after the version's sunset, with the way forward in
   * the message. v1 says {@code V1_SUNSET} (HubSpot switches it off on 2027-02-16), a date version
   * {@code VERSION_SUNSET}.
   *
   * @param version the version asked for
   * @param served the versions served, to name the way forward
   * @param v1Sunset the day HubSpot switches v1 off, as the v1 document states it
   */
  public static ApiError switchedOff(
      String version, Collection<String> served, LocalDate v1Sunset) {
    String newest =
        served.stream().filter(v -> !v.equals("v1")).max(Comparator.naturalOrder()).orElse(null);
    String forward =
        newest == null
            ? "this sandbox serves no other version"
            : "use /oauth/"
                + newest
                + "/token, /oauth/"
                + newest
                + "/token/introspect and /oauth/"
                + newest
                + "/token/revoke";
    boolean v1 = version.equals("v1");
    return ApiError.builder(
            404,
            "OBJECT_NOT_FOUND",
            (v1
                    ? "The v1 OAuth API was switched off on " + v1Sunset + "; "
                    : "The OAuth API version " + version + " is no longer served; ")
                + forward)
        .subCategory(v1 ? "V1_SUNSET" : "VERSION_SUNSET")
        .build();
  }

  /** 404: no such route. */
  public static ApiError notFound() {
    return ApiError.builder(404, "OBJECT_NOT_FOUND", "No such resource")
        .subCategory("UNKNOWN_ROUTE")
        .build();
  }

  /** 405: the route exists, the method does not. */
  public static ApiError methodNotAllowed() {
    return ApiError.builder(405, VALIDATION_ERROR, "Method not allowed")
        .subCategory("METHOD_NOT_ALLOWED")
        .build();
  }

  /** 408: the request body did not arrive whole in time ({@link BodyFilter}). */
  public static ApiError requestTimeout() {
    return ApiError.builder(408, "TIMEOUT", "request body not received in time")
        .subCategory("REQUEST_TIMEOUT")
        .build();
  }

  /** 400 at the HTTP level: a request Tomcat could not parse (request line, header, chunking). */
  public static ApiError malformedHttp() {
    return ApiError.builder(400, VALIDATION_ERROR, "malformed HTTP request")
        .subCategory("MALFORMED_REQUEST")
        .build();
  }

  /** 400: a {@code Transfer-Encoding} other than chunked (Tomcat would answer 501). */
  public static ApiError unsupportedTransferCoding() {
    return ApiError.builder(
            400,
            VALIDATION_ERROR,
            "Transfer-Encoding must be chunked (or leave it out and send Content-Length)")
        .subCategory("MALFORMED_REQUEST")
        .build();
  }

  /** 414: the request line is longer than the server accepts. */
  public static ApiError uriTooLong() {
    return ApiError.builder(414, VALIDATION_ERROR, "request URI too long")
        .subCategory("URI_TOO_LONG")
        .build();
  }

  /** 431: the request headers are larger than the server accepts. */
  public static ApiError headersTooLarge() {
    return ApiError.builder(431, VALIDATION_ERROR, "request headers too large")
        .subCategory("HEADERS_TOO_LARGE")
        .build();
  }

  /** 421: the {@code Host} header names no address this sandbox serves ({@link HostFilter}). */
  public static ApiError misdirectedRequest() {
    return ApiError.builder(421, VALIDATION_ERROR, "this sandbox does not serve the requested host")
        .subCategory("MISDIRECTED_REQUEST")
        .build();
  }

  /** 501: a method the sandbox does not implement at all (e.g. CONNECT). */
  public static ApiError notImplemented() {
    return ApiError.builder(501, VALIDATION_ERROR, "method not implemented")
        .subCategory("NOT_IMPLEMENTED")
        .build();
  }

  /**
   * An injected server error ({@code POST /sandbox/v1/faults}), answered as the spec documents that
   * status: 500, 502 and 504 with the 500 body, 503 as an outage of the store (the documented 503
   * body, {@code SERVICE_UNAVAILABLE}, with {@code Retry-After}); {@code INJECTED_FAULT} tells it
   * from a real one.
   */
  public static ApiError injected(int status) {
    if (status == 503) {
      return ApiError.builder(
              503, "SERVICE_UNAVAILABLE", "The sandbox's store is unavailable; try again later")
          .subCategory("INJECTED_FAULT")
          .retryAfter(RETRY_AFTER_SECONDS)
          .build();
    }
    return ApiError.builder(status, "SERVER_ERROR", "An unexpected error occurred")
        .subCategory("INJECTED_FAULT")
        .build();
  }

  /**
   * 503: the store cannot write or cannot be reached for now (full disk, I/O error, database server
   * down); try again after {@code Retry-After} seconds.
   */
  public static ApiError storeUnavailable() {
    return ApiError.builder(
            503, "SERVICE_UNAVAILABLE", "The sandbox's store is unavailable; try again later")
        .subCategory("STORE_UNAVAILABLE")
        .retryAfter(RETRY_AFTER_SECONDS)
        .build();
  }

  /** 500: our fault. */
  public static ApiError internal() {
    return ApiError.builder(500, "SERVER_ERROR", "An unexpected error occurred").build();
  }

  private static ApiError grant(String status, String message, String field) {
    return token(400, status, "invalid_grant", message)
        .subCategory("INVALID_GRANT")
        .problem(Problem.invalid("body", field, message))
        .build();
  }

  private static ApiError.Builder token(int http, String status, String error, String message) {
    String category = http == 401 ? UNAUTHORIZED : VALIDATION_ERROR;
    return ApiError.builder(http, category, message).hubSpotStatus(status).oauthError(error);
  }

  private static String statusForMissing(String field) {
    return switch (field) {
      case "grant_type" -> "BAD_GRANT_TYPE";
      case "client_id" -> "BAD_CLIENT_ID";
      case "client_secret" -> "BAD_CLIENT_SECRET";
      case "code" -> "BAD_AUTH_CODE";
      case "redirect_uri" -> "BAD_REDIRECT_URI";
      case "refresh_token" -> "BAD_REFRESH_TOKEN";
      case "code_verifier" -> "BAD_CODE_VERIFIER";
      case "scope" -> "BAD_SCOPE";
      default -> "BAD_REQUEST";
    };
  }
}
