package dev.oauthkit.hubspot.sandbox.admin;

import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import java.util.Objects;

/**
 * The admin key: compared as SHA-256 in constant time; {@link #toString()} never shows it. Where it
 * came from is kept for the start-up report.
 */
public final class AdminKey {

  private static final String BEARER = "Bearer ";

  private final String value;
  private final byte[] sha256;
  private final String source;
  private final boolean generated;

  private AdminKey(String value, String source, boolean generated) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("value must not be blank");
    }
    this.value = value;
    this.sha256 = Secrets.sha256(value);
    this.source = Objects.requireNonNull(source, "source");
    this.generated = generated;
  }

  /**
   * A key given on the command line or in the environment.
   *
   * @param source where it was given: {@code --admin-key} or {@code SANDBOX_ADMIN_KEY}
   */
  public static AdminKey given(String value, String source) {
    return new AdminKey(value, source, false);
  }

  /** A key read from, or just generated into, a file. */
  public static AdminKey fromFile(String value, String path, boolean generated) {
    return new AdminKey(value, path, generated);
  }

  /** Whether an {@code Authorization} header carries this key as a bearer token. */
  public boolean accepts(String authorizationHeader) {
    if (authorizationHeader == null
        || authorizationHeader.length() <= BEARER.length()
        || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    return Secrets.matches(authorizationHeader.substring(BEARER.length()).trim(), sha256);
  }

  /** Where the key is: {@code --admin-key}, {@code SANDBOX_ADMIN_KEY} or the file's path. */
  public String source() {
    return source;
  }

  /** Whether this start generated the key, so it is shown once. */
  public boolean generated() {
    return generated;
  }

  /** The key itself, only for the one-time start-up report. */
  public String revealOnce() {
    return value;
  }

  @Override
  public String toString() {
    return "AdminKey[source=" + source + "]";
  }
}
