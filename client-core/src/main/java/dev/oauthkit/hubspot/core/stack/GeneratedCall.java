package dev.oauthkit.hubspot.core.stack;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Objects;

/**
 * One call of a generated API method with the arguments client-core prepared for its operation, not
 * yet made. What invoking it does depends on the stack: Retrofit's method returns a call to
 * execute, Feign's sends the request. Holds secrets in its arguments; prints only the operationId.
 */
public final class GeneratedCall {

  private final String operationId;
  private final Object api;
  private final Method method;
  private final Object[] arguments;

  private GeneratedCall(String operationId, Object api, Method method, Object[] arguments) {
    this.operationId = operationId;
    this.api = api;
    this.method = method;
    this.arguments = arguments;
  }

  /** Prepares {@code method} on {@code api} with {@code arguments}, in the method's order. */
  static GeneratedCall of(String operationId, Object api, Method method, Object[] arguments) {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(method, "method");
    if (arguments.length != method.getParameterCount()) {
      throw new IllegalArgumentException(
          "arguments: " + method.getName() + " takes " + method.getParameterCount());
    }
    return new GeneratedCall(operationId, api, method, arguments.clone());
  }

  /** Returns the spec's operationId, for example {@code createToken}. */
  public String operationId() {
    return operationId;
  }

  /**
   * Invokes the generated method with the prepared arguments; the method's own exception ({@link
   * InvocationTargetException} unwrapped) is thrown as it is.
   *
   * @return what the generated method returned
   * @throws Exception what the generated method threw
   */
  public Object invoke() throws Exception {
    try {
      return method.invoke(api, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw (Exception) e.getCause();
    }
  }

  /** The operationId only; never an argument. */
  @Override
  public String toString() {
    return "GeneratedCall{" + operationId + "}";
  }
}
