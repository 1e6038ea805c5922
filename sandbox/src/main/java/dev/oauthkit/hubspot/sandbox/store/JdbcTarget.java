package dev.oauthkit.hubspot.sandbox.store;

import java.util.Locale;

/**
 * Where a PostgreSQL store lives: a {@code jdbc:postgresql:} URL, and optionally a user and a
 * password. The password is never shown: {@link #toString()} and {@link #redactedUrl()} leave it
 * (and any query parameters of the URL, which may carry one) out.
 */
public final class JdbcTarget {

  private static final String PREFIX = "jdbc:postgresql:";

  private final String url;
  private final String user;
  private final String password;

  private JdbcTarget(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * A target; blank user or password mean "not given" (the URL or the server decides).
   *
   * @throws IllegalArgumentException if the URL is missing or not a PostgreSQL JDBC URL
   */
  public static JdbcTarget of(String url, String user, String password) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("url is required for the postgres store");
    }
    String trimmed = url.trim();
    if (!trimmed.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "url must start with " + PREFIX + ", got " + redact(trimmed));
    }
    return new JdbcTarget(trimmed, blankToNull(user), blankToNull(password));
  }

  /** The full URL, for the driver only: it may hold credentials in its query. */
  String url() {
    return url;
  }

  /** The user, or null. */
  public String user() {
    return user;
  }

  /** The password, or null: for the driver only, never for output. */
  String password() {
    return password;
  }

  /** The URL without its query ({@code ?...}) or any user info, fit for logs and the console. */
  public String redactedUrl() {
    return redact(url);
  }

  @Override
  public String toString() {
    return "JdbcTarget["
        + redactedUrl()
        + ", user="
        + (user == null ? "none" : user)
        + ", password="
        + (password == null ? "none" : "given")
        + "]";
  }

  private static String redact(String url) {
    String withoutQuery = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    int at = withoutQuery.lastIndexOf('@');
    int hosts = withoutQuery.indexOf("//");
    if (at > hosts && hosts >= 0) {
      withoutQuery = withoutQuery.substring(0, hosts + 2) + withoutQuery.substring(at + 1);
    }
    return withoutQuery;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
