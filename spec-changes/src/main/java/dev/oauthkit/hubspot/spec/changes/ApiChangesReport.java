package dev.oauthkit.hubspot.spec.changes;

import dev.oauthkit.hubspot.spec.changes.ApiChangesGate.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Renders the gate's outcome as {@code target/api-changes.md}. */
final class ApiChangesReport {

  private ApiChangesReport() {}

  static String markdown(Outcome outcome) {
    StringBuilder out = new StringBuilder("# API changes since the baselines\n\n");
    out.append(
        "Each spec document compared with its baseline (`spec/baselines/`), then each HubSpot date"
            + " version with the one before it; the rules are in spec-changes/README.md.\n\n");
    out.append(
        outcome.passed()
            ? "Gate: passed.\n"
            : "Gate: FAILED.\n\n```\n" + outcome.message() + "```\n");
    for (DocumentChanges document : outcome.documents()) {
      out.append("\n## ").append(document.name()).append("\n\n");
      switch (document.status()) {
        case NEW ->
            out.append("New document (no baseline yet), all ")
                .append(document.changes().size())
                .append(" operations added; version ")
                .append(document.newVersion())
                .append(".\n");
        case REMOVED ->
            out.append("Document removed (only its baseline is left), all operations removed.\n");
        case COMPARED ->
            out.append("Version ")
                .append(document.oldVersion())
                .append(document.versionBumped() ? " -> " + document.newVersion() : " (unchanged)")
                .append(": ")
                .append(
                    document.changes().isEmpty()
                        ? "no changes"
                        : document.changes().size() + " change(s)")
                .append(", ")
                .append(document.breakingClients().size())
                .append(" breaking clients.\n");
      }
      table(out, document.changes(), change -> clients(outcome, change));
    }
    versions(out, outcome.versions());
    return out.toString();
  }

  private static void versions(StringBuilder out, List<VersionChanges> versions) {
    out.append("\n# Moving from one HubSpot version to the next\n\n")
        .append(
            "Each date version compared with the one before it, operations matched by method and"
                + " path under each version's server URL. v1 is not compared with the first date"
                + " version: its operations have other paths and shapes (see the migration table"
                + " in the root README).\n");
    if (versions.isEmpty()) {
      out.append("\nFewer than two date versions: nothing to compare yet.\n");
    }
    for (VersionChanges step : versions) {
      out.append("\n## ").append(step.title()).append("\n\n");
      out.append("What changes for a client that moves from ")
          .append(step.previous())
          .append(" to ")
          .append(step.version())
          .append(": the server URL, `")
          .append(step.previousServer())
          .append("` -> `")
          .append(step.server())
          .append("`, and ");
      if (step.changes().isEmpty()) {
        out.append("no change in shapes.\n");
      } else {
        out.append(step.changes().size())
            .append(" change(s) in shapes, ")
            .append(step.breakingClients().size())
            .append(" breaking clients built on ")
            .append(step.previous())
            .append(".\n");
      }
      table(out, step.changes(), change -> change.rule().breaksClients() ? "yes" : "no");
    }
  }

  /** One table per kind of change (removed, changed, deprecated, added); none if no changes. */
  private static void table(
      StringBuilder out, List<ApiChange> changes, Function<ApiChange, String> clients) {
    for (Rule.Kind kind : Rule.Kind.values()) {
      List<ApiChange> ofKind =
          changes.stream().filter(change -> change.rule().kind() == kind).toList();
      if (ofKind.isEmpty()) {
        continue;
      }
      out.append("\n### ")
          .append(kind.name().charAt(0))
          .append(kind.name().substring(1).toLowerCase(Locale.ROOT))
          .append("\n\n");
      out.append(
          "| Operation | Where | What | Change | Breaks clients | Breaks servers | Found by |\n");
      out.append("|---|---|---|---|---|---|---|\n");
      for (ApiChange change : ofKind) {
        out.append("| ")
            .append(change.operationLabel())
            .append(" | ")
            .append(change.where())
            .append(" | `")
            .append(change.subject())
            .append("` | ")
            .append(change.rule().text())
            .append(change.detail().isEmpty() ? "" : " (" + change.detail() + ")")
            .append(" | ")
            .append(clients.apply(change))
            .append(" | ")
            .append(change.rule().breaksServers() ? "yes" : "no")
            .append(" | ")
            .append(change.source())
            .append(" |\n");
      }
    }
  }

  private static String clients(Outcome outcome, ApiChange change) {
    if (!change.rule().breaksClients()) {
      return "no";
    }
    return outcome.acknowledged().contains(change)
        ? "yes (acknowledged)"
        : "**yes, not acknowledged**";
  }
}
