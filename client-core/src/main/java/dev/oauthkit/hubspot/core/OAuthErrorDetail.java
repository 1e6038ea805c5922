package dev.oauthkit.hubspot.core;

import java.util.Collection;
import java.util.Optional;

/**
 * One entry of the {@code errors} list of a HubSpot error body; see {@link HubSpotOAuthException}.
 */
public final class OAuthErrorDetail {
  private final String message;
  private final String code;
  private final String subCategory;
  private final String in;

  private OAuthErrorDetail(String message, String code, String subCategory, String in) {
    this.message = message;
    this.code = code;
    this.subCategory = subCategory;
    this.in = in;
  }

  /** Creates a detail; every argument may be {@code null}. */
  public static OAuthErrorDetail of(String message, String code, String subCategory, String in) {
    return new OAuthErrorDetail(message, code, subCategory, in);
  }

  /** Returns the message. */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  /** Returns the code, for example {@code MISSING_REQUIRED_FIELD}. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** Returns the sub-category. */
  public Optional<String> subCategory() {
    return Optional.ofNullable(subCategory);
  }

  /** Returns where the error is: body, query or path. */
  public Optional<String> in() {
    return Optional.ofNullable(in);
  }

  /** Returns a copy whose message has {@code secrets} redacted. */
  OAuthErrorDetail redacted(Collection<String> secrets) {
    return new OAuthErrorDetail(Secrets.redact(message, secrets), code, subCategory, in);
  }

  @Override
  public String toString() {
    return "OAuthErrorDetail{code=" + code + ", in=" + in + ", message=" + message + "}";
  }
}
