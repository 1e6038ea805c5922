package dev.oauthkit.hubspot.core.stack;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import java.io.IOException;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a model, then fails with {@link MissingRequiredField} when a required property was absent
 * from the body (Jackson itself enforces {@code required} only for creator properties). Presence is
 * recorded per bean by {@link RequiredProperty}, in the reading's context attributes.
 */
final class RequiredFields extends DelegatingDeserializer {

  private static final long serialVersionUID = 1L;
  private static final String SEEN = RequiredFields.class.getName() + ".seen";

  private final List<SettableBeanProperty> required;

  RequiredFields(JsonDeserializer<?> delegate, List<SettableBeanProperty> required) {
    super(delegate);
    this.required = List.copyOf(required);
  }

  @Override
  protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
    return new RequiredFields(newDelegatee, required);
  }

  @Override
  public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    Object bean = _delegatee.deserialize(p, ctxt);
    if (bean != null) {
      Set<String> seen = seenIn(ctxt).remove(bean);
      for (SettableBeanProperty property : required) {
        String name = property.getName();
        if (seen == null || !seen.contains(name)) {
          MissingRequiredField e = MissingRequiredField.of(p, bean.getClass(), "is missing");
          e.prependPath(bean, name);
          throw e;
        }
      }
    }
    return bean;
  }

  /** Records that {@code bean}'s property {@code name} was in the body. */
  static void seen(DeserializationContext ctxt, Object bean, String name) {
    seenIn(ctxt).computeIfAbsent(bean, b -> new HashSet<>()).add(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Set<String>> seenIn(DeserializationContext ctxt) {
    Object seen = ctxt.getAttribute(SEEN);
    if (seen == null) {
      seen = new IdentityHashMap<Object, Set<String>>();
      ctxt.setAttribute(SEEN, seen);
    }
    return (Map<Object, Set<String>>) seen;
  }
}
