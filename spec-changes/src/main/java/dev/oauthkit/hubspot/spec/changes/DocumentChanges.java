package dev.oauthkit.hubspot.spec.changes;

import dev.oauthkit.hubspot.spec.changes.Rule.Side;
import dev.oauthkit.hubspot.spec.changes.Scope.OperationRef;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The changes of one spec document since its baseline.
 *
 * @param name the file name, e.g. {@code hubspot-oauth-v1.yaml}
 * @param status compared with a baseline, new (no baseline yet) or removed (only a baseline)
 * @param oldVersion the baseline's {@code info.version}, or empty
 * @param newVersion the current {@code info.version}, or empty
 * @param changes every change, sorted by operation, place and field
 */
public record DocumentChanges(
    String name, Status status, String oldVersion, String newVersion, List<ApiChange> changes) {

  /** How the document relates to its baseline. */
  public enum Status {
    COMPARED,
    NEW,
    REMOVED
  }

  private static final Comparator<ApiChange> ORDER =
      Comparator.comparing(ApiChange::path)
          .thenComparing(ApiChange::method)
          .thenComparing(ApiChange::where)
          .thenComparing(ApiChange::subject)
          .thenComparing(ApiChange::rule)
          .thenComparing(ApiChange::detail);

  /** Validates and copies the components. */
  public DocumentChanges {
    Objects.requireNonNull(name, "name");
    changes = List.copyOf(changes);
  }

  /**
   * Compares a document with its baseline; either text may be null (a new or a removed document),
   * not both.
   */
  static DocumentChanges compare(String name, String baseline, String current) {
    if (baseline == null && current == null) {
      throw new IllegalArgumentException("name " + name + ": neither a baseline nor a document");
    }
    if (baseline == null) {
      OpenAPI api = parse(name, current);
      return new DocumentChanges(
          name, Status.NEW, "", version(api), every(api, Rule.OPERATION_ADDED, "new document"));
    }
    if (current == null) {
      OpenAPI api = parse(name, baseline);
      return new DocumentChanges(
          name,
          Status.REMOVED,
          version(api),
          "",
          every(api, Rule.OPERATION_REMOVED, "document removed"));
    }
    OpenAPI before = parse(name + " (baseline)", baseline);
    OpenAPI after = parse(name, current);
    List<ApiChange> changes =
        Stream.concat(
                LibraryChanges.between(baseline, current).stream(),
                SchemaGaps.between(before, after).stream())
            .distinct()
            .sorted(ORDER)
            .toList();
    return new DocumentChanges(name, Status.COMPARED, version(before), version(after), changes);
  }

  /** The changes that break clients. */
  public List<ApiChange> breakingClients() {
    return changes.stream().filter(change -> change.rule().breaksClients()).toList();
  }

  /** Whether {@code info.version} differs from the baseline's. */
  public boolean versionBumped() {
    return !oldVersion.equals(newVersion);
  }

  private static List<ApiChange> every(OpenAPI api, Rule rule, String source) {
    List<ApiChange> changes = new ArrayList<>();
    if (api.getPaths() != null) {
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach(
                          (method, operation) -> {
                            OperationRef ref =
                                OperationRef.of(operation.getOperationId(), method.name(), path);
                            Scope.of(changes, ref, "operation", Side.REQUEST, source)
                                .add(rule, ref.id(), "");
                          }));
    }
    changes.sort(ORDER);
    return changes;
  }

  private static OpenAPI parse(String name, String text) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    if (result.getOpenAPI() == null) {
      throw new IllegalArgumentException(name + " does not parse: " + result.getMessages());
    }
    return result.getOpenAPI();
  }

  private static String version(OpenAPI api) {
    return api.getInfo() == null || api.getInfo().getVersion() == null
        ? ""
        : api.getInfo().getVersion();
  }
}
