package dev.oauthkit.hubspot.spec.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changes for a client that moves from one HubSpot date version to the next: the two documents
 * compared with the same rules as a document and its baseline, operations matched by method and
 * path relative to each version's server URL ({@code https://api.hubapi.com/oauth/<version>}). v1
 * is not compared with the first date version: its operations have other paths and shapes (the
 * migration is described in the root README).
 *
 * @param previous the version moved from, a date version
 * @param version the version moved to, the next date version
 * @param previousServer the previous document's first server URL, or empty
 * @param server this document's first server URL, or empty
 * @param changes every change in shapes, sorted as in {@link DocumentChanges}
 */
public record VersionChanges(
    String previous,
    String version,
    String previousServer,
    String server,
    List<ApiChange> changes) {

  /** Validates and copies the components. */
  public VersionChanges {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(previousServer, "previousServer");
    Objects.requireNonNull(server, "server");
    changes = List.copyOf(changes);
  }

  /** Each date version of {@code specs} compared with the one before it, oldest first. */
  static List<VersionChanges> between(SpecDocuments specs) {
    List<String> versions = specs.dateVersions();
    List<VersionChanges> steps = new ArrayList<>();
    for (int i = 1; i < versions.size(); i++) {
      steps.add(compare(specs, versions.get(i - 1), versions.get(i)));
    }
    return steps;
  }

  /** The move from {@code previous} to {@code version}, both documents in {@code specs}. */
  static VersionChanges compare(SpecDocuments specs, String previous, String version) {
    String before = specs.document(SpecDocuments.documentName(previous));
    String after = specs.document(SpecDocuments.documentName(version));
    if (before == null || after == null) {
      throw new IllegalArgumentException(
          "previous " + previous + ", version " + version + ": both need a document");
    }
    DocumentChanges compared =
        DocumentChanges.compare(SpecDocuments.documentName(version), before, after);
    return new VersionChanges(previous, version, server(before), server(after), compared.changes());
  }

  /** The section heading: {@code <previous> -> <version>}. */
  public String title() {
    return previous + " -> " + version;
  }

  /** The changes that break a client built on the previous version. */
  public List<ApiChange> breakingClients() {
    return changes.stream().filter(change -> change.rule().breaksClients()).toList();
  }

  private static String server(String text) {
    return Bundler.read(text).path("servers").path(0).path("url").asText("");
  }
}
