package dev.oauthkit.hubspot.core.stack;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import java.io.IOException;

/**
 * An optional property that a value of another type does not fail: the value is skipped, the field
 * keeps its default, and {@link ResponseReading#dropped} logs one WARN with its JSON path.
 */
final class OptionalProperty extends SettableBeanProperty.Delegating {

  private static final long serialVersionUID = 1L;

  OptionalProperty(SettableBeanProperty delegate) {
    super(delegate);
  }

  @Override
  protected SettableBeanProperty withDelegate(SettableBeanProperty delegate) {
    return new OptionalProperty(delegate);
  }

  @Override
  public void deserializeAndSet(JsonParser p, DeserializationContext ctxt, Object instance)
      throws IOException {
    JsonStreamContext owner = owner(p);
    JsonToken found = p.currentToken();
    try {
      delegate.deserializeAndSet(p, ctxt, instance);
    } catch (JsonMappingException e) {
      skipRestOfValue(p, owner);
      ResponseReading.dropped(
          ctxt, ResponseReading.path(owner), e, getType().getRawClass(), kind(found));
    }
  }

  @Override
  public Object deserializeSetAndReturn(JsonParser p, DeserializationContext ctxt, Object instance)
      throws IOException {
    deserializeAndSet(p, ctxt, instance);
    return instance;
  }

  /** The object holding this property: at a value that opens a structure, its parent. */
  private static JsonStreamContext owner(JsonParser p) {
    JsonToken token = p.currentToken();
    JsonStreamContext context = p.getParsingContext();
    return token != null && token.isStructStart() ? context.getParent() : context;
  }

  /** Moves to the last token of this property's value, wherever inside it reading stopped. */
  private static void skipRestOfValue(JsonParser p, JsonStreamContext owner) throws IOException {
    while (true) {
      JsonToken token = p.currentToken();
      if (token != null && token.isStructStart()) {
        p.skipChildren();
      }
      if (p.getParsingContext() == owner || p.nextToken() == null) {
        return;
      }
    }
  }

  private static String kind(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }
}
