package dev.oauthkit.hubspot.contract.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request sent to the server under test and what came back.
 *
 * @param request a secret-free description of the request, e.g. {@code POST /oauth/v1/token
 *     form[grant_type, client_id]}
 * @param status the response status, or -1 when no response arrived
 * @param contentType the response Content-Type header, or {@code null}
 * @param body the response body as text (empty when there was none)
 * @param failure why no response arrived, or {@code null}
 * @param headers the response headers by name, names compared ignoring case (empty when no response
 *     arrived)
 */
public record Exchange(
    String request,
    int status,
    String contentType,
    String body,
    String failure,
    Map<String, List<String>> headers) {

  /**
   * Keeps the headers as an unmodifiable map whose names are compared ignoring case; the values of
   * names that differ only in case are joined.
   */
  public Exchange {
    Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach(
          (name, values) -> byName.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
    }
    byName.replaceAll((name, values) -> List.copyOf(values));
    headers = Collections.unmodifiableMap(byName);
  }

  /** An exchange whose response headers are not known (none kept). */
  public Exchange(String request, int status, String contentType, String body, String failure) {
    this(request, status, contentType, body, failure, Map.of());
  }

  /** Whether a response arrived. */
  public boolean answered() {
    return status > 0;
  }

  /** The first value of a response header, the name compared ignoring case. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
