package dev.oauthkit.hubspot.retrofit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.OAuthErrorDetail;
import dev.oauthkit.hubspot.core.RetryAfter;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import okhttp3.ResponseBody;
import retrofit2.Response;

/**
 * Turns a non-2xx Retrofit response into a {@link HubSpotOAuthException}: the spec's {@code Error}
 * body when it is a JSON object, otherwise the start of the raw body.
 */
final class ErrorMapper {

  private static final int MAX_BODY_CHARS = 64 * 1024;

  private final ObjectMapper mapper;
  private final Clock clock;

  private ErrorMapper(ObjectMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  static ErrorMapper create(ObjectMapper mapper, Clock clock) {
    return new ErrorMapper(mapper, clock);
  }

  HubSpotOAuthException toException(
      String operation, Response<?> response, Collection<String> secrets) {
    HubSpotOAuthException.Builder builder =
        HubSpotOAuthException.builder(operation, response.code())
            .retryAfter(RetryAfter.parse(response.headers().get("Retry-After"), clock).orElse(null))
            .redacting(secrets);
    String body = readBody(response.errorBody());
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

  private static String readBody(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (body) {
      String text = body.string();
      return text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) : text;
    } catch (IOException e) {
      return "";
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
