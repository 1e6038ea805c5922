package dev.oauthkit.hubspot.feign.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.OAuthErrorDetail;
import dev.oauthkit.hubspot.core.RetryAfter;
import feign.Response;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;

/**
 * The facade's Feign {@link ErrorDecoder}: reads a non-2xx answer into an {@link ErrorResponse},
 * and later turns that into a {@link HubSpotOAuthException} carrying the spec's {@code Error} body
 * when it is a JSON object, otherwise the start of the raw body.
 */
final class ErrorMapper implements ErrorDecoder {

  static final int MAX_BODY_CHARS = 64 * 1024;

  private final ObjectMapper mapper;
  private final Clock clock;

  private ErrorMapper(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  static ErrorMapper create(ObjectMapper mapper, Clock clock) {
    return new ErrorMapper(mapper, clock);
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    try (response) {
      return new ErrorResponse(response.status(), header(response, "Retry-After"), read(response));
    }
  }

  HubSpotOAuthException toException(
      String operation, ErrorResponse response, Collection<String> secrets) {
    HubSpotOAuthException.Builder builder =
        HubSpotOAuthException.builder(operation, response.status())
            .retryAfter(RetryAfter.parse(response.retryAfter(), clock).orElse(null))
            .redacting(secrets);
    String body = response.body();
    JsonNode json = parse(body);
    if (json == null || !json.isObject()) {
      return builder.bodyExcerpt(body.isEmpty() ? null : body).build();
    }
    builder
        .body(
            text(json, "category"),
            text(json, "subCategory"),
            text(json, "status"),
            text(json, "correlationId"),
            text(json, "message"))
        .oauthError(text(json, "error"), text(json, "error_description"));
    for (JsonNode detail : json.path("errors")) {
      builder.addError(
          OAuthErrorDetail.of(
              text(detail, "message"),
              text(detail, "code"),
              text(detail, "subCategory"),
              text(detail, "in")));
    }
    return builder.build();
  }

  private JsonNode parse(String body) {
    try {
      return body.isBlank() ? null : mapper.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String header(Response response, String name) {
    for (Map.Entry<String, Collection<String>> header : response.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
        return header.getValue().iterator().next();
      }
    }
    return null;
  }

  private static String read(Response response) {
    if (response.body() == null) {
      return "";
    }
    try (Reader reader = response.body().asReader(StandardCharsets.UTF_8)) {
      char[] buffer = new char[MAX_BODY_CHARS];
      int length = 0;
      int n;
      while (length < buffer.length
          && (n = reader.read(buffer, length, buffer.length - length)) > 0) {
        length += n;
      }
      return new String(buffer, 0, length);
    } catch (IOException e) {
      return "";
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
