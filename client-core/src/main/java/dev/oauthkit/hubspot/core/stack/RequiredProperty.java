package dev.oauthkit.hubspot.core.stack;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import java.io.IOException;

/**
 * A required property: {@code null} in the body fails with {@link MissingRequiredField}, a value of
 * another type fails as Jackson fails it (the bean adds the path on the way out), and any other
 * value is recorded as present for {@link RequiredFields}.
 */
final class RequiredProperty extends SettableBeanProperty.Delegating {

  private static final long serialVersionUID = 1L;

  RequiredProperty(SettableBeanProperty delegate) {
    super(delegate);
  }

  @Override
  protected SettableBeanProperty withDelegate(SettableBeanProperty delegate) {
    return new RequiredProperty(delegate);
  }

  @Override
  public void deserializeAndSet(JsonParser p, DeserializationContext ctxt, Object instance)
      throws IOException {
    requireValue(p, instance);
    delegate.deserializeAndSet(p, ctxt, instance);
    RequiredFields.seen(ctxt, instance, getName());
  }

  @Override
  public Object deserializeSetAndReturn(JsonParser p, DeserializationContext ctxt, Object instance)
      throws IOException {
    requireValue(p, instance);
    Object result = delegate.deserializeSetAndReturn(p, ctxt, instance);
    RequiredFields.seen(ctxt, instance, getName());
    return result;
  }

  private static void requireValue(JsonParser p, Object instance) throws MissingRequiredField {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      throw MissingRequiredField.of(p, instance.getClass(), "is null");
    }
  }
}
