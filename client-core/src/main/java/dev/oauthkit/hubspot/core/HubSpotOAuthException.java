package dev.oauthkit.hubspot.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A non-2xx answer from the HubSpot OAuth API, with the fields of the spec's {@code Error} body.
 * Text received from the server is redacted of every secret the request carried, so neither the
 * message nor any accessor ever shows a secret the client sent. Its one subtype, {@link
 * HubSpotOAuthResponseException}, is a 2xx answer whose body lacks a required field.
 */
public sealed class HubSpotOAuthException extends RuntimeException
    permits HubSpotOAuthResponseException {

  private static final long serialVersionUID = 1L;

  /** How much of a body that is not JSON is kept. */
  public static final int BODY_EXCERPT_CHARS = 300;

  private final int httpStatus;
  private final String operation;
  private final String category;
  private final String subCategory;
  private final String hubSpotStatus;
  private final String correlationId;
  private final String serverMessage;
  private final String error;
  private final String errorDescription;
  private final List<OAuthErrorDetail> errors;
  private final String bodyExcerpt;
  private final transient Duration retryAfter;

  private HubSpotOAuthException(Builder b, String message) {
    super(message);
    this.httpStatus = b.httpStatus;
    this.operation = b.operation;
    this.category = b.category;
    this.subCategory = b.subCategory;
    this.hubSpotStatus = b.hubSpotStatus;
    this.correlationId = b.correlationId;
    this.serverMessage = b.serverMessage;
    this.error = b.error;
    this.errorDescription = b.errorDescription;
    this.errors = List.copyOf(b.errors);
    this.bodyExcerpt = b.bodyExcerpt;
    this.retryAfter = b.retryAfter;
  }

  /**
   * For {@link HubSpotOAuthResponseException}: an answer without an error body.
   *
   * @param operation the spec's operationId
   * @param httpStatus the HTTP status code
   * @param message the message; it must hold no secret
   */
  HubSpotOAuthException(String operation, int httpStatus, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.operation = OAuthCredentials.requireText(operation, "operation");
    this.category = null;
    this.subCategory = null;
    this.hubSpotStatus = null;
    this.correlationId = null;
    this.serverMessage = null;
    this.error = null;
    this.errorDescription = null;
    this.errors = List.of();
    this.bodyExcerpt = null;
    this.retryAfter = null;
  }

  /**
   * Starts a builder for an answer with the given HTTP status.
   *
   * @param operation the spec's operationId, for example {@code createOrRefreshAccessToken}
   * @param httpStatus the HTTP status code
   * @return the builder
   */
  public static Builder builder(String operation, int httpStatus) {
    return new Builder(OAuthCredentials.requireText(operation, "operation"), httpStatus);
  }

  /** Returns the HTTP status code. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Returns the operationId of the failed call. */
  public String operation() {
    return operation;
  }

  /** Returns the error category, for example {@code VALIDATION_ERROR}. */
  public Optional<String> category() {
    return Optional.ofNullable(category);
  }

  /** Returns the sub-category, for example {@code INVALID_GRANT}. */
  public Optional<String> subCategory() {
    return Optional.ofNullable(subCategory);
  }

  /** Returns HubSpot's token error status, for example {@code BAD_REFRESH_TOKEN}. */
  public Optional<String> hubSpotStatus() {
    return Optional.ofNullable(hubSpotStatus);
  }

  /** Returns the correlation ID to quote to HubSpot support. */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /** Returns the server's human-readable message (redacted). */
  public Optional<String> serverMessage() {
    return Optional.ofNullable(serverMessage);
  }

  /** Returns the RFC 6749 error code, for example {@code invalid_grant}. */
  public Optional<String> error() {
    return Optional.ofNullable(error);
  }

  /** Returns the RFC 6749 error description (redacted). */
  public Optional<String> errorDescription() {
    return Optional.ofNullable(errorDescription);
  }

  /** Returns the detailed errors of the body; empty when there were none. */
  public List<OAuthErrorDetail> errors() {
    return errors;
  }

  /** Returns the start of a body that was not a JSON error object (redacted). */
  public Optional<String> bodyExcerpt() {
    return Optional.ofNullable(bodyExcerpt);
  }

  /** Returns the server's Retry-After, if it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Returns whether retrying can help: HTTP 429 or 5xx. Never 400 or 401. */
  public boolean isRetryable() {
    return httpStatus == 429 || httpStatus >= 500;
  }

  /** Builds a {@link HubSpotOAuthException}; every field but the status is optional. */
  public static final class Builder {
    private final String operation;
    private final int httpStatus;
    private String category;
    private String subCategory;
    private String hubSpotStatus;
    private String correlationId;
    private String serverMessage;
    private String error;
    private String errorDescription;
    private final List<OAuthErrorDetail> errors = new ArrayList<>();
    private String bodyExcerpt;
    private Duration retryAfter;
    private final List<String> secrets = new ArrayList<>();
    private Throwable cause;

    private Builder(String operation, int httpStatus) {
      this.operation = operation;
      this.httpStatus = httpStatus;
    }

    /** Sets the fields of the JSON error body; any may be {@code null}. */
    public Builder body(
        String category,
        String subCategory,
        String hubSpotStatus,
        String correlationId,
        String message) {
      this.category = category;
      this.subCategory = subCategory;
      this.hubSpotStatus = hubSpotStatus;
      this.correlationId = correlationId;
      this.serverMessage = message;
      return this;
    }

    /** Sets the RFC 6749 {@code error} and {@code error_description}; either may be null. */
    public Builder oauthError(String error, String errorDescription) {
      this.error = error;
      this.errorDescription = errorDescription;
      return this;
    }

    /** Adds one entry of the body's {@code errors} list. */
    public Builder addError(OAuthErrorDetail detail) {
      errors.add(Objects.requireNonNull(detail, "detail"));
      return this;
    }

    /**
     * Keeps the first {@value #BODY_EXCERPT_CHARS} characters of a body that is not JSON, cut after
     * the secrets are redacted (a secret across the cut would show its first characters).
     */
    public Builder bodyExcerpt(String body) {
      this.bodyExcerpt = body;
      return this;
    }

    /** Sets the server's Retry-After delay; may be {@code null}. */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /** Sets the cause, for example the JSON parse failure of the body. */
    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /** Names secrets the request carried; they are redacted from all server text. */
    public Builder redacting(Collection<String> secrets) {
      this.secrets.addAll(Objects.requireNonNull(secrets, "secrets"));
      return this;
    }

    private static String excerpt(String body) {
      return body == null || body.length() <= BODY_EXCERPT_CHARS
          ? body
          : body.substring(0, BODY_EXCERPT_CHARS) + "...";
    }

    /** Builds the exception. */
    public HubSpotOAuthException build() {
      serverMessage = Secrets.redact(serverMessage, secrets);
      errorDescription = Secrets.redact(errorDescription, secrets);
      bodyExcerpt = excerpt(Secrets.redact(bodyExcerpt, secrets));
      errors.replaceAll(detail -> detail.redacted(secrets));
      HubSpotOAuthException exception = new HubSpotOAuthException(this, message());
      if (cause != null) {
        exception.initCause(cause);
      }
      return exception;
    }

    private String message() {
      StringBuilder m = new StringBuilder(operation).append(" failed: HTTP ").append(httpStatus);
      appendIfPresent(m, " ", category);
      appendIfPresent(m, "/", subCategory);
      appendIfPresent(m, " status=", hubSpotStatus);
      appendIfPresent(m, " error=", error);
      appendIfPresent(m, ": ", serverMessage != null ? serverMessage : errorDescription);
      appendIfPresent(m, ": ", bodyExcerpt);
      appendIfPresent(m, " (correlationId ", correlationId);
      if (correlationId != null) {
        m.append(')');
      }
      return Secrets.redact(m.toString(), secrets);
    }

    private static void appendIfPresent(StringBuilder m, String prefix, String value) {
      if (value != null && !value.isBlank()) {
        m.append(prefix).append(value);
      }
    }
  }
}
