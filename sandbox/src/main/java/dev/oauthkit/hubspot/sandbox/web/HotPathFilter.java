package dev.oauthkit.hubspot.sandbox.web;

import dev.oauthkit.hubspot.sandbox.fault.FaultInjector;
import dev.oauthkit.hubspot.sandbox.grant.IssuedTokens;
import dev.oauthkit.hubspot.sandbox.grant.TokenRequest;
import dev.oauthkit.hubspot.sandbox.token.TokenMetadataService;
import dev.oauthkit.hubspot.sandbox.token.TokenService;
import dev.oauthkit.hubspot.server.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.server.model.TokenResponse;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the two hot requests without Spring MVC: a well-formed {@code grant_type=refresh_token}
 * token request and {@code GET /oauth/v1/access-tokens/{token}} for a token of URL-safe characters.
 * It calls the same services as {@code TokenController} and {@code AccessTokensController},
 * serialises the same generated models with Spring's own {@link JsonMapper}, and sends the same
 * status and headers (plus a Content-Length), so a client cannot tell which path answered.
 *
 * <p>A client mistake found on the way ({@link ApiError}: unknown client, bad refresh token,
 * unknown token) is answered here with the same documented Error body {@link ErrorAdvice} would
 * write, so the work is not done twice; anything else goes on to Spring MVC unchanged. Armed faults
 * are honoured as {@code FaultInterceptor} does. Runs after {@link RequestLogFilter} (log line,
 * correlation id) and {@link BodyFilter} (bounded, strictly parsed form).
 *
 * <p>Why: under load Spring MVC's dispatch (handler lookup, argument resolution, content
 * negotiation, message converters) was a third of each request's CPU time (benchmarks/README.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public final class HotPathFilter implements Filter {

  static final String TOKEN_PATH = "/oauth/v1/token";
  static final String ACCESS_TOKENS_PREFIX = "/oauth/v1/access-tokens/";
  private static final int MAX_TOKEN_CHARS = 512;

  private final TokenService tokens;
  private final TokenMetadataService metadata;
  private final FaultInjector faults;
  private final ObjectWriter tokenWriter;
  private final ObjectWriter metadataWriter;

  public HotPathFilter(
      TokenService tokens, TokenMetadataService metadata, FaultInjector faults, JsonMapper json) {
    this.tokens = tokens;
    this.metadata = metadata;
    this.faults = faults;
    this.tokenWriter = json.writerFor(TokenResponse.class);
    this.metadataWriter = json.writerFor(AccessTokenMetadata.class);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (request.getQueryString() == null) {
      String uri = request.getRequestURI();
      String method = request.getMethod();
      if ("POST".equals(method) && TOKEN_PATH.equals(uri)) {
        if (refresh(request, response)) {
          return;
        }
      } else if ("GET".equals(method) && uri.startsWith(ACCESS_TOKENS_PREFIX)) {
        if (accessTokenMetadata(uri.substring(ACCESS_TOKENS_PREFIX.length()), request, response)) {
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }

  private boolean refresh(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!(request instanceof BufferedRequest buffered) || !buffered.hasForm()) {
      return false;
    }
    TokenRequest form = TokenRequest.of(request::getParameter);
    if (!"refresh_token".equals(form.grantType())
        || form.field("client_id") == null
        || form.field("client_secret") == null
        || form.field("refresh_token") == null) {
      return false;
    }
    if (injectedFault("createOrRefreshAccessToken", request, response)) {
      return true;
    }
    IssuedTokens issued;
    try {
      issued = tokens.exchange(form);
    } catch (ApiError e) {
      writeError(e, request, response);
      return true;
    }
    TokenResponse body =
        new TokenResponse(
            issued.accessToken(),
            "bearer",
            Math.toIntExact(issued.expiresIn()),
            issued.refreshToken());
    write(response, 200, tokenWriter.writeValueAsBytes(body));
    return true;
  }

  private boolean accessTokenMetadata(
      String token, HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!urlSafe(token)) {
      return false;
    }
    if (injectedFault("getAccessTokenMetadata", request, response)) {
      return true;
    }
    AccessTokenMetadata body;
    try {
      body = metadata.access(token);
    } catch (ApiError e) {
      writeError(e, request, response);
      return true;
    }
    write(response, 200, metadataWriter.writeValueAsBytes(body));
    return true;
  }

  private boolean injectedFault(
      String operationId, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Integer> status = faults.take(operationId);
    if (status.isEmpty()) {
      return false;
    }
    writeError(Errors.injected(status.get()), request, response);
    return true;
  }

  /** The documented Error answer, as {@link ErrorAdvice} renders it. */
  private static void writeError(
      ApiError error, HttpServletRequest request, HttpServletResponse response) throws IOException {
    ApiError answer = ErrorAdvice.documented(error, request.getRequestURI());
    write(response, answer.httpStatus(), ErrorWriter.toJson(answer, Correlation.of(request)));
  }

  /** Whether a path segment is a plausible token that needs no decoding: [A-Za-z0-9_-]+. */
  static boolean urlSafe(String segment) {
    int length = segment.length();
    if (length == 0 || length > MAX_TOKEN_CHARS) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = segment.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The headers Spring MVC sends for these answers, plus a Content-Length. */
  private static void write(HttpServletResponse response, int status, byte[] body)
      throws IOException {
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
