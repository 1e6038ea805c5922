package dev.oauthkit.hubspot.core;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The hosts a bearer interceptor may send the HubSpot access token to: an exact, case-insensitive
 * match of the request's host name, whatever its scheme and port. There are no wildcards ({@code
 * *.hubapi.com} is rejected) and no suffix matching, so {@code api.hubapi.com.evil.example} is not
 * allowed by {@code api.hubapi.com}. A client's default is its base URL's host. Immutable.
 */
public final class AllowedHosts {

  /**
   * HubSpot's OAuth endpoints, below any prefix (a gateway's {@code /hubspot}): v1's token and
   * metadata paths, a date version's token, introspect and revoke. Not any path that merely holds
   * an {@code oauth} segment (a file or theme path may).
   */
  private static final Pattern OAUTH_ENDPOINT =
      Pattern.compile(
          ".*/oauth/(v1/(token|access-tokens/[^/]+|refresh-tokens/[^/]+)"
              + "|\\d{4}-\\d{2}/token(/introspect|/revoke)?)/?");

  private final Set<String> hosts;

  private AllowedHosts(Set<String> hosts) {
    this.hosts = hosts;
  }

  /**
   * Allows exactly the given host names (no scheme, port, path or wildcard), case-insensitive.
   *
   * @param hosts at least one host name, for example {@code api.hubapi.com}
   * @return the allowed hosts
   * @throws IllegalArgumentException naming {@code hosts} when it is empty or a host is not a bare
   *     host name
   */
  public static AllowedHosts of(String... hosts) {
    Objects.requireNonNull(hosts, "hosts");
    if (hosts.length == 0) {
      throw new IllegalArgumentException("hosts must name at least one host");
    }
    Set<String> normalized = new LinkedHashSet<>();
    for (String host : hosts) {
      normalized.add(normalize(host));
    }
    return new AllowedHosts(Set.copyOf(normalized));
  }

  /**
   * Allows the host of {@code baseUrl} only, the default of every client.
   *
   * @param baseUrl an absolute URL with a host, for example {@code https://api.hubapi.com/}
   * @return the allowed hosts
   * @throws IllegalArgumentException naming {@code baseUrl} when it has no host
   */
  public static AllowedHosts of(URI baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String host = hostOf(baseUrl);
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("baseUrl must be an absolute URL with a host: " + baseUrl);
    }
    return of(host);
  }

  /**
   * Returns whether a request to {@code uri} may carry the token: its host is one of these.
   *
   * @param uri the request's URL
   * @return true when the host matches exactly, ignoring case; false for a URI without a host
   */
  public boolean allows(URI uri) {
    Objects.requireNonNull(uri, "uri");
    String host = hostOf(uri);
    return host != null && hosts.contains(unbracketed(host).toLowerCase(Locale.ROOT));
  }

  /**
   * Returns whether a bearer interceptor puts the token on a request to {@code uri}: its host is
   * one of these, and it is not one of HubSpot's OAuth endpoints ({@code /oauth/v1/token}, {@code
   * /oauth/2026-09/token/introspect}, ..., also below a gateway's prefix such as {@code
   * /hubspot/oauth/v1/token}; they never take a bearer token, and the kit's own token calls, which
   * go there, must not wait for the token they are fetching).
   *
   * @param uri the request's URL
   * @return whether to add the token
   */
  public boolean takesToken(URI uri) {
    if (!allows(uri)) {
      return false;
    }
    String path = uri.getRawPath();
    // Most calls hold no "/oauth/" at all: no regex for them.
    return path == null || !path.contains("/oauth/") || !OAUTH_ENDPOINT.matcher(path).matches();
  }

  /**
   * Like {@link #takesToken(URI)}, for a URL given as text; a URL that does not parse takes none.
   *
   * @param url the request's absolute URL
   * @return whether to add the token
   */
  public boolean takesToken(String url) {
    URI uri = parsed(url);
    return uri != null && takesToken(uri);
  }

  /**
   * Like {@link #allows(URI)}, for a URL given as text; a URL that does not parse is not allowed.
   *
   * @param url the request's absolute URL
   * @return whether the request may carry the token
   */
  public boolean allows(String url) {
    URI uri = parsed(url);
    return uri != null && allows(uri);
  }

  /** {@code url} as a URI, or {@code null} when it does not parse. */
  private static URI parsed(String url) {
    Objects.requireNonNull(url, "url");
    try {
      return URI.create(url);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Returns the allowed host names, lower case. */
  public Set<String> hosts() {
    return hosts;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AllowedHosts that && hosts.equals(that.hosts);
  }

  @Override
  public int hashCode() {
    return hosts.hashCode();
  }

  @Override
  public String toString() {
    return "AllowedHosts" + Arrays.toString(hosts.stream().sorted().toArray());
  }

  private static String normalize(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("hosts must not hold a blank host");
    }
    String bare = unbracketed(host.strip());
    boolean ipv6 = bare.indexOf(':') != bare.lastIndexOf(':');
    if (bare.contains("*")) {
      throw new IllegalArgumentException("hosts must not hold a wildcard: " + host);
    }
    if (bare.contains("/") || (bare.contains(":") && !ipv6) || bare.matches(".*\\s.*")) {
      throw new IllegalArgumentException(
          "hosts must hold bare host names (no scheme, port or path): " + host);
    }
    return bare.toLowerCase(Locale.ROOT);
  }

  /**
   * The URI's host; for a host {@link URI#getHost()} does not accept (an underscore, as in a Docker
   * service name), the authority without user info and port.
   */
  private static String hostOf(URI uri) {
    if (uri.getHost() != null) {
      return uri.getHost();
    }
    String authority = uri.getRawAuthority();
    if (authority == null) {
      return null;
    }
    String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
    int bracket = hostAndPort.indexOf(']');
    int colon = hostAndPort.indexOf(':', bracket + 1);
    return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
  }

  private static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
