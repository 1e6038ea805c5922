package dev.oauthkit.hubspot.core.stack;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps each bean property of the models: an optional one in {@link OptionalProperty} (when
 * tolerant), a required one in {@link RequiredProperty}; and each bean with required properties in
 * {@link RequiredFields}, which checks after reading that none is missing or {@code null}; and each
 * response model of an {@link Operation} in a deserializer that names the operation for the
 * warnings of the fields read inside it ({@link ResponseReading#OPERATION}).
 */
final class ModelReading extends BeanDeserializerModifier {

  private static final long serialVersionUID = 1L;

  private final boolean tolerant;

  ModelReading(boolean tolerant) {
    this.tolerant = tolerant;
  }

  @Override
  public BeanDeserializerBuilder updateBuilder(
      DeserializationConfig config, BeanDescription beanDesc, BeanDeserializerBuilder builder) {
    List<SettableBeanProperty> properties = new ArrayList<>();
    builder.getProperties().forEachRemaining(properties::add);
    for (SettableBeanProperty property : properties) {
      if (property.isRequired()) {
        builder.addOrReplaceProperty(new RequiredProperty(property), true);
      } else if (tolerant) {
        builder.addOrReplaceProperty(new OptionalProperty(property), true);
      }
    }
    return builder;
  }

  @Override
  public JsonDeserializer<?> modifyDeserializer(
      DeserializationConfig config, BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
    JsonDeserializer<?> read = required(deserializer);
    return Operation.answeredWith(beanDesc.getBeanClass())
        .<JsonDeserializer<?>>map(operation -> new NamingOperation(read, operation.id()))
        .orElse(read);
  }

  private static JsonDeserializer<?> required(JsonDeserializer<?> deserializer) {
    if (!(deserializer instanceof BeanDeserializerBase bean)) {
      return deserializer;
    }
    List<SettableBeanProperty> required = new ArrayList<>();
    bean.properties()
        .forEachRemaining(
            property -> {
              if (property.isRequired()) {
                required.add(property);
              }
            });
    return required.isEmpty() ? deserializer : new RequiredFields(deserializer, required);
  }

  /**
   * Reads an operation's response model, first naming the operation in the call's context
   * attributes (unless an outer read named one) for the warnings of its nested fields.
   */
  private static final class NamingOperation extends DelegatingDeserializer {

    private static final long serialVersionUID = 1L;

    private final String operationId;

    NamingOperation(JsonDeserializer<?> delegate, String operationId) {
      super(delegate);
      this.operationId = operationId;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new NamingOperation(newDelegatee, operationId);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (ctxt.getAttribute(ResponseReading.OPERATION) == null) {
        ctxt.setAttribute(ResponseReading.OPERATION, operationId);
      }
      return _delegatee.deserialize(p, ctxt);
    }
  }
}
