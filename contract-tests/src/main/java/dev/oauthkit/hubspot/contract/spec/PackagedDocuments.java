package dev.oauthkit.hubspot.contract.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * The names of the HubSpot documents at the root of the spec jar (or of its classes directory in a
 * reactor build), found beside {@link ContractSpec#PACKAGED_SPEC}: v1 first, then the others by
 * name.
 */
final class PackagedDocuments {

  private PackagedDocuments() {}

  /** The API version a document's name tells, e.g. {@code v1} for {@code hubspot-oauth-v1.yaml}. */
  static String version(String name) {
    Matcher matcher = ContractSpec.PACKAGED_DOCUMENT.matcher(name);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a HubSpot document name: " + name);
    }
    return matcher.group(1);
  }

  static List<String> names() {
    URL v1 = ContractSpec.class.getClassLoader().getResource(ContractSpec.PACKAGED_SPEC);
    Objects.requireNonNull(v1, ContractSpec.PACKAGED_SPEC + " is not on the classpath");
    List<String> names = new ArrayList<>();
    try {
      if ("jar".equals(v1.getProtocol())) {
        JarURLConnection connection = (JarURLConnection) v1.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          jar.stream().map(JarEntry::getName).forEach(names::add);
        }
      } else {
        try (Stream<Path> files = Files.list(Path.of(v1.toURI()).getParent())) {
          files.map(file -> file.getFileName().toString()).forEach(names::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot list the spec documents beside " + v1, e);
    }
    return names.stream()
        .filter(name -> ContractSpec.PACKAGED_DOCUMENT.matcher(name).matches())
        .sorted(
            Comparator.comparing((String name) -> !name.equals(ContractSpec.PACKAGED_SPEC))
                .thenComparing(Comparator.naturalOrder()))
        .toList();
  }
}
