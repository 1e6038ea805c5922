package dev.oauthkit.hubspot.spec.changes;

import dev.oauthkit.hubspot.spec.changes.Rule.Side;
import dev.oauthkit.hubspot.spec.changes.Scope.OperationRef;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * The changes openapi-diff finds: operations, parameters, request bodies, media types, statuses,
 * and the properties, required lists and enums it reaches through nested {@code properties} and
 * {@code additionalProperties}. What it misses on OpenAPI 3.1 is left to {@link SchemaGaps}.
 */
final class LibraryChanges {

  private final List<ApiChange> changes = new ArrayList<>();

  private LibraryChanges() {}

  /** Compares two documents' texts. */
  static List<ApiChange> between(String oldText, String newText) {
    ChangedOpenApi diff = OpenApiCompare.fromContents(oldText, newText);
    LibraryChanges walk = new LibraryChanges();
    walk.endpoints(diff.getNewEndpoints(), Rule.OPERATION_ADDED);
    walk.endpoints(diff.getMissingEndpoints(), Rule.OPERATION_REMOVED);
    diff.getChangedOperations().forEach(walk::operation);
    return walk.changes;
  }

  private void endpoints(List<Endpoint> endpoints, Rule rule) {
    for (Endpoint endpoint : endpoints) {
      OperationRef ref =
          ref(endpoint.getOperation(), endpoint.getMethod().name(), endpoint.getPathUrl());
      scope(ref, "operation", Side.REQUEST).add(rule, ref.id(), "");
    }
  }

  private void operation(ChangedOperation changed) {
    OperationRef ref =
        ref(changed.getNewOperation(), changed.getHttpMethod().name(), changed.getPathUrl());
    if (changed.isDeprecated() && Boolean.TRUE.equals(changed.getNewOperation().getDeprecated())) {
      scope(ref, "operation", Side.REQUEST).add(Rule.OPERATION_DEPRECATED, ref.id(), "");
    }
    parameters(ref, changed.getParameters());
    requestBody(ref, changed.getRequestBody());
    responses(ref, changed.getApiResponses());
  }

  private void parameters(OperationRef ref, ChangedParameters parameters) {
    if (parameters == null) {
      return;
    }
    for (Parameter added : parameters.getIncreased()) {
      scope(ref, added.getIn() + " parameter", Side.REQUEST)
          .add(
              Boolean.TRUE.equals(added.getRequired())
                  ? Rule.PARAMETER_ADDED_REQUIRED
                  : Rule.PARAMETER_ADDED_OPTIONAL,
              added.getName(),
              "");
    }
    for (Parameter removed : parameters.getMissing()) {
      scope(ref, removed.getIn() + " parameter", Side.REQUEST)
          .add(Rule.PARAMETER_REMOVED, removed.getName(), "");
    }
    for (ChangedParameter changed : parameters.getChanged()) {
      Scope scope = scope(ref, changed.getIn() + " parameter", Side.REQUEST);
      Parameter now = changed.getNewParameter();
      if (changed.isChangeRequired()) {
        scope.add(
            Boolean.TRUE.equals(now.getRequired())
                ? Rule.PARAMETER_NOW_REQUIRED
                : Rule.PARAMETER_NOW_OPTIONAL,
            changed.getName(),
            "");
      }
      if (changed.isDeprecated() && Boolean.TRUE.equals(now.getDeprecated())) {
        scope.add(Rule.PARAMETER_DEPRECATED, changed.getName(), "");
      }
      schema(scope, changed.getName(), changed.getSchema());
    }
  }

  private void requestBody(OperationRef ref, ChangedRequestBody body) {
    if (body == null) {
      return;
    }
    Scope scope = scope(ref, "request", Side.REQUEST);
    if (body.isChangeRequired()) {
      boolean required =
          body.getNewRequestBody() != null
              && Boolean.TRUE.equals(body.getNewRequestBody().getRequired());
      scope.add(
          required ? Rule.REQUEST_BODY_NOW_REQUIRED : Rule.REQUEST_BODY_NOW_OPTIONAL, "body", "");
    }
    content(scope, body.getContent());
  }

