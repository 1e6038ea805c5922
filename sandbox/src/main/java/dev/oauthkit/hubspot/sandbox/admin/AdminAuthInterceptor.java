package dev.oauthkit.hubspot.sandbox.admin;

import dev.oauthkit.hubspot.sandbox.web.Errors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards {@code /sandbox/v1/**}: without {@code Authorization: Bearer <admin key>} the answer is
 * 401 with an Error body, before the request body is even bound.
 */
public final class AdminAuthInterceptor implements HandlerInterceptor {

  private final AdminKey key;

  public AdminAuthInterceptor(AdminKey key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!key.accepts(request.getHeader("Authorization"))) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"sandbox-admin\"");
      throw Errors.badAdminKey();
    }
    return true;
  }
}
