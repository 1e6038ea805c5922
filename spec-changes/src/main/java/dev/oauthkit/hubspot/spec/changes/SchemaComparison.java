package dev.oauthkit.hubspot.spec.changes;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The schema half of the own OpenAPI 3.1 check ({@link SchemaGaps}): compares two schemas at one
 * field path, recursively, and reports through a {@link Scope}.
 */
final class SchemaComparison {

  private final OpenAPI before;
  private final OpenAPI after;

  /** The (old, new) schema pairs being compared, by identity: stops at recursive schemas. */
  private final Set<List<Integer>> onPath = new HashSet<>();

  SchemaComparison(OpenAPI before, OpenAPI after) {
    this.before = Objects.requireNonNull(before, "before");
    this.after = Objects.requireNonNull(after, "after");
  }

  /**
   * Compares two schemas at one field path.
   *
   * @param context where inside the field's schema, e.g. {@code allOf[0].then}; empty at the top
   * @param reached whether openapi-diff compared properties, required and enum here
   */
  void compare(
      Scope scope,
      Schema<?> oldRaw,
      Schema<?> newRaw,
      String field,
      String context,
      boolean reached) {
    Schema<?> oldSchema = schema(before, oldRaw);
    Schema<?> newSchema = schema(after, newRaw);
    if (oldSchema == null || newSchema == null) {
      return;
    }
    List<Integer> pair =
        List.of(System.identityHashCode(oldSchema), System.identityHashCode(newSchema));
    if (onPath.add(pair)) {
      try {
        compareSchemas(scope, oldSchema, newSchema, field, context, reached);
      } finally {
        onPath.remove(pair);
      }
    }
  }

  private void compareSchemas(
      Scope scope,
      Schema<?> oldSchema,
      Schema<?> newSchema,
      String field,
      String context,
      boolean reached) {
    String subject = field.isEmpty() ? "body" : field;
    types(scope, subject, context, oldSchema, newSchema);
    presence(scope, subject, context, oldSchema, newSchema);
    if (!Objects.equals(oldSchema.getConst(), newSchema.getConst())) {
      scope.add(
          Rule.CONST_CHANGED,
          subject,
          where(context) + oldSchema.getConst() + " -> " + newSchema.getConst());
    }
    boolean formatChanged = !Objects.equals(oldSchema.getFormat(), newSchema.getFormat());
    if (!reached) {
      fields(scope, field, context, oldSchema, newSchema);
      if (formatChanged) {
        scope.add(
            Rule.TYPE_CHANGED,
            subject,
            where(context) + "format " + oldSchema.getFormat() + " -> " + newSchema.getFormat());
      }
    }
    boolean below = reached && !formatChanged;
    Map<String, Schema> newProperties = map(newSchema.getProperties());
    map(oldSchema.getProperties())
        .forEach(
            (name, property) ->
                compare(
                    scope,
                    property,
                    newProperties.get(name),
                    Scope.join(field, name),
                    context,
                    below));
    if (oldSchema.getAdditionalProperties() instanceof Schema<?> oldExtra
        && newSchema.getAdditionalProperties() instanceof Schema<?> newExtra) {
      compare(scope, oldExtra, newExtra, Scope.join(field, "*"), context, below);
    }
    compare(scope, oldSchema.getItems(), newSchema.getItems(), field + "[]", context, false);
    composition(scope, field, context, "allOf", oldSchema.getAllOf(), newSchema.getAllOf());
    composition(scope, field, context, "anyOf", oldSchema.getAnyOf(), newSchema.getAnyOf());
    composition(scope, field, context, "oneOf", oldSchema.getOneOf(), newSchema.getOneOf());
    compare(scope, oldSchema.getIf(), newSchema.getIf(), field, context + ".if", false);
    compare(scope, oldSchema.getThen(), newSchema.getThen(), field, context + ".then", false);
    compare(scope, oldSchema.getElse(), newSchema.getElse(), field, context + ".else", false);
  }

  private void types(
      Scope scope, String subject, String context, Schema<?> before, Schema<?> after) {
    Set<String> oldTypes = types(before);
    Set<String> newTypes = types(after);
    if (oldTypes.equals(newTypes)) {
      return;
    }
    String detail = where(context) + described(oldTypes) + " -> " + described(newTypes);
    Rule rule;
    if (newTypes.isEmpty() || newTypes.containsAll(oldTypes) && !oldTypes.isEmpty()) {
      // no type at all is any type: wider than every list
      rule = Rule.of(scope.side(), Rule.REQUEST_TYPE_WIDENED, Rule.RESPONSE_TYPE_WIDENED);
    } else if (oldTypes.isEmpty() || oldTypes.containsAll(newTypes)) {
      rule = Rule.of(scope.side(), Rule.REQUEST_TYPE_NARROWED, Rule.RESPONSE_TYPE_NARROWED);
    } else {
      rule = Rule.TYPE_CHANGED;
    }
    scope.add(rule, subject, detail);
  }

  /** A list of types, or "any type" for none. */
  private static String described(Set<String> types) {
    return types.isEmpty() ? "any type" : types.toString();
  }

