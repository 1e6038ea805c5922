package dev.oauthkit.hubspot.spec.changes;

import dev.oauthkit.hubspot.spec.changes.Rule.Side;
import dev.oauthkit.hubspot.spec.changes.Scope.OperationRef;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The own OpenAPI 3.1 check: what openapi-diff 2.1.2 does not see in swagger-parser's 3.1 model. It
 * compares, in every schema of every operation both documents share, the JSON Schema {@code type}
 * (single or array) and {@code const}; and, below {@code items}, {@code allOf}/{@code anyOf}/{@code
 * oneOf} and {@code if}/{@code then}/{@code else} (where openapi-diff does not go), also
 * properties, required lists, enums, formats and deprecation.
 */
final class SchemaGaps {

  private final OpenAPI before;
  private final OpenAPI after;
  private final List<ApiChange> changes = new ArrayList<>();
  private final SchemaComparison schemas;

  private SchemaGaps(OpenAPI before, OpenAPI after) {
    this.before = before;
    this.after = after;
    this.schemas = new SchemaComparison(before, after);
  }

  /** The changes in two parsed documents that openapi-diff misses. */
  static List<ApiChange> between(OpenAPI before, OpenAPI after) {
    SchemaGaps gaps = new SchemaGaps(before, after);
    Map<String, PathItem> newPaths = after.getPaths() == null ? Map.of() : after.getPaths();
    if (before.getPaths() != null) {
      before.getPaths().forEach((path, item) -> gaps.path(path, item, newPaths.get(path)));
    }
    return gaps.changes;
  }

  private void path(String path, PathItem oldItem, PathItem newItem) {
    if (newItem == null) {
      return;
    }
    oldItem
        .readOperationsMap()
        .forEach(
            (method, oldOperation) -> {
              Operation newOperation = newItem.readOperationsMap().get(method);
              if (newOperation != null) {
                operation(
                    OperationRef.of(newOperation.getOperationId(), method.name(), path),
                    oldOperation,
                    newOperation);
              }
            });
  }

  private void operation(OperationRef ref, Operation oldOperation, Operation newOperation) {
    for (Parameter oldParameter : SchemaComparison.list(oldOperation.getParameters())) {
      Parameter oldOne = parameter(before, oldParameter);
      for (Parameter newParameter : SchemaComparison.list(newOperation.getParameters())) {
        Parameter newOne = parameter(after, newParameter);
        if (oldOne.getName().equals(newOne.getName()) && oldOne.getIn().equals(newOne.getIn())) {
          Scope scope = scope(ref, oldOne.getIn() + " parameter", Side.REQUEST);
          schemas.compare(
              scope, oldOne.getSchema(), newOne.getSchema(), oldOne.getName(), "", true);
        }
      }
    }
    RequestBody oldBody = requestBody(before, oldOperation.getRequestBody());
    RequestBody newBody = requestBody(after, newOperation.getRequestBody());
    if (oldBody != null && newBody != null) {
      content(scope(ref, "request", Side.REQUEST), oldBody.getContent(), newBody.getContent());
    }
    if (oldOperation.getResponses() != null && newOperation.getResponses() != null) {
      oldOperation
          .getResponses()
          .forEach(
              (status, oldResponse) -> {
                ApiResponse newResponse = newOperation.getResponses().get(status);
                if (newResponse != null) {
                  content(
                      scope(ref, "response " + status, Side.RESPONSE),
                      response(before, oldResponse).getContent(),
                      response(after, newResponse).getContent());
                }
              });
    }
  }

  private void content(Scope scope, Content oldContent, Content newContent) {
    if (oldContent == null || newContent == null) {
      return;
    }
    oldContent.forEach(
        (mediaType, oldMedia) -> {
          var newMedia = newContent.get(mediaType);
          if (newMedia != null) {
            schemas.compare(scope, oldMedia.getSchema(), newMedia.getSchema(), "", "", true);
          }
        });
  }

  private Scope scope(OperationRef ref, String where, Side side) {
    return Scope.of(changes, ref, where, side, ApiChange.OWN);
  }

  private static Parameter parameter(OpenAPI api, Parameter parameter) {
    return SchemaComparison.follow(
        parameter, Parameter::get$ref, name -> api.getComponents().getParameters().get(name));
  }

  private static RequestBody requestBody(OpenAPI api, RequestBody body) {
    return SchemaComparison.follow(
        body, RequestBody::get$ref, name -> api.getComponents().getRequestBodies().get(name));
  }

  private static ApiResponse response(OpenAPI api, ApiResponse response) {
    return SchemaComparison.follow(
        response, ApiResponse::get$ref, name -> api.getComponents().getResponses().get(name));
  }
}