  private void responses(OperationRef ref, ChangedApiResponse responses) {
    if (responses == null) {
      return;
    }
    for (String status : responses.getIncreased().keySet()) {
      scope(ref, "response", Side.RESPONSE).add(Rule.RESPONSE_STATUS_ADDED, status, "");
    }
    for (String status : responses.getMissing().keySet()) {
      scope(ref, "response", Side.RESPONSE).add(Rule.RESPONSE_STATUS_REMOVED, status, "");
    }
    responses
        .getChanged()
        .forEach(
            (status, changed) ->
                content(scope(ref, "response " + status, Side.RESPONSE), changed.getContent()));
  }

  private void content(Scope scope, ChangedContent content) {
    if (content == null) {
      return;
    }
    boolean request = scope.side() == Side.REQUEST;
    for (String mediaType : content.getIncreased().keySet()) {
      scope.add(
          request ? Rule.REQUEST_MEDIA_TYPE_ADDED : Rule.RESPONSE_MEDIA_TYPE_ADDED, mediaType, "");
    }
    for (String mediaType : content.getMissing().keySet()) {
      scope.add(
          request ? Rule.REQUEST_MEDIA_TYPE_REMOVED : Rule.RESPONSE_MEDIA_TYPE_REMOVED,
          mediaType,
          "");
    }
    content.getChanged().values().forEach(media -> schema(scope, "", media.getSchema()));
  }

  /** Properties, required and enum changes; recurses where openapi-diff recursed. */
  private void schema(Scope scope, String prefix, ChangedSchema changed) {
    if (changed == null) {
      return;
    }
    Schema<?> now = changed.getNewSchema();
    List<String> nowRequired =
        now == null || now.getRequired() == null ? List.of() : now.getRequired();
    Map<String, Schema<?>> added = changed.getIncreasedProperties();
    Map<String, Schema<?>> missing = changed.getMissingProperties();
    added
        .keySet()
        .forEach(name -> scope.fieldAdded(Scope.join(prefix, name), nowRequired.contains(name)));
    missing.keySet().forEach(name -> scope.fieldRemoved(Scope.join(prefix, name)));
    if (changed.getRequired() != null) {
      changed.getRequired().getIncreased().stream()
          .filter(name -> !added.containsKey(name))
          .forEach(name -> scope.madeRequired(Scope.join(prefix, name), ""));
      changed.getRequired().getMissing().stream()
          .filter(name -> !missing.containsKey(name))
          .forEach(name -> scope.madeOptional(Scope.join(prefix, name), ""));
    }
    String field = prefix.isEmpty() ? "body" : prefix;
    if (changed.getEnumeration() != null) {
      scope.enumChanged(
          field,
          "",
          changed.getEnumeration().getOldValue() == null
              ? List.of()
              : changed.getEnumeration().getOldValue(),
          now == null || now.getEnum() == null ? List.of() : now.getEnum());
    }
    if (changed.isChangeDeprecated() && now != null && Boolean.TRUE.equals(now.getDeprecated())) {
      scope.deprecated(field);
    }
    if (changed.isChangedType()
        && changed.getOldSchema() != null
        && now != null
        && !Objects.equals(changed.getOldSchema().getFormat(), now.getFormat())) {
      scope.add(
          Rule.TYPE_CHANGED,
          field,
          "format " + changed.getOldSchema().getFormat() + " -> " + now.getFormat());
    }
    changed
        .getChangedProperties()
        .forEach((name, property) -> schema(scope, Scope.join(prefix, name), property));
    schema(scope, Scope.join(prefix, "*"), changed.getAddProp());
  }

  private Scope scope(OperationRef ref, String where, Side side) {
    return Scope.of(changes, ref, where, side, ApiChange.LIBRARY);
  }

  private static OperationRef ref(Operation operation, String method, String path) {
    return OperationRef.of(operation == null ? null : operation.getOperationId(), method, path);
  }
}
