package dev.oauthkit.hubspot.core.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.oauthkit.hubspot.core.ClientSettings;
import dev.oauthkit.hubspot.core.HubSpotOAuthResponseException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How every stack reads a 2xx body into the generated models, written once: unknown fields are
 * ignored; an optional field of another type is dropped with one WARN naming the operation and the
 * field's JSON path (unless {@link ClientSettings#strictReading()}); a required field that is
 * missing, {@code null} or of another type fails the call with a {@link
 * HubSpotOAuthResponseException} naming the operation and the path. Required means {@code required
 * = true} on the model's {@code @JsonProperty}, as the generator writes it from the spec.
 */
public final class ResponseReading {

  private static final System.Logger LOG = System.getLogger(ResponseReading.class.getName());

  /**
   * The per-call attribute of Jackson's {@link DeserializationContext} naming the operation whose
   * answer is being read: set by the deserializer {@link ModelReading} wraps around each response
   * model, read by nested fields' warnings. Per call, so it holds on any thread and for any stack.
   */
  static final String OPERATION = ResponseReading.class.getName() + ".operation";

  private ResponseReading() {}

  /**
   * Returns the {@link ObjectMapper} a stack gives its JSON converter or decoder.
   *
   * @param settings the builder's settings; {@code strictReading} turns drops into errors
   * @return a new mapper
   */
  public static ObjectMapper objectMapper(ClientSettings settings) {
    return new ObjectMapper()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .registerModule(
            new SimpleModule("hubspot-oauth-tolerant-reading")
                .setDeserializerModifier(new ModelReading(!settings.strictReading())));
  }

  /**
   * Logs the one WARN for an optional field that was dropped: what was expected and found, or, when
   * reading failed inside its value, the path and problem there. Never the value.
   */
  static void dropped(
      DeserializationContext ctxt,
      String jsonPath,
      JsonMappingException e,
      Class<?> expected,
      String foundKind) {
    Object operation = ctxt.getAttribute(OPERATION);
    String inner = path(e).substring(1);
    String reason;
    if (e instanceof MissingRequiredField) {
      reason = jsonPath + inner + " " + e.getOriginalMessage();
    } else if (inner.isEmpty()) {
      reason = "expected " + describe(expected) + ", found " + foundKind;
    } else {
      reason = jsonPath + inner + " " + mismatch(e);
    }
    Supplier<String> message =
        () ->
            (operation == null ? "response" : operation)
                + ": ignored optional response field "
                + jsonPath
                + ": "
                + reason;
    LOG.log(Level.WARNING, message);
  }

  /** Maps a body that could not be read to the exception naming the operation and the path. */
  static HubSpotOAuthResponseException toException(String operation, JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping)) {
      return HubSpotOAuthResponseException.of(operation, "$", "is not valid JSON");
    }
    String path = path(mapping);
    if (e instanceof MissingRequiredField) {
      return HubSpotOAuthResponseException.of(operation, path, e.getOriginalMessage());
    }
    return HubSpotOAuthResponseException.of(operation, path, mismatch(mapping));
  }

  private static String mismatch(JsonMappingException e) {
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "has another type than expected (" + describe(mismatch.getTargetType()) + ")";
    }
    return "could not be read";
  }

  /** A model field's type as the spec would say it: a simple class name, array or object. */
  static String describe(Class<?> type) {
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "array";
    }
    return Map.class.isAssignableFrom(type) ? "object" : type.getSimpleName();
  }

  /** The JSON path of a mapping failure, for example {@code $.user.scopes[2]}. */
  static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append('.').append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /** The JSON path of the field whose name {@code context} (an object) is positioned on. */
  static String path(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      parts.addFirst(
          c.inArray() ? "[" + Math.max(c.getCurrentIndex(), 0) + "]" : "." + c.getCurrentName());
    }
    return "$" + String.join("", parts);
  }
}
