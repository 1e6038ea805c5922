package dev.oauthkit.hubspot.spec.changes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The breaking-change gate: compares every spec document with its baseline, and fails on each
 * client-breaking change that {@code CHANGES.md} does not acknowledge under the document's new
 * {@code info.version}; and compares each HubSpot date version with the one before it, which only
 * informs (a new HubSpot version is a fact, not a choice).
 */
public final class ApiChangesGate {

  private ApiChangesGate() {}

  /**
   * Runs the gate on {@code specs} and writes its report, as markdown, to {@code report}.
   *
   * @return what it found; {@link Outcome#passed()} is false on an unacknowledged breaking change
   */
  public static Outcome run(SpecDocuments specs, Path report) {
    Objects.requireNonNull(specs, "specs");
    Objects.requireNonNull(report, "report");
    List<DocumentChanges> documents = new ArrayList<>();
    for (String name : specs.names()) {
      documents.add(DocumentChanges.compare(name, specs.baseline(name), specs.document(name)));
    }
    Outcome outcome =
        check(documents, VersionChanges.between(specs), Acknowledgements.parse(specs.changes()));
    try {
      Path parent = report.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(report, ApiChangesReport.markdown(outcome), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return outcome;
  }

  /** Checks documents that have already been compared; the version steps are only carried. */
  static Outcome check(
      List<DocumentChanges> documents,
      List<VersionChanges> versions,
      Acknowledgements acknowledgements) {
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
        List.copyOf(documents),
        List.copyOf(versions),
        List.copyOf(acknowledged),
        List.copyOf(failures),
        message);
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

  /**
   * What the gate found.
   *
   * @param documents every document's changes since its baseline
   * @param versions each date version compared with the one before it, oldest first
   * @param acknowledged the client-breaking changes CHANGES.md accepts
   * @param failures one line per client-breaking change that is not acknowledged
   * @param message the failure message, naming each operation and field; empty if none
   */
  public record Outcome(
      List<DocumentChanges> documents,
      List<VersionChanges> versions,
      List<ApiChange> acknowledged,
      List<String> failures,
      String message) {

    /** Whether every client-breaking change since the baselines is acknowledged. */
    public boolean passed() {
      return failures.isEmpty();
    }

    /** The document's changes by name. */
    public DocumentChanges document(String name) {
      return documents.stream()
          .filter(document -> document.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("name " + name + ": no such document"));
    }
  }
}
