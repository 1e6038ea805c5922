package dev.oauthkit.hubspot.sandbox.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.jar.JarEntry;

/**
 * Finds the sandbox's executable jar. This module's jar carries it as a resource (copied in at
 * build time), so the version always matches and nothing is downloaded at test time. A jar can only
 * be run from a file, so the resource is copied once to {@code
 * <java.io.tmpdir>/hubspot-oauth-sandbox-junit-<user.name>/<key>/}, the key naming the embedded
 * jar's content (its CRC-32 and size, from the containing jar's directory): every copy of this
 * module with the same sandbox (another project's repository, a reinstalled SNAPSHOT) shares the
 * copy and the class-data archive made beside it. Concurrent JVMs each copy to a temporary file and
 * move it into place atomically.
 */
final class SandboxJar {

  static final String RESOURCE = "hubspot-oauth-sandbox.jar";
  private static final Object LOCK = new Object();

  private SandboxJar() {}

  /** The embedded jar as a file. */
  static Path locate() {
    URL url = resource();
    if (url == null) {
      throw new IllegalStateException(
          RESOURCE
              + " is not on the classpath next to "
              + SandboxJar.class.getName()
              + "; build hubspot-oauth-sandbox-junit with `package`, or pass sandboxJar(path)");
    }
    try {
      return asFile(url, true).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract " + RESOURCE, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot read " + url, e);
    }
  }

  /** The embedded jar as a file if no copy has to be made for it; never copies (nor fails). */
  static Optional<Path> locateIfCopied() {
    URL url = resource();
    try {
      return url == null ? Optional.empty() : asFile(url, false);
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static URL resource() {
    return SandboxJar.class.getResource(RESOURCE);
  }

  /** The jar at {@code url} itself if it is a file, else its copy in the cache (made if asked). */
  private static Optional<Path> asFile(URL url, boolean copy)
      throws IOException, URISyntaxException {
    if ("file".equals(url.getProtocol())) {
      return Optional.of(Path.of(url.toURI()));
    }
    synchronized (LOCK) {
      return copy ? Optional.of(extract(url, CacheDirs::use)) : copied(url, CacheDirs::use);
    }
  }

  /** The copy {@link #extract} made of the jar at {@code url}, if it made one; never copies. */
  static Optional<Path> copied(URL url, Function<String, Path> dirs) throws IOException {
    Copy copy = copy(url, dirs);
    return copy.done() ? Optional.of(copy.target()) : Optional.empty();
  }

  /** Copies the jar at {@code url} into the cache directory {@code dirs} gives for its key. */
  static Path extract(URL url, Function<String, Path> dirs) throws IOException {
    Copy copy = copy(url, dirs);
    if (copy.done()) {
      return copy.target();
    }
    Path target = copy.target();
    Path partial = Files.createTempFile(target.getParent(), "copy-", ".part");
    try (InputStream in = copy.connection().getInputStream()) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      if (!copy.done()) { // else another JVM copied it meanwhile: its copy stays as it is
        try {
          Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          if (!copy.done()) {
            throw e;
          }
        }
      }
    } finally {
      Files.deleteIfExists(partial);
    }
    return target;
  }

  /** Where the jar at a URL is copied to (its key's directory), and whether it is there already. */
  private record Copy(URLConnection connection, long size, Path target) {
    boolean done() throws IOException {
      return Files.isRegularFile(target) && Files.size(target) == size;
    }
  }

  private static Copy copy(URL url, Function<String, Path> dirs) throws IOException {
    URLConnection connection = url.openConnection();
    connection.setUseCaches(false);
    long size = connection.getContentLengthLong();
    String origin = url.toExternalForm();
    if (connection instanceof JarURLConnection jar) {
      JarEntry entry = jar.getJarEntry();
      if (entry != null && entry.getCrc() >= 0) {
        origin = RESOURCE + "|crc32=" + Long.toHexString(entry.getCrc()) + "|size=" + size;
      } else {
        URL outer = jar.getJarFileURL();
        origin = outer.toExternalForm() + "|" + outer.openConnection().getLastModified();
      }
    }
    return new Copy(connection, size, dirs.apply(key(origin)).resolve(RESOURCE));
  }

  private static String key(String origin) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
