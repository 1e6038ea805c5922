package dev.oauthkit.hubspot.spec.changes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client-breaking changes a maintainer accepted, read from {@code spec/CHANGES.md}: under a
 * heading {@code ## <document> <info.version>}, one list item per change naming the operation and
 * the field (or parameter, status, media type), e.g. {@code - getAccessTokenMetadata response 200
 * `hub_domain`: response field removed}.
 */
final class Acknowledgements {

  private static final Pattern HEADING = Pattern.compile("^##\\s+(\\S+)\\s+(\\S+)\\s*$");
  private static final Pattern ITEM = Pattern.compile("^\\s*[-*]\\s+(.+)$");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s`'\",:;()]+");

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
    for (String line : markdown.split("\\R")) {
      Matcher heading = HEADING.matcher(line);
      Matcher item = ITEM.matcher(line);
      if (heading.matches()) {
        document = heading.group(1);
        version = heading.group(2);
      } else if (line.startsWith("#")) {
        document = null;
      } else if (document != null && item.matches()) {
        String text = item.group(1);
        entries.add(
            new Entry(document, version, text, Set.copyOf(Arrays.asList(SEPARATORS.split(text)))));
      }
    }
    return new Acknowledgements(entries);
  }

  /**
   * Whether a line under {@code ## <document> <version>} names the change's operation and subject.
   */
  boolean covers(String document, String version, ApiChange change) {
    return entries.stream()
        .anyMatch(
            entry ->
                entry.document().equals(document)
                    && entry.version().equals(version)
                    && (entry.words().contains(change.operation())
                        || entry.text().contains(change.operation()))
                    && entry.words().contains(change.subject()));
  }

  private record Entry(String document, String version, String text, Set<String> words) {}
}
