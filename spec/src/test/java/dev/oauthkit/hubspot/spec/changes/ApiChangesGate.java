package dev.oauthkit.hubspot.spec.changes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The breaking-change gate: compares every spec document with its baseline, and fails on each
 * client-breaking change that {@code CHANGES.md} does not acknowledge under the document's new
 * {@code info.version}.
 */
final class ApiChangesGate {

  /** Where the documents, baselines and acknowledgements live, relative to the spec module. */
  static final Path DOCUMENTS = Path.of("src/main/resources");

  static final Path BASELINES = Path.of("baselines");
  static final Path CHANGES = Path.of("CHANGES.md");
  static final Path REPORT = Path.of("target/api-changes.md");

  private ApiChangesGate() {}

  /** Checks documents that have already been compared. */
  static Outcome check(List<DocumentChanges> documents, Acknowledgements acknowledgements) {
    Objects.requireNonNull(acknowledgements, "acknowledgements");
    List<ApiChange> acknowledged = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    StringBuilder suggestions = new StringBuilder();
    for (DocumentChanges document : documents) {
      List<ApiChange> open = new ArrayList<>();
      for (ApiChange change : document.breakingClients()) {
        if (document.versionBumped()
            && acknowledgements.covers(document.name(), document.newVersion(), change)) {
          acknowledged.add(change);
        } else {
          open.add(change);
          failures.add(document.name() + ": " + change.describe());
        }
      }
      if (!open.isEmpty()) {
        suggestions.append(suggestion(document, open));
      }
    }
    String message =
        failures.isEmpty()
            ? ""
            : failures.size()
                + " change(s) break clients and are not acknowledged:\n  "
                + String.join("\n  ", failures)
                + "\nFix the spec, or acknowledge them in spec/CHANGES.md (see spec/README.md):\n"
                + suggestions;
    return new Outcome(
        List.copyOf(documents), List.copyOf(acknowledged), List.copyOf(failures), message);
  }

  /**
   * Runs the gate in a spec module directory: every {@code *.yaml} under {@link #DOCUMENTS} and
   * {@link #BASELINES}, the acknowledgements in {@link #CHANGES}; writes {@link #REPORT}.
   */
  static Outcome run(Path module) {
    TreeSet<String> names = new TreeSet<>();
    names.addAll(yamlFiles(module.resolve(DOCUMENTS)));
    names.addAll(yamlFiles(module.resolve(BASELINES)));
    List<DocumentChanges> documents = new ArrayList<>();
    for (String name : names) {
      documents.add(
          DocumentChanges.compare(
              name,
              read(module.resolve(BASELINES).resolve(name)),
              read(module.resolve(DOCUMENTS).resolve(name))));
    }
    String changes = read(module.resolve(CHANGES));
    Outcome outcome =
        check(
            documents, changes == null ? Acknowledgements.none() : Acknowledgements.parse(changes));
    try {
      Path report = module.resolve(REPORT);
      Files.createDirectories(report.getParent());
      Files.writeString(report, ApiChangesReport.markdown(outcome), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return outcome;
  }

  private static String suggestion(DocumentChanges document, List<ApiChange> open) {
    String version = document.versionBumped() ? document.newVersion() : "<new info.version>";
    StringBuilder text = new StringBuilder();
    if (!document.versionBumped() && document.status() == DocumentChanges.Status.COMPARED) {
      text.append("(")
          .append(document.name())
          .append(" still has info.version ")
          .append(document.oldVersion())
          .append(", as in its baseline: raise it first)\n");
    }
    text.append("## ").append(document.name()).append(' ').append(version).append('\n');
    open.forEach(change -> text.append(change.acknowledgement()).append('\n'));
    return text.toString();
  }

  private static List<String> yamlFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What the gate found.
   *
   * @param documents every document's changes
   * @param acknowledged the client-breaking changes CHANGES.md accepts
   * @param failures one line per client-breaking change that is not acknowledged
   * @param message the failure message, naming each operation and field; empty if none
   */
  record Outcome(
      List<DocumentChanges> documents,
      List<ApiChange> acknowledged,
      List<String> failures,
      String message) {

    boolean passed() {
      return failures.isEmpty();
    }

    /** The document's changes by name. */
    DocumentChanges document(String name) {
      return documents.stream()
          .filter(document -> document.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("name " + name + ": no such document"));
    }
  }
}
