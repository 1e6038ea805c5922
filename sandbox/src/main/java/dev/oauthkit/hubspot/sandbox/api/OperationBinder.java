package dev.oauthkit.hubspot.sandbox.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Calls the generated server interfaces: for each {@link HubSpotOperation} it finds the interface
 * method once, at start-up, checks that its {@code @RequestMapping} says the same method and path,
 * and reads the wire names of its arguments from {@code @RequestParam} and {@code @PathVariable}.
 * So the stubs stay the compile-time contract and even the field names come from the spec.
 */
public final class OperationBinder {

  private final Map<HubSpotOperation, Binding> bindings;

  private OperationBinder(Map<HubSpotOperation, Binding> bindings) {
    this.bindings = bindings;
  }

  /**
   * A binder over one implementation per generated interface.
   *
   * @param implementations objects implementing the interfaces named by {@link
   *     HubSpotOperation#stub()}
   * @throws IllegalStateException if an operation has no implementation or its stub disagrees
   */
  public static OperationBinder of(List<?> implementations) {
    Objects.requireNonNull(implementations, "implementations");
    Map<HubSpotOperation, Binding> bindings = new EnumMap<>(HubSpotOperation.class);
    for (HubSpotOperation op : HubSpotOperation.all()) {
      Object target =
          implementations.stream()
              .filter(op.stub()::isInstance)
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("no implementation of " + op.stub().getName()));
      bindings.put(op, Binding.of(op, target));
    }
    return new OperationBinder(bindings);
  }

  /**
   * Calls the operation's implementation.
   *
   * @param field a form field by wire name, or null when absent
   * @param token the decoded path token, or null for an operation without one
   */
  public ResponseEntity<?> call(HubSpotOperation op, Function<String, String> field, String token) {
    Binding binding = bindings.get(op);
    Object[] args = new Object[binding.sources().length];
    for (int i = 0; i < args.length; i++) {
      String source = binding.sources()[i];
      args[i] = source == null ? token : field.apply(source);
    }
    try {
      return (ResponseEntity<?>) binding.method().invoke(binding.target(), args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(op.operationId() + " failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(op.operationId() + " is not accessible", e);
    }
  }

  /** One operation's method and where each argument comes from (null: the path token). */
  private record Binding(Method method, Object target, String[] sources) {

    static Binding of(HubSpotOperation op, Object target) {
      Method method =
          Arrays.stream(op.stub().getMethods())
              .filter(m -> m.getName().equals(op.operationId()))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException(op.stub().getName() + " has no " + op));
      RequestMapping mapping = method.getAnnotation(RequestMapping.class);
      if (mapping == null
          || mapping.method().length != 1
          || !mapping.method()[0].name().equals(op.method())
          || !List.of(mapping.value()).equals(List.of(op.path()))) {
        throw new IllegalStateException(
            op.operationId() + ": the generated stub maps another method or path than " + op);
      }
      Parameter[] parameters = method.getParameters();
      String[] sources = new String[parameters.length];
      for (int i = 0; i < parameters.length; i++) {
        RequestParam param = parameters[i].getAnnotation(RequestParam.class);
        PathVariable variable = parameters[i].getAnnotation(PathVariable.class);
        if (param != null) {
          sources[i] = param.value();
        } else if (variable == null) {
          throw new IllegalStateException(op.operationId() + ": unbindable argument " + i);
        }
      }
      return new Binding(method, target, sources);
    }
  }
}
