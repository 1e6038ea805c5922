package dev.oauthkit.hubspot.sandbox.api;

import dev.oauthkit.hubspot.sandbox.fault.FaultInjector;
import dev.oauthkit.hubspot.sandbox.secret.Secrets;
import dev.oauthkit.hubspot.sandbox.store.StoreException;
import dev.oauthkit.hubspot.sandbox.web.Answers;
import dev.oauthkit.hubspot.sandbox.web.ApiError;
import dev.oauthkit.hubspot.sandbox.web.Body;
import dev.oauthkit.hubspot.sandbox.web.Correlation;
import dev.oauthkit.hubspot.sandbox.web.Errors;
import dev.oauthkit.hubspot.sandbox.web.FormParser;
import dev.oauthkit.hubspot.sandbox.web.RequestLogFilter;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one request path of everything under {@code /oauth/}: every request, valid or not, is
 * answered here and nowhere else. In order: route by {@link HubSpotOperation} (404, or 405 with
 * {@code Allow}), the consent page ({@link PageEndpoint}), an armed fault, the body {@code
 * BodyFilter} read (form parsed strictly), the call through {@link OperationBinder} to the class
 * implementing the generated interface, and the answer or the documented Error written by {@link
 * Answers}. Spring MVC never sees these requests; it serves the admin API only.
 */
public final class HubSpotApiFilter implements Filter {

  /** The paths this filter owns. */
  public static final String PREFIX = "/oauth/";

  private static final Logger LOG = LoggerFactory.getLogger(HubSpotApiFilter.class);
  private static final String FORM = "application/x-www-form-urlencoded";

  private final OperationBinder binder;
  private final FaultInjector faults;
  private final PageEndpoint page;
  private final ApiVersions known;
  private final Set<String> served;

  private HubSpotApiFilter(
      OperationBinder binder,
      FaultInjector faults,
      PageEndpoint page,
      ApiVersions known,
      Collection<String> served) {
    this.binder = Objects.requireNonNull(binder, "binder");
    this.faults = Objects.requireNonNull(faults, "faults");
    this.page = Objects.requireNonNull(page, "page");
    this.known = Objects.requireNonNull(known, "known");
    this.served = Set.copyOf(served);
  }

  /**
   * The filter over the bound operations, the fault injector and the consent page.
   *
   * @param known every API version the sandbox knows (the spec jar's documents)
   * @param served the versions it serves; every route of another known version answers as after
   *     that version's sunset (404)
   */
  public static HubSpotApiFilter of(
      OperationBinder binder,
      FaultInjector faults,
      PageEndpoint page,
      ApiVersions known,
      Collection<String> served) {
    return new HubSpotApiFilter(binder, faults, page, known, served);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String path = request.getRequestURI();
    if (!path.startsWith(PREFIX)) {
      chain.doFilter(request, response);
      return;
    }
    UUID correlationId = Correlation.of(request);
    try {
      if (path.equals(page.path())) {
        page.answer(request, response);
      } else {
        answer(request, response, path, correlationId);
      }
    } catch (RuntimeException e) {
      if (e instanceof StoreException store && store.unavailable()) {
        // logged once per outage by the store, not once per request
        Answers.error(response, Errors.storeUnavailable(), correlationId);
        return;
      }
      LOG.error("unexpected error, cid={}", correlationId, e);
      Answers.error(response, Errors.internal(), correlationId);
    }
  }

  private void answer(
      HttpServletRequest request, HttpServletResponse response, String path, UUID correlationId)
      throws IOException {
    Optional<HubSpotOperation.Route> route = HubSpotOperation.route(path, known.dated());
    if (route.isEmpty() || route.get().operations().isEmpty()) {
      Answers.error(response, Errors.notFound(), correlationId);
      return;
    }
    if (!served.contains(route.get().version())) {
      Answers.error(
          response,
          Errors.switchedOff(route.get().version(), served, ApiVersions.v1Sunset()),
          correlationId);
      return;
    }
    List<HubSpotOperation> matching = route.get().operations();
    String method = request.getMethod();
    HubSpotOperation op = null;
    for (HubSpotOperation candidate : matching) {
      if (candidate.method().equals(method)) {
        op = candidate;
        break;
      }
    }
    if (op == null) {
      List<String> allowed = matching.stream().map(HubSpotOperation::method).toList();
      Answers.error(
          response,
          Errors.methodNotAllowed(),
          correlationId,
          Map.of("Allow", String.join(", ", allowed)));
      return;
    }
    try {
      Optional<Integer> fault = faults.take(op.operationId());
      if (fault.isPresent()) {
        throw Errors.injected(fault.get());
      }
      Answers.entity(response, call(op, request), correlationId);
    } catch (ApiError error) {
      Answers.error(response, op.documented(error), correlationId);
    }
  }

  private org.springframework.http.ResponseEntity<?> call(
      HubSpotOperation op, HttpServletRequest request) {
    if (op.hasPathToken()) {
      String token = FormParser.decodePathSegment(op.rawToken(request.getRequestURI()));
      if (token == null) {
        throw Errors.invalidToken();
      }
      return binder.call(op, name -> null, token);
    }
    Map<String, String> form = form(request);
    String credential =
        first(form.get("refresh_token"), first(form.get("code"), form.get("token")));
    if (credential != null) {
      request.setAttribute(RequestLogFilter.FINGERPRINT_ATTRIBUTE, Secrets.fingerprint(credential));
    }
    return binder.call(op, form::get, null);
  }

  /** The strictly parsed form body; 400 for another content type or an unusable body. */
  private static Map<String, String> form(HttpServletRequest request) {
    Body body = Body.of(request);
    if (!body.usable()) {
      throw Errors.invalidRequest(body.problem(), null);
    }
    MediaTypes.Parsed type = MediaTypes.parse(request.getContentType());
    if (type == null || !FORM.equals(type.type())) {
      throw Errors.invalidRequest("Content-Type must be " + FORM, null);
    }
    if (type.charset() == null) {
      throw Errors.invalidRequest("unsupported charset", null);
    }
    try {
      return FormParser.parse(body.bytes(), type.charset());
    } catch (FormParser.FormException e) {
      throw Errors.invalidRequest(e.getMessage(), e.field());
    }
  }

  private static String first(String a, String b) {
    if (a != null && !a.isEmpty()) {
      return a;
    }
    return b != null && !b.isEmpty() ? b : null;
  }
}
