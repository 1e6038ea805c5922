package dev.oauthkit.hubspot.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sandbox/run.sh} runs the JDK that {@code JAVA_HOME} names, and says so if it has none; its
 * fast start points sqlite-jdbc at a copy of its native library made once, and uses the JDK's kind
 * of archive (an AOT cache from JDK 25 on), prepared again for another JDK (also behind a version
 * manager's shim) and in paths with spaces, and not again after a failed training; a failed build
 * ends with Maven's exit code and leaves no jar; two runs on a clone without a jar build it once.
 */
class RunScriptIT {

  /** The sandbox module's {@code run.sh}, as a user runs it from a clone. */
  private static final Path RUN_SH =
      Path.of(System.getProperty("sandbox.run.script", "../sandbox/run.sh"));

  private static final byte[] LIBRARY =
      "not really a shared object".getBytes(StandardCharsets.UTF_8);

  @TempDir Path temp;

  @Test
  void whenJavaHomeIsSetThenRunShStartsItsJavaWithTheJarAndTheFlags() throws Exception {
    Path java = Files.createDirectories(temp.resolve("jdk/bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"fake-java $*\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));

    Run run = run(temp.resolve("jdk"), "--help");

    assertThat(run.exit()).isZero();
    assertThat(run.output())
        .isEqualTo(
            "fake-java -jar "
                + RUN_SH.toRealPath().resolveSibling("target/hubspot-oauth-sandbox.jar")
                + " --help\n");
  }

  @Test
  void whenJavaHomeHasNoJavaThenRunShStopsWithOneLineNamingIt() throws Exception {
    Run run = run(temp.resolve("no-jdk"), "--help");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output())
        .isEqualTo(
            "run.sh: JAVA_HOME is "
                + temp.resolve("no-jdk")
                + ", but it has no bin/java; point it at a JDK 17 or newer\n");
  }

  @Test
  void whenTheFastStartIsPreparedThenSqliteLoadsItsLibraryFromTheCopyMadeOnce() throws Exception {
    Path script = fakeRepository();
    Path cds = cdsDirectory(script);

    Run run = run(script, fakeJdk("jdk17", 17), Map.of(), "--port=0");

    assertThat(run.exit()).isZero();
    assertThat(cds.resolve("native/libsqlitejdbc.so")).hasBinaryContent(LIBRARY);
    assertThat(lastLine(run))
        .startsWith("fake-java ")
        .contains(
            " -Dorg.sqlite.lib.path="
                + cds.resolve("native")
                + " -Dorg.sqlite.lib.name=libsqlitejdbc.so ",
            " -XX:SharedArchiveFile=" + cds.resolve("sandbox.jsa") + " ")
        .endsWith(" -jar " + cds.resolve("app/hubspot-oauth-sandbox.jar") + " --port=0");
  }

  @Test
  void whenTheJdkIs25ThenAnAotCacheIsPreparedAndUsed() throws Exception {
    Path script = fakeRepository();
    Path cds = cdsDirectory(script);

    Run run = run(script, fakeJdk("jdk25", 25), Map.of(), "--port=0");

    assertThat(run.exit()).isZero();
    assertThat(cds.resolve("sandbox.aot")).exists();
    assertThat(cds.resolve("sandbox.jsa")).doesNotExist();
    assertThat(lastLine(run))
        .contains(" -XX:AOTCache=" + cds.resolve("sandbox.aot") + " ")
        .doesNotContain("SharedArchiveFile")
        .endsWith(" -jar " + cds.resolve("app/hubspot-oauth-sandbox.jar") + " --port=0");
  }

  @Test
  void whenTheJarIsRebuiltWithTheSameTimeThenRunShPreparesAgain() throws Exception {
    Path script = fakeRepository();
    Path jdk = fakeJdk("jdk17", 17);
    assertThat(run(script, jdk, Map.of(), "--prepare").output()).contains("Preparing a fast start");
    assertThat(run(script, jdk, Map.of(), "--port=0").output())
        .doesNotContain("Preparing a fast start");
    Path jar = script.resolveSibling("target/hubspot-oauth-sandbox.jar");
    FileTime built = Files.getLastModifiedTime(jar);
    // A rebuild as a reproducible build writes it: other bytes, the same modification time.
    Path rebuilt = Files.writeString(jar.resolveSibling("rebuilt.jar"), "JAR");
    Files.setLastModifiedTime(rebuilt, built);
    Files.move(rebuilt, jar, StandardCopyOption.REPLACE_EXISTING);

    Run run = run(script, jdk, Map.of(), "--port=0");

    assertThat(Files.getLastModifiedTime(jar)).isEqualTo(built);
    assertThat(run.output()).contains("Preparing a fast start");
    assertThat(lastLine(run)).startsWith("fake-java ");
  }

  @Test
  void whenAnotherRunIsPreparingThenRunShStartsThePlainJarNotWhatWasExtractedBefore()
      throws Exception {
    Path script = fakeRepository();
    Path jdk = fakeJdk("jdk17", 17);
    assertThat(run(script, jdk, Map.of(), "--prepare").exit()).isZero();
    Path jar = script.resolveSibling("target/hubspot-oauth-sandbox.jar");
    Path rebuilt = Files.writeString(jar.resolveSibling("rebuilt.jar"), "JAR");
    Files.move(rebuilt, jar, StandardCopyOption.REPLACE_EXISTING);
    Path lock = Files.createDirectory(script.resolveSibling("target/cds.lock"));

    Run run = run(script, jdk, Map.of(), "--port=0");

    assertThat(run.output()).doesNotContain("Preparing a fast start");
    assertThat(lastLine(run))
        .doesNotContain("SharedArchiveFile")
        .endsWith(" -jar " + jar.toRealPath() + " --port=0");
    Files.setLastModifiedTime(lock, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    assertThat(run(script, jdk, Map.of(), "--port=0").output())
        .contains("Preparing a fast start"); // a lock an hour old was left by a stopped run
  }

  @Test
  void whenAnotherJdkRunsThenItPreparesItsOwnArchive() throws Exception {
    Path script = fakeRepository();
    Path cds = cdsDirectory(script);
    Path jdk25 = fakeJdk("jdk25", 25);
    assertThat(run(script, jdk25, Map.of(), "--prepare").exit()).isZero();
    assertThat(lastLine(run(script, jdk25, Map.of(), "--port=0")))
        .contains(" -XX:AOTCache=" + cds.resolve("sandbox.aot") + " ");

    Run run = run(script, fakeJdk("jdk17", 17), Map.of(), "--port=0");

    assertThat(run.output()).contains("Preparing a fast start");
    assertThat(cds.resolve("sandbox.aot")).doesNotExist();
    assertThat(lastLine(run))
        .contains(" -XX:SharedArchiveFile=" + cds.resolve("sandbox.jsa") + " ")
        .doesNotContain("AOTCache");
  }

  @Test
  void whenAVersionManagersShimSwitchesTheJdkThenRunShPreparesForTheNewOne() throws Exception {
    Path script = fakeRepository();
    Path cds = cdsDirectory(script);
    Path shim = Files.createDirectories(temp.resolve("shim/bin")).resolve("java");
    Files.writeString(shim, "#!/bin/sh\nexec \"$SHIM_JDK/bin/java\" \"$@\"\n");
    Files.setPosixFilePermissions(shim, PosixFilePermissions.fromString("rwx------"));
    Path jdk25 = fakeJdk("jdk25", 25);
    Map<String, String> on25 = Map.of("SHIM_JDK", jdk25.toString());
    assertThat(run(script, temp.resolve("shim"), on25, "--prepare").exit()).isZero();
    assertThat(cds.resolve("sandbox.aot")).exists();

    Run run =
        run(script, temp.resolve("shim"), Map.of("SHIM_JDK", fakeJdk("jdk17", 17).toString()));

    assertThat(run.output()).contains("Preparing a fast start");
    assertThat(lastLine(run))
        .contains(" -XX:SharedArchiveFile=" + cds.resolve("sandbox.jsa") + " ")
        .doesNotContain("AOTCache");
  }

  @Test
  void whenTheRepositoryPathHasASpaceThenTheArchiveIsMadeInItsPlace() throws Exception {
    Path script = fakeRepository("my repo");
    Path cds = cdsDirectory(script);

    Run run = run(script, fakeJdk("jdk17", 17), Map.of(), "--port=0");

    assertThat(cds.resolve("sandbox.jsa")).isNotEmptyFile();
    assertThat(temp.resolve("my")).doesNotExist();
    assertThat(lastLine(run))
        .contains(" -XX:SharedArchiveFile=" + cds.resolve("sandbox.jsa") + " ");
  }

  @Test
  void whenSandboxJavaOptsNameACollectorThenItReplacesTheSerialOne() throws Exception {
    Path script = fakeRepository();

    Run run =
        run(script, fakeJdk("jdk17", 17), Map.of("SANDBOX_JAVA_OPTS", "-XX:+UseG1GC"), "--port=0");

    assertThat(lastLine(run)).contains(" -XX:+UseG1GC ").doesNotContain("UseSerialGC");
  }

  @Test
  void whenTrainingFailsThenRunShStartsWithoutAndDoesNotPrepareAgain() throws Exception {
    Path script = fakeRepository();
    Path jdk = fakeJdk("jdk17", 17);
    Map<String, String> failing = Map.of("FAKE_TRAINING", "fail");

    Run first = run(script, jdk, failing, "--port=0");
    Run second = run(script, jdk, failing, "--port=0");

    assertThat(first.output())
        .contains("The fast start could not be prepared; starting without it.");
    assertThat(cdsDirectory(script).resolve("sandbox.jsa")).doesNotExist();
    assertThat(second.output()).doesNotContain("Preparing a fast start");
    assertThat(lastLine(second))
        .doesNotContain("SharedArchiveFile")
        .endsWith(
            " -jar "
                + script.resolveSibling("target/hubspot-oauth-sandbox.jar").toRealPath()
                + " --port=0");
  }

  @Test
  void whenTheFirstBuildFailsThenRunShExitsWithMavensCodeAndLeavesNoJar() throws Exception {
    Path script = fakeRepository();
    Path jar = script.resolveSibling("target/hubspot-oauth-sandbox.jar");
    Files.delete(jar);
    Path mvnw = script.getParent().resolveSibling("mvnw");
    Files.writeString(mvnw, "#!/bin/sh\n: > sandbox/target/hubspot-oauth-sandbox.jar\nexit 3\n");
    Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwx------"));

    Run run = run(script, fakeJdk("jdk17", 17), Map.of(), "--port=0");

    assertThat(run.exit()).isEqualTo(3);
    assertThat(lastLine(run)).startsWith("The build failed (exit 3) after ");
    assertThat(jar).doesNotExist();
  }

  @Test
  void whenTwoRunsStartOnACloneWithoutAJarThenOneBuildsAndBothStartIt() throws Exception {
    Path script = fakeRepository();
    Path builds = slowFakeMaven(script);
    Path jdk = fakeJdk("jdk17", 17);

    Process first = start(script, jdk, Map.of(), "--port=0");
    Process second = start(script, jdk, Map.of(), "--port=0");
    Run one = finish(first);
    Run other = finish(second);

    assertThat(Files.readAllLines(builds)).hasSize(1);
    assertThat(List.of(lastLine(one), lastLine(other)))
        .allSatisfy(line -> assertThat(line).startsWith("fake-java "));
    assertThat(one.output() + other.output())
        .contains("Waiting for the first build, which another run.sh started (process ");
    assertThat(script.resolveSibling("target/first-build.lock")).doesNotExist();
  }

  @Test
  void whenTheRunThatWasBuildingIsGoneThenTheNextTakesItsLockOverAndBuilds() throws Exception {
    Path script = fakeRepository();
    Path builds = slowFakeMaven(script);
    Path lock = Files.createDirectories(script.resolveSibling("target/first-build.lock"));
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(lock.resolve("pid"), gone.pid() + "\n");

    Run run = run(script, fakeJdk("jdk17", 17), Map.of(), "--port=0");

    assertThat(Files.readAllLines(builds)).hasSize(1);
    assertThat(lastLine(run)).startsWith("fake-java ");
    assertThat(lock).doesNotExist();
  }

  @Test
  void whenAnotherRunIsStillBuildingThenItsJarIsNotStartedUntilTheBuildEnds() throws Exception {
    Path script = fakeRepository(); // its jar stands for one Maven is still writing
    Path builds = script.getParent().resolveSibling("builds.txt");
    Path mvnw = script.getParent().resolveSibling("mvnw");
    Files.writeString(mvnw, "#!/bin/sh\necho build >> '" + builds + "'\n");
    Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwx------"));
    // A live run.sh (as far as ps tells) that holds the lock for three seconds, then lets it go.
    Path lock = Files.createDirectories(script.resolveSibling("target/first-build.lock"));
    Process builder =
        new ProcessBuilder("sh", "-c", "sleep 3; rm -rf '" + lock + "'", "run.sh").start();
    Files.writeString(lock.resolve("pid"), builder.pid() + "\n");

    long started = System.nanoTime();
    Run run = run(script, fakeJdk("jdk17", 17), Map.of(), "--port=0");
    long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertThat(run.output()).contains("Waiting for the first build, which another run.sh started");
    assertThat(waitedMillis).as("waited for the building run to end").isGreaterThan(1_500);
    assertThat(builds).doesNotExist(); // the jar was there once the lock went: not built again
    assertThat(lastLine(run)).startsWith("fake-java ");
  }

  @Test
  void whenTheLocksProcessIsNoRunShThenTheLockIsTakenOverAndTheHalfWrittenJarRebuilt()
      throws Exception {
    Path script = fakeRepository(); // its jar stands for one a killed build left half written
    Path builds = slowFakeMaven(script);
    Files.writeString(script.resolveSibling("target/hubspot-oauth-sandbox.jar"), "half");
    Process unrelated = new ProcessBuilder("sleep", "30").start(); // a reused PID
    try {
      Path lock = Files.createDirectories(script.resolveSibling("target/first-build.lock"));
      Files.writeString(lock.resolve("pid"), unrelated.pid() + "\n");

      Run run = run(script, fakeJdk("jdk17", 17), Map.of(), "--port=0");

      assertThat(run.output()).doesNotContain("Waiting for the first build");
      assertThat(Files.readAllLines(builds)).hasSize(1);
      assertThat(lastLine(run)).startsWith("fake-java ");
    } finally {
      unrelated.destroy();
    }
  }

  /**
   * Replaces the fake repository's jar with a Maven wrapper that takes two seconds to build it and
   * notes each build in the returned file.
   */
  private static Path slowFakeMaven(Path script) throws IOException {
    Files.delete(script.resolveSibling("target/hubspot-oauth-sandbox.jar"));
    Path builds = script.getParent().resolveSibling("builds.txt");
    Files.createFile(builds);
    Path mvnw = script.getParent().resolveSibling("mvnw");
    Files.writeString(
        mvnw,
        "#!/bin/sh\necho build >> '"
            + builds
            + "'\nsleep 2\necho jar > sandbox/target/hubspot-oauth-sandbox.jar\n");
    Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwx------"));
    return builds;
  }

  /**
   * A repository with only run.sh and a jar: {@code <temp>/repo/sandbox/run.sh} (its fast start
   * needs {@code unzip}: the test is skipped without it).
   */
  private Path fakeRepository() throws IOException, InterruptedException {
    return fakeRepository("repo");
  }

  private Path fakeRepository(String name) throws IOException, InterruptedException {
    assumeTrue(new ProcessBuilder("unzip", "-v").start().waitFor() == 0, "needs unzip");
    Path root = temp.resolve(name);
    Path script = Files.createDirectories(root.resolve("sandbox/target")).resolveSibling("run.sh");
    Files.copy(RUN_SH, script);
    Files.writeString(root.resolve("sandbox/target/hubspot-oauth-sandbox.jar"), "jar");
    return script;
  }

  /**
   * A JDK whose java says it is of version {@code feature}, extracts (a jar with SQLite's driver),
   * trains (a small archive; fails with {@code FAKE_TRAINING=fail}) and otherwise prints its
   * command line.
   */
  private Path fakeJdk(String name, int feature) throws IOException {
    Path driver = temp.resolve("sqlite-jdbc-9.9.jar");
    if (!Files.exists(driver)) {
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(driver))) {
        zip.putNextEntry(new ZipEntry("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so"));
        zip.write(LIBRARY);
      }
    }
    Path java = Files.createDirectories(temp.resolve(name).resolve("bin")).resolve("java");
    Files.writeString(
        java,
        String.join(
            "\n",
            "#!/bin/sh",
            "for a in \"$@\"; do case \"$a\" in",
            "  -XshowSettings:properties) echo '    java.home = " + temp.resolve(name) + "'",
            "    echo '    java.runtime.version = " + feature + "+1'",
            "    echo '    java.specification.version = " + feature + "'",
            "    exit 0 ;;",
            "  -Djarmode=tools) extract=1 ;;",
            "  org.sqlite.util.OSInfo) echo Linux/x86_64; exit 0 ;;",
            "  -XX:ArchiveClassesAtExit=* | -XX:AOTCacheOutput=*)",
            "    [ \"$FAKE_TRAINING\" = fail ] && exit 1",
            "    echo archive > \"${a#*=}\"; exit 0 ;;",
            "esac; last=$a; done",
            "if [ -n \"$extract\" ]; then",
            "  mkdir -p \"$last/lib\" && : > \"$last/hubspot-oauth-sandbox.jar\"",
            "  cp " + driver + " \"$last/lib/\"; exit 0",
            "fi",
            "echo \"fake-java $*\"",
            ""));
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    return java.getParent().getParent();
  }

  /** Where run.sh keeps the extracted jar and the archive. */
  private static Path cdsDirectory(Path script) throws IOException {
    return script.getParent().toRealPath().resolve("target/cds");
  }

  private static String lastLine(Run run) {
    return run.output().lines().reduce((first, second) -> second).orElseThrow();
  }

  private record Run(int exit, String output) {}

  /** {@code JAVA_HOME=<javaHome> SANDBOX_CDS=off sh run.sh args}: the plain {@code java -jar}. */
  private static Run run(Path javaHome, String... args) throws Exception {
    return run(RUN_SH, javaHome, Map.of("SANDBOX_CDS", "off"), args);
  }

  /** {@code JAVA_HOME=<javaHome> <environment> sh <script> args}, to its end. */
  private static Run run(
      Path script, Path javaHome, Map<String, String> environment, String... args)
      throws Exception {
    return finish(start(script, javaHome, environment, args));
  }

  /** Starts {@code JAVA_HOME=<javaHome> <environment> sh <script> args}. */
  private static Process start(
      Path script, Path javaHome, Map<String, String> environment, String... args)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
                Stream.concat(Stream.of("sh", script.toAbsolutePath().toString()), Stream.of(args))
                    .toList())
            .redirectErrorStream(true);
    builder.environment().remove("JAVA");
    builder.environment().remove("SANDBOX_CDS");
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().putAll(environment);
    return builder.start();
  }

  /** Waits for a run (60 s at most) and reads what it printed. */
  private static Run finish(Process process) throws Exception {
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("run.sh did not exit: " + output);
    }
    return new Run(process.exitValue(), output);
  }
}
