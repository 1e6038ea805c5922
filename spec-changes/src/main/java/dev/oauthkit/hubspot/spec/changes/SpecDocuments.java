package dev.oauthkit.hubspot.spec.changes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the gate reads, by file name: the spec documents ({@code *.yaml}), their baselines and the
 * acknowledged changes. {@link #packaged()} reads them from the spec jar on the class path: the
 * documents at its root, the baselines under {@code baselines/}, the acknowledgements in {@code
 * changes/CHANGES.md}. Nothing names a version: the HubSpot versions are the documents {@code
 * hubspot-oauth-<version>.yaml} found there.
 */
public final class SpecDocuments {

  static final String BASELINES = "baselines/";
  static final String CHANGES = "changes/CHANGES.md";

  /** A document found next to every other one, so the jar (or folder) can be located. */
  private static final String ANCHOR = "hubspot-oauth-v1.yaml";

  private static final Pattern HUBSPOT = Pattern.compile("hubspot-oauth-(.+)\\.yaml");
  private static final Pattern DATE_VERSION = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  private final Map<String, String> documents;
  private final Map<String, String> baselines;
  private final String changes;

  private SpecDocuments(Map<String, String> documents, Map<String, String> baselines, String ack) {
    this.documents = new TreeMap<>(Objects.requireNonNull(documents, "documents"));
    this.baselines = new TreeMap<>(Objects.requireNonNull(baselines, "baselines"));
    this.changes = Objects.requireNonNull(ack, "changes");
  }

  /** The documents, baselines and acknowledgements in the spec jar on the class path. */
  public static SpecDocuments packaged() {
    Map<String, String> documents = new TreeMap<>();
    Map<String, String> baselines = new TreeMap<>();
    for (String entry : entries()) {
      if (entry.endsWith(".yaml") && entry.indexOf('/') < 0) {
        documents.put(entry, resource(entry));
      } else if (entry.endsWith(".yaml")
          && entry.startsWith(BASELINES)
          && entry.lastIndexOf('/') == BASELINES.length() - 1) {
        baselines.put(entry.substring(BASELINES.length()), resource(entry));
      }
    }
    String changes = resource(CHANGES);
    return new SpecDocuments(documents, baselines, changes == null ? "" : changes);
  }

  /** Given texts by file name, for tests; {@code changes} is the CHANGES.md text (may be empty). */
  static SpecDocuments of(
      Map<String, String> documents, Map<String, String> baselines, String changes) {
    return new SpecDocuments(documents, baselines, changes);
  }

  /** Every file name that has a document, a baseline or both, sorted. */
  List<String> names() {
    TreeSet<String> names = new TreeSet<>(documents.keySet());
    names.addAll(baselines.keySet());
    return List.copyOf(names);
  }

  /** The document, self-contained ({@link Bundler}), or null if there is none. */
  String document(String name) {
    return Bundler.bundled(name, documents::get);
  }

  /** The baseline, self-contained among the baselines, or null if there is none. */
  String baseline(String name) {
    return Bundler.bundled(name, baselines::get);
  }

  /** The text of CHANGES.md; empty if there is none. */
  String changes() {
    return changes;
  }

  /** The date versions ({@code YYYY-MM}) that have a document, oldest first; v1 is not one. */
  List<String> dateVersions() {
    List<String> versions = new ArrayList<>();
    for (String name : documents.keySet()) {
      Matcher matcher = HUBSPOT.matcher(name);
      if (matcher.matches() && DATE_VERSION.matcher(matcher.group(1)).matches()) {
        versions.add(matcher.group(1));
      }
    }
    return List.copyOf(versions);
  }

  /** The file name of a HubSpot version's document. */
  static String documentName(String version) {
    return "hubspot-oauth-" + version + ".yaml";
  }

  /** The names of the entries of the spec jar (or of the folder holding the anchor document). */
  private static List<String> entries() {
    URL anchor = SpecDocuments.class.getClassLoader().getResource(ANCHOR);
    if (anchor == null) {
      throw new IllegalStateException(ANCHOR + " is not on the class path: add the spec jar");
    }
    try {
      if (anchor.getProtocol().equals("jar")) {
        JarURLConnection connection = (JarURLConnection) anchor.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          return jar.stream().map(JarEntry::getName).toList();
        }
      }
      Path root = Path.of(anchor.toURI()).getParent();
      try (Stream<Path> files = Files.walk(root, 2)) {
        return files
            .filter(Files::isRegularFile)
            .map(file -> root.relativize(file).toString().replace('\\', '/'))
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("anchor " + anchor + ": not a file URL", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = SpecDocuments.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
