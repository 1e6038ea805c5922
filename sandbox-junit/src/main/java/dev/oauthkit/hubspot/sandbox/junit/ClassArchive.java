package dev.oauthkit.hubspot.sandbox.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDK's way of keeping the sandbox's classes between starts, by the feature version of the JDK
 * that runs it. JDK 17 to 24: a dynamic class-data-sharing archive, written when the first sandbox
 * exits. JDK 25 and later: an ahead-of-time cache (JEP 483), which also keeps the classes linked
 * (lambdas, string concatenation, method handles): the first sandbox records its configuration as
 * it exits ({@code -XX:AOTMode=record}), and a second JVM creates the cache from it when that
 * sandbox has stopped ({@code -XX:AOTMode=create}). Two steps rather than JDK 25's one-step {@code
 * -XX:AOTCacheOutput}: that one starts the creating JVM from the exiting one, with its output, and
 * ends when the pipe the extension reads that output from is closed.
 */
enum ClassArchive {
  CDS("sandbox.jsa", List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off")) {
    @Override
    List<String> train(Path pending) {
      return List.of("-XX:ArchiveClassesAtExit=" + pending);
    }

    @Override
    List<String> use(Path archive) {
      return List.of("-XX:SharedArchiveFile=" + archive);
    }

    @Override
    boolean finish(String java, Path pending, Path app, List<String> jvmOptions) {
      return isNotEmpty(pending) && moveIntoPlace(pending, pending.resolveSibling(fileName()));
    }
  },

  AOT("sandbox.aot", List.of("-Xlog:cds=off", "-Xlog:aot=off")) {
    @Override
    List<String> train(Path pending) {
      return List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + pending);
    }

    @Override
    List<String> use(Path archive) {
      return List.of("-XX:AOTCache=" + archive);
    }

    @Override
    boolean finish(String java, Path pending, Path app, List<String> jvmOptions) {
      if (!isNotEmpty(pending)) {
        return false;
      }
      Path cache = pending.resolveSibling(pending.getFileName() + ".aot");
      List<String> command = new ArrayList<>();
      command.add(java);
      command.addAll(jvmOptions);
      command.addAll(quiet());
      command.addAll(
          List.of(
              "-XX:AOTMode=create",
              "-XX:AOTConfiguration=" + pending,
              "-XX:AOTCache=" + cache,
              "-cp",
              app.toString()));
      try {
        return FastStart.runToEnd(command)
            && isNotEmpty(cache)
            && moveIntoPlace(cache, pending.resolveSibling(fileName()));
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } finally {
        deleteQuietly(cache);
      }
    }
  };

  private final String fileName;
  private final List<String> quiet;

  ClassArchive(String fileName, List<String> quiet) {
    this.fileName = fileName;
    this.quiet = quiet;
  }

  /** The kind for a JDK of this version. */
  static ClassArchive forVersion(Runtime.Version version) {
    return version.feature() >= 25 ? AOT : CDS;
  }

  /** The archive's name in its cache directory. */
  String fileName() {
    return fileName;
  }

  /** Options that keep the JVM from printing about the archive (a missing one is no error). */
  List<String> quiet() {
    return quiet;
  }

  /** The options of the training start, which leaves {@code pending} behind when it exits. */
  abstract List<String> train(Path pending);

  /** The options of a start that uses the archive. */
  abstract List<String> use(Path archive);

  /**
   * Turns what the stopped training start left in {@code pending} into the archive beside it, for
   * the next starts; {@code false} if it could not (the next sandbox trains again).
   *
   * @param java the {@code java} launcher the training start ran on
   * @param pending what the training start left
   * @param app the extracted jar it ran
   * @param jvmOptions the options it ran with, besides the archive's
   */
  abstract boolean finish(String java, Path pending, Path app, List<String> jvmOptions);

  private static boolean isNotEmpty(Path file) {
    try {
      return Files.isRegularFile(file) && Files.size(file) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean moveIntoPlace(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temporary file
    }
  }
}
