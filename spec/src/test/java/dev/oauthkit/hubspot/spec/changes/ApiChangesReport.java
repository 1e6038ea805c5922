package dev.oauthkit.hubspot.spec.changes;

import dev.oauthkit.hubspot.spec.changes.ApiChangesGate.Outcome;
import java.util.List;

/** Renders the gate's outcome as {@code target/api-changes.md}. */
final class ApiChangesReport {

  private ApiChangesReport() {}

  static String markdown(Outcome outcome) {
    StringBuilder out = new StringBuilder("# API changes since the baselines\n\n");
    out.append(
        "Each spec document compared with `spec/baselines/`; the rules are in spec/README.md.\n");
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
      if (document.changes().isEmpty()) {
        continue;
      }
      for (Rule.Kind kind : Rule.Kind.values()) {
        List<ApiChange> ofKind =
            document.changes().stream().filter(change -> change.rule().kind() == kind).toList();
        if (ofKind.isEmpty()) {
          continue;
        }
        out.append("\n### ")
            .append(kind.name().charAt(0))
            .append(kind.name().substring(1).toLowerCase(java.util.Locale.ROOT))
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
              .append(clients(outcome, change))
              .append(" | ")
              .append(change.rule().breaksServers() ? "yes" : "no")
              .append(" | ")
              .append(change.source())
              .append(" |\n");
        }
      }
    }
    return out.toString();
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
