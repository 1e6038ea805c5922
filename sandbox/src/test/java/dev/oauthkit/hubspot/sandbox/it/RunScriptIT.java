package dev.oauthkit.hubspot.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sandbox/run.sh} runs the JDK that {@code JAVA_HOME} names, and says so if it has none. */
class RunScriptIT {

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
                + Path.of(System.getProperty("sandbox.jar")).toRealPath()
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

  private record Run(int exit, String output) {}

  /** {@code JAVA_HOME=<javaHome> SANDBOX_CDS=off sh run.sh args}: the plain {@code java -jar}. */
  private static Run run(Path javaHome, String... args) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Stream.concat(
                        Stream.of("sh", Path.of("run.sh").toAbsolutePath().toString()),
                        Stream.of(args))
                    .toList())
            .redirectErrorStream(true);
    builder.environment().remove("JAVA");
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().put("SANDBOX_CDS", "off");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("run.sh did not exit: " + output);
    }
    return new Run(process.exitValue(), output);
  }
}