  /**
   * Conditions ({@code if}/{@code then}/{@code else}, {@code dependentRequired}) and array items
   * that appear or go: the comparison below only follows ones present on both sides.
   */
  private void presence(
      Scope scope, String subject, String context, Schema<?> before, Schema<?> after) {
    for (String keyword : List.of("if", "then", "else")) {
      boolean had = condition(before, keyword) != null;
      boolean has = condition(after, keyword) != null;
      if (had != has) {
        scope.add(
            Rule.CONDITION_CHANGED,
            subject,
            where(context) + keyword + (has ? " added" : " removed"));
      }
    }
    Map<String, List<String>> oldDependents =
        Objects.requireNonNullElse(before.getDependentRequired(), Map.of());
    Map<String, List<String>> newDependents =
        Objects.requireNonNullElse(after.getDependentRequired(), Map.of());
    if (!oldDependents.equals(newDependents)) {
      scope.add(
          Rule.CONDITION_CHANGED,
          subject,
          where(context) + "dependentRequired " + oldDependents + " -> " + newDependents);
    }
    if ((before.getItems() == null) != (after.getItems() == null)) {
      boolean removed = after.getItems() == null;
      scope.add(
          removed
              ? Rule.of(scope.side(), Rule.REQUEST_TYPE_WIDENED, Rule.RESPONSE_TYPE_WIDENED)
              : Rule.of(scope.side(), Rule.REQUEST_TYPE_NARROWED, Rule.RESPONSE_TYPE_NARROWED),
          subject,
          where(context) + (removed ? "items removed (any item)" : "items added"));
    }
  }

  private static Schema<?> condition(Schema<?> schema, String keyword) {
    return switch (keyword) {
      case "if" -> schema.getIf();
      case "then" -> schema.getThen();
      default -> schema.getElse();
    };
  }

  /** Properties, required and enum, where openapi-diff did not compare them. */
  private void fields(
      Scope scope, String field, String context, Schema<?> before, Schema<?> after) {
    Map<String, Schema> oldProperties = map(before.getProperties());
    Map<String, Schema> newProperties = map(after.getProperties());
    List<String> oldRequired = list(before.getRequired());
    List<String> newRequired = list(after.getRequired());
    String at = where(context).replaceAll(": $", "");
    for (String name : newProperties.keySet()) {
      if (!oldProperties.containsKey(name)) {
        scope.fieldAdded(Scope.join(field, name), newRequired.contains(name));
      }
    }
    for (String name : oldProperties.keySet()) {
      if (!newProperties.containsKey(name)) {
        scope.fieldRemoved(Scope.join(field, name));
      }
    }
    for (String name : newRequired) {
      if (!oldRequired.contains(name)
          && oldProperties.containsKey(name) == newProperties.containsKey(name)) {
        scope.madeRequired(Scope.join(field, name), at);
      }
    }
    for (String name : oldRequired) {
      if (!newRequired.contains(name)
          && oldProperties.containsKey(name) == newProperties.containsKey(name)) {
        scope.madeOptional(Scope.join(field, name), at);
      }
    }
    String subject = field.isEmpty() ? "body" : field;
    scope.enumChanged(subject, where(context), list(before.getEnum()), list(after.getEnum()));
    if (!Boolean.TRUE.equals(before.getDeprecated())
        && Boolean.TRUE.equals(after.getDeprecated())) {
      scope.deprecated(subject);
    }
  }

  private void composition(
      Scope scope,
      String field,
      String context,
      String keyword,
      List<Schema> before,
      List<Schema> after) {
    List<Schema> oldList = list(before);
    List<Schema> newList = list(after);
    if (oldList.size() != newList.size()) {
      scope.add(
          Rule.COMPOSITION_CHANGED,
          field.isEmpty() ? "body" : field,
          where(context) + keyword + " " + oldList.size() + " -> " + newList.size() + " entries");
    }
    // The order of the entries means nothing: an entry is paired with an equal one on the other
    // side wherever it moved, the rest in order; every pair is still compared, so a change behind
    // a $ref that both sides share is found.
    List<Schema> newRest = new ArrayList<>(newList);
    List<Schema> oldRest = new ArrayList<>();
    List<Schema[]> pairs = new ArrayList<>();
    for (Schema entry : oldList) {
      int same = newRest.indexOf(entry);
      if (same >= 0) {
        pairs.add(new Schema[] {entry, newRest.remove(same)});
      } else {
        oldRest.add(entry);
      }
    }
    for (int i = 0; i < Math.min(oldRest.size(), newRest.size()); i++) {
      pairs.add(new Schema[] {oldRest.get(i), newRest.get(i)});
    }
    for (Schema[] pair : pairs) {
      compare(
          scope,
          pair[0],
          pair[1],
          field,
          context + "." + keyword + "[" + indexOf(newList, pair[1]) + "]",
          false);
    }
  }

  /** The position of {@code entry} itself (not an equal one) in {@code list}. */
  private static int indexOf(List<Schema> list, Schema entry) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == entry) {
        return i;
      }
    }
    return -1;
  }

  private static Set<String> types(Schema<?> schema) {
    Set<String> types = new LinkedHashSet<>();
    if (schema.getTypes() != null) {
      types.addAll(schema.getTypes());
    }
    if (schema.getType() != null) {
      types.add(schema.getType());
    }
    return types;
  }

  private static String where(String context) {
    return context.isEmpty() ? "" : "in " + context.substring(1) + ": ";
  }

  private static Schema<?> schema(OpenAPI api, Schema<?> schema) {
    return follow(schema, Schema::get$ref, name -> api.getComponents().getSchemas().get(name));
  }

  /** Follows local {@code $ref}s ({@code #/components/<kind>/<name>}) to the component. */
  static <T> T follow(T value, Function<T, String> ref, Function<String, T> component) {
    T current = value;
    for (int hops = 0; current != null && ref.apply(current) != null; hops++) {
      if (hops > 20) {
        throw new IllegalStateException("$ref cycle at " + ref.apply(current));
      }
      String target = ref.apply(current);
      current = component.apply(target.substring(target.lastIndexOf('/') + 1));
    }
    return current;
  }

  static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values;
  }

  @SuppressWarnings("rawtypes")
  private static Map<String, Schema> map(Map<String, Schema> values) {
    return values == null ? Map.of() : values;
  }
}
