package dev.oauthkit.hubspot.sandbox.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An error answer: HTTP status plus the fields of the spec's Error object. Thrown by services,
 * rendered by {@link ErrorAdvice}. Messages are fixed texts and field names, never a submitted
 * value, so no secret can leak through them. Carries no stack trace.
 */
public final class ApiError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String category;
  private final String subCategory;
  private final String hubSpotStatus;
  private final String oauthError;
  private final transient List<Problem> problems;
  private final int retryAfterSeconds;

  private ApiError(Builder b) {
    super(b.message, null, false, false);
    this.httpStatus = b.httpStatus;
    this.category = b.category;
    this.subCategory = b.subCategory;
    this.hubSpotStatus = b.hubSpotStatus;
    this.oauthError = b.oauthError;
    this.problems = List.copyOf(b.problems);
    this.retryAfterSeconds = b.retryAfterSeconds;
  }

  /** Starts an error with its status, category and message. */
  public static Builder builder(int httpStatus, String category, String message) {
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException("httpStatus must be 4xx or 5xx, got " + httpStatus);
    }
    return new Builder(httpStatus, Objects.requireNonNull(category, "category"), message);
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** HubSpot's status, e.g. {@code BAD_AUTH_CODE}, or null. */
  public String hubSpotStatus() {
    return hubSpotStatus;
  }

  /** The RFC 6749 error code, e.g. {@code invalid_grant}, or null. */
  public String oauthError() {
    return oauthError;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The headers this answer carries besides the usual ones: {@code Retry-After}, if set. */
  public Map<String, String> headers() {
    return retryAfterSeconds > 0
        ? Map.of("Retry-After", Integer.toString(retryAfterSeconds))
        : Map.of();
  }

  /** The Error body for one request. */
  public ErrorBody toBody(UUID correlationId) {
    List<ErrorBody.Detail> details = null;
    if (!problems.isEmpty()) {
      details = new ArrayList<>(problems.size());
      for (Problem problem : problems) {
        details.add(problem.toDetail());
      }
    }
    return new ErrorBody(
        category,
        correlationId,
        getMessage(),
        subCategory,
        hubSpotStatus,
        oauthError,
        oauthError == null ? null : getMessage(),
        details);
  }

  /**
   * One missing or invalid field.
   *
   * @param message what is wrong
   * @param code {@code MISSING_REQUIRED_FIELD} or {@code INVALID_PARAMETER}
   * @param in where the field is: body, path or header
   * @param field the field's name
   */
  public record Problem(String message, String code, String in, String field) {

    public static Problem missing(String in, String field) {
      return new Problem(field + " is required", "MISSING_REQUIRED_FIELD", in, field);
    }

    public static Problem invalid(String in, String field, String message) {
      return new Problem(message, "INVALID_PARAMETER", in, field);
    }

    ErrorBody.Detail toDetail() {
      Map<String, List<String>> context = null;
      if (field != null) {
        String key = "MISSING_REQUIRED_FIELD".equals(code) ? "missingFields" : "invalidFields";
        context = new LinkedHashMap<>();
        context.put(key, List.of(field));
      }
      return new ErrorBody.Detail(message, code, in, context);
    }
  }

  /** Builds an {@link ApiError}. */
  public static final class Builder {
    private final int httpStatus;
    private final String category;
    private final String message;
    private String subCategory;
    private String hubSpotStatus;
    private String oauthError;
    private int retryAfterSeconds;
    private final List<Problem> problems = new ArrayList<>();

    private Builder(int httpStatus, String category, String message) {
      this.httpStatus = httpStatus;
      this.category = category;
      this.message = Objects.requireNonNull(message, "message");
    }

    public Builder subCategory(String subCategory) {
      this.subCategory = subCategory;
      return this;
    }

    public Builder hubSpotStatus(String hubSpotStatus) {
      this.hubSpotStatus = hubSpotStatus;
      return this;
    }

    public Builder oauthError(String oauthError) {
      this.oauthError = oauthError;
      return this;
    }

    /** A {@code Retry-After} header: when to try again, in seconds (at least 1). */
    public Builder retryAfter(int seconds) {
      if (seconds < 1) {
        throw new IllegalArgumentException("seconds must be at least 1, got " + seconds);
      }
      this.retryAfterSeconds = seconds;
      return this;
    }

    public Builder problem(Problem problem) {
      problems.add(Objects.requireNonNull(problem, "problem"));
      return this;
    }

    public Builder problems(List<Problem> more) {
      more.forEach(this::problem);
      return this;
    }

    public ApiError build() {
      return new ApiError(this);
    }
  }
}
