package dev.oauthkit.hubspot.sandbox.fault;

import dev.oauthkit.hubspot.sandbox.web.Errors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Fails a HubSpot OAuth request with an armed fault's status before its handler runs, so nothing is
 * read or stored.
 */
public final class FaultInterceptor implements HandlerInterceptor {

  private final FaultInjector faults;

  public FaultInterceptor(FaultInjector faults) {
    this.faults = Objects.requireNonNull(faults, "faults");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String operationId = operationId(request.getMethod(), request.getRequestURI());
    if (operationId != null) {
      faults
          .take(operationId)
          .ifPresent(
              status -> {
                throw Errors.injected(status);
              });
    }
    return true;
  }

  /** The HubSpot operation a request belongs to, or null. */
  static String operationId(String method, String path) {
    if (path.equals("/oauth/v1/token")) {
      return method.equals("POST") ? "createOrRefreshAccessToken" : null;
    }
    if (path.startsWith("/oauth/v1/access-tokens/")) {
      return method.equals("GET") ? "getAccessTokenMetadata" : null;
    }
    if (path.startsWith("/oauth/v1/refresh-tokens/")) {
      return switch (method) {
        case "GET" -> "getRefreshTokenMetadata";
        case "DELETE" -> "revokeRefreshToken";
        default -> null;
      };
    }
    return null;
  }
}
