package dev.oauthkit.hubspot.spec.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client-breaking changes a maintainer accepted, read from {@code spec/CHANGES.md}: under a
 * heading {@code ## <document> <info.version>}, one list item per change: the line the gate prints
 * for it, e.g. {@code - getAccessTokenMetadata response 200 `hub_domain`: response field removed},
 * and after it, if wanted, the reason.
 */
final class Acknowledgements {

  private static final Pattern HEADING = Pattern.compile("^##\\s+(\\S+)\\s+(\\S+)\\s*$");
  private static final Pattern ITEM = Pattern.compile("^\\s*[-*]\\s+(.+)$");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final List<Entry> entries;

  private Acknowledgements(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** No acknowledgements. */
  static Acknowledgements none() {
    return new Acknowledgements(List.of());
  }

  /** Reads the markdown of a CHANGES.md file. */
  static Acknowledgements parse(String markdown) {
    List<Entry> entries = new ArrayList<>();
    String document = null;
    String version = null;
    boolean inItem = false;
    for (String line : markdown.split("\\R")) {
      Matcher heading = HEADING.matcher(line);
      Matcher item = ITEM.matcher(line);
      if (heading.matches()) {
        document = heading.group(1);
        version = heading.group(2);
        inItem = false;
      } else if (line.startsWith("#")) {
        document = null;
        inItem = false;
      } else if (document != null && item.matches()) {
        entries.add(new Entry(document, version, item.group(1)));
        inItem = true;
      } else if (inItem && !line.isBlank() && Character.isWhitespace(line.charAt(0))) {
        // An indented line right below an item continues it (a long line wrapped to the width).
        Entry last = entries.remove(entries.size() - 1);
        entries.add(new Entry(last.document(), last.version(), last.text() + " " + line.strip()));
      } else {
        inItem = false;
      }
    }
    return new Acknowledgements(entries);
  }

  /**
   * Whether a line under {@code ## <document> <version>} is the change's own line as the gate
   * prints it ({@link ApiChange#acknowledgement()}: operation, where, subject and rule; spacing
   * aside), followed by anything, such as the reason. A line that only names the operation and the
   * field covers no other rule, side or status of them.
   */
  boolean covers(String document, String version, ApiChange change) {
    String line = normalized(change.acknowledgement().substring(2));
    return entries.stream()
        .anyMatch(
            entry ->
                entry.document().equals(document)
                    && entry.version().equals(version)
                    && normalized(entry.text()).startsWith(line));
  }

  private static String normalized(String text) {
    return SPACES.matcher(text.strip()).replaceAll(" ");
  }

  private record Entry(String document, String version, String text) {}
}
