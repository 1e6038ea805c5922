package dev.oauthkit.hubspot.sandbox.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versions of HubSpot's OAuth API the sandbox knows: one per spec document in the spec jar
 * ({@code hubspot-oauth-<version>.yaml}), {@code v1} first, then the date versions oldest first. A
 * new HubSpot version is served as soon as its document is in the spec jar; every date version has
 * the {@link HubSpotOperation.Family#DATED} operations under {@code /oauth/<version>/}.
 */
public final class ApiVersions {

  /** The version of the v1 operations. */
  public static final String V1 = "v1";

  /** How a date version is spelled: {@code YYYY-MM}, a real month. */
  public static final String DATE_VERSION = "\\d{4}-(0[1-9]|1[0-2])";

  private static final String PREFIX = "hubspot-oauth-";
  private static final String SUFFIX = ".yaml";

  private final List<String> names;

  private ApiVersions(List<String> names) {
    this.names = List.copyOf(names);
  }

  /** The versions whose documents are in the spec jar on the class path. */
  public static ApiVersions packaged() {
    return of(
        documentNames().stream().map(ApiVersions::versionOf).flatMap(Stream::ofNullable).toList());
  }

  /** The versions named, ordered (v1 first, date versions oldest first), for tests. */
  public static ApiVersions of(Collection<String> versions) {
    Objects.requireNonNull(versions, "versions");
    List<String> sorted = new ArrayList<>(versions);
    sorted.sort((a, b) -> a.equals(V1) ? -1 : b.equals(V1) ? 1 : a.compareTo(b));
    if (sorted.stream().distinct().count() != sorted.size()) {
      throw new IllegalArgumentException("versions must not repeat a version: " + versions);
    }
    return new ApiVersions(sorted);
  }

  /** Every version, v1 first, then the date versions oldest first. */
  public List<String> names() {
    return names;
  }

  /** The date versions, oldest first. */
  public List<String> dated() {
    return names.stream().filter(ApiVersions::isDated).toList();
  }

  /** The newest date version. */
  public String newest() {
    List<String> dated = dated();
    if (dated.isEmpty()) {
      throw new IllegalStateException("the spec jar holds no date version");
    }
    return dated.get(dated.size() - 1);
  }

  /** Whether {@code version} is one of these. */
  public boolean contains(String version) {
    return names.contains(version);
  }

  /**
   * The day HubSpot switches v1 off, as the v1 document states it ({@code info.x-hubspot-sunset}):
   * the start-up report, the index page and the answer of a v1 call under {@code --disable-v1} name
   * it.
   */
  public static LocalDate v1Sunset() {
    return Sunset.V1;
  }

  /** Whether {@code version} is a date version ({@code YYYY-MM}) rather than v1. */
  public static boolean isDated(String version) {
    return !V1.equals(version);
  }

  @Override
  public String toString() {
    return String.join(", ", names);
  }

  /**
   * The version a document of the jar describes: {@code hubspot-oauth-v1.yaml} or {@code
   * hubspot-oauth-YYYY-MM.yaml}, as the breaking-change gate and the contract tests read them;
   * {@code null} for any other name (a {@code hubspot-oauth-2027-03-draft.yaml} is no version).
   */
  static String versionOf(String documentName) {
    if (!documentName.startsWith(PREFIX) || !documentName.endsWith(SUFFIX)) {
      return null;
    }
    String version =
        documentName.substring(PREFIX.length(), documentName.length() - SUFFIX.length());
    return version.equals(V1) || version.matches(DATE_VERSION) ? version : null;
  }

  /** The names at the root of the spec jar (or folder), found next to the v1 document. */
  private static List<String> documentNames() {
    URL v1 = ApiVersions.class.getClassLoader().getResource(PREFIX + V1 + SUFFIX);
    if (v1 == null) {
      throw new IllegalStateException(PREFIX + V1 + SUFFIX + " is not on the class path");
    }
    try {
      if (v1.getProtocol().equals("jar")) {
        JarURLConnection connection = (JarURLConnection) v1.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          return jar.stream().map(JarEntry::getName).filter(n -> n.indexOf('/') < 0).toList();
        }
      }
      try (Stream<Path> files = Files.list(Path.of(v1.toURI()).getParent())) {
        return files.map(f -> f.getFileName().toString()).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the spec documents next to " + v1, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot list the spec documents next to " + v1, e);
    }
  }

  /** Read once, when first needed. */
  private static final class Sunset {
    static final LocalDate V1 = read();

    private static LocalDate read() {
      String name = PREFIX + ApiVersions.V1 + SUFFIX;
      try (InputStream in = ApiVersions.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException(name + " is not on the class path");
        }
        Matcher sunset =
            Pattern.compile("(?m)^  x-hubspot-sunset: '(\\d{4}-\\d{2}-\\d{2})'$")
                .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        if (!sunset.find()) {
          throw new IllegalStateException(name + " states no info.x-hubspot-sunset");
        }
        return LocalDate.parse(sunset.group(1));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name, e);
      }
    }
  }
}
