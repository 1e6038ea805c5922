package dev.oauthkit.hubspot.sandbox.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Answers {@code 421 Misdirected Request} to a request whose {@code Host} names no address this
 * sandbox serves, before anything else reads it. A DNS-rebinding page (a site whose name the
 * attacker points at 127.0.0.1) reaches the sandbox with its own name as {@code Host}, so it cannot
 * pass as same-origin to the consent page nor call the APIs from the browser. Allowed, with any
 * port: {@code localhost}, {@code 127.0.0.1}, {@code [::1]}, the bind address, every IP address
 * when bound to all of them ({@code 0.0.0.0} or {@code ::}), and the names given with {@code
 * --allowed-hosts} ({@code *} allows any). A request without {@code Host} (HTTP/1.0) passes: no
 * browser sends one.
 */
public final class HostFilter implements Filter {

  private static final Set<String> WILDCARD_BINDS = Set.of("0.0.0.0", "::", "[::]");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");

  private final Set<String> names;
  private final boolean anyAddress;
  private final boolean anyHost;

  private HostFilter(Set<String> names, boolean anyAddress, boolean anyHost) {
    this.names = names;
    this.anyAddress = anyAddress;
    this.anyHost = anyHost;
  }

  /**
   * A filter for a sandbox bound to {@code bind}.
   *
   * @param bind the address the server listens on ({@code --bind})
   * @param allowedHosts more host names to accept ({@code --allowed-hosts}); {@code *} accepts any
   */
  public static HostFilter of(String bind, Collection<String> allowedHosts) {
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(allowedHosts, "allowedHosts");
    Set<String> names = new LinkedHashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
    String address = bind.trim().toLowerCase(Locale.ROOT);
    names.add(address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address);
    allowedHosts.forEach(host -> names.add(host.trim().toLowerCase(Locale.ROOT)));
    return new HostFilter(
        Set.copyOf(names), WILDCARD_BINDS.contains(address), allowedHosts.contains("*"));
  }

  /** Whether a {@code Host} header value names this sandbox. */
  public boolean allows(String host) {
    if (host == null || anyHost) {
      return true;
    }
    String name = withoutPort(host.trim().toLowerCase(Locale.ROOT));
    return names.contains(name)
        || (anyAddress && (IPV4.matcher(name).matches() || IPV6.matcher(name).matches()));
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    if (allows(request.getHeader("Host"))) {
      chain.doFilter(req, res);
      return;
    }
    HttpServletResponse response = (HttpServletResponse) res;
    response.setHeader("Connection", "close");
    Answers.error(response, Errors.misdirectedRequest(), Correlation.of(request));
  }

  private static String withoutPort(String host) {
    int colon = host.lastIndexOf(':');
    boolean bracketed = host.startsWith("[");
    if (colon < 0 || (bracketed && colon < host.indexOf(']'))) {
      return host;
    }
    return host.substring(0, colon);
  }
}
