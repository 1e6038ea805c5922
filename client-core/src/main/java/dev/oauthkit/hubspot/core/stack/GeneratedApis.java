package dev.oauthkit.hubspot.core.stack;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each {@link Operation}'s generated method on a stack's {@link HttpStack#apis()}, found once by
 * name and parameter count on the interfaces the API objects implement (Retrofit's and Feign's
 * proxies) or, after those, on an API object's own public class (RestClient's generated classes).
 */
final class GeneratedApis {

  private record Target(Object api, Method method) {}

  private final Map<Operation, Target> targets;

  private GeneratedApis(Map<Operation, Target> targets) {
    this.targets = targets;
  }

  /**
   * Finds every operation's method.
   *
   * @param apis the stack's API objects
   * @return the methods
   * @throws IllegalArgumentException naming the operation and the API classes when one is missing
   *     or takes another number of parameters
   */
  static GeneratedApis of(List<Object> apis) {
    Objects.requireNonNull(apis, "apis");
    Map<Operation, Target> targets = new EnumMap<>(Operation.class);
    for (Operation operation : Operation.values()) {
      targets.put(operation, find(operation, apis));
    }
    return new GeneratedApis(targets);
  }

  /** Prepares {@code operation}'s call with {@code values} (wire name to value). */
  GeneratedCall call(Operation operation, Map<String, String> values) {
    Target target = targets.get(operation);
    return GeneratedCall.of(
        operation.id(), target.api(), target.method(), operation.arguments(values));
  }

  private static Target find(Operation operation, List<Object> apis) {
    List<Method> named = new ArrayList<>();
    for (Object api : apis) {
      Objects.requireNonNull(api, "apis");
      for (Class<?> type : types(api.getClass())) {
        for (Method method : type.getMethods()) {
          if (method.getName().equals(operation.id()) && !method.isDefault()) {
            if (method.getParameterCount() == operation.parameters().size()) {
              method.trySetAccessible();
              return new Target(api, method);
            }
            named.add(method);
          }
        }
      }
    }
    throw new IllegalArgumentException(
        "apis: no generated method "
            + operation.id()
            + " with "
            + operation.parameters().size()
            + " parameters "
            + operation.parameters()
            + " for the "
            + (operation.dated() ? "date versions" : "v1")
            + (named.isEmpty() ? "" : " (found one with " + named.get(0).getParameterCount() + ")")
            + " on the types of "
            + apis.stream().map(api -> api.getClass().getName()).collect(Collectors.toList())
            + ": "
            + apis.stream()
                .flatMap(api -> types(api.getClass()).stream())
                .map(Class::getName)
                .collect(Collectors.toList()));
  }

  /**
   * Every interface {@code type} implements, directly or through a superclass or interface, then
   * {@code type} itself when it is a public class and no proxy.
   */
  private static Set<Class<?>> types(Class<?> type) {
    Set<Class<?>> found = new LinkedHashSet<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      collect(c.getInterfaces(), found);
    }
    if (Modifier.isPublic(type.getModifiers()) && !Proxy.isProxyClass(type)) {
      found.add(type);
    }
    return found;
  }

  private static void collect(Class<?>[] types, Set<Class<?>> found) {
    for (Class<?> type : types) {
      if (found.add(type)) {
        collect(type.getInterfaces(), found);
      }
    }
  }
}
