package dev.oauthkit.hubspot.feign.client;

import dev.oauthkit.hubspot.core.stack.ErrorBodies;
import dev.oauthkit.hubspot.core.stack.ErrorResponse;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The facade's Feign {@link ErrorDecoder}: reads a non-2xx answer's status, Retry-After and the
 * start of its body into an {@link ErrorResponse}, which the facade maps and redacts.
 */
final class ErrorResponseDecoder implements ErrorDecoder {

  private ErrorResponseDecoder() {}

  static ErrorResponseDecoder create() {
    return new ErrorResponseDecoder();
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    try (response) {
      // Feign's response headers are case-insensitive.
      Collection<String> retryAfter = response.headers().get("Retry-After");
      return ErrorResponse.of(
          response.status(),
          retryAfter == null || retryAfter.isEmpty() ? null : retryAfter.iterator().next(),
          body(response));
    }
  }

  private static String body(Response response) {
    if (response.body() == null) {
      return null;
    }
    try {
      return ErrorBodies.read(response.body().asReader(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return null;
    }
  }
}
