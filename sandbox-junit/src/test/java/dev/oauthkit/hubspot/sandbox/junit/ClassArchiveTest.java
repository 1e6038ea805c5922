package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive kind per JDK, and an AOT cache made the two-step way with a real JDK 25 or later (the
 * newest installed beside the JDK running the tests; without one, that test is skipped: the other
 * kind is covered end to end by {@code FastStartIT}).
 */
class ClassArchiveTest {

  private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");
  private static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-Xss512k");

  @TempDir Path temp;

  @Test
  void whenTheJdkIsOlderThan25ThenADynamicCdsArchive() {
    assertThat(ClassArchive.forVersion(Runtime.Version.parse("17.0.15")))
        .isSameAs(ClassArchive.CDS);
    assertThat(ClassArchive.forVersion(Runtime.Version.parse("24"))).isSameAs(ClassArchive.CDS);
    assertThat(ClassArchive.CDS.train(Path.of("a.part")))
        .containsExactly("-XX:ArchiveClassesAtExit=a.part");
    assertThat(ClassArchive.CDS.use(Path.of("sandbox.jsa")))
        .containsExactly("-XX:SharedArchiveFile=sandbox.jsa");
  }

  @Test
  void whenTheJdkIs25OrLaterThenAnAotCacheRecordedThenCreated() {
    assertThat(ClassArchive.forVersion(Runtime.Version.parse("25.0.1"))).isSameAs(ClassArchive.AOT);
    assertThat(ClassArchive.forVersion(Runtime.Version.parse("26"))).isSameAs(ClassArchive.AOT);
    assertThat(ClassArchive.AOT.train(Path.of("a.part")))
        .containsExactly("-XX:AOTMode=record", "-XX:AOTConfiguration=a.part");
    assertThat(ClassArchive.AOT.use(Path.of("sandbox.aot")))
        .containsExactly("-XX:AOTCache=sandbox.aot");
  }

  @Test
  void whenTheTrainingLeftNothingThenNoArchive() {
    Path pending = temp.resolve("sandbox.aot-1.part");

    assertThat(ClassArchive.AOT.finish("java", pending, temp.resolve("app.jar"), OPTIONS))
        .isFalse();
    assertThat(ClassArchive.CDS.finish("java", pending, temp.resolve("app.jar"), OPTIONS))
        .isFalse();
    assertThat(temp).isEmptyDirectory();
  }

  @Test
  void whenARecordedStartStoppedThenTheCacheIsCreatedAndTheNextStartUsesIt() throws Exception {
    Optional<Path> jdk = newestJdk(25);
    assumeTrue(jdk.isPresent(), "no JDK 25 or later installed beside " + javaHome());
    String java = jdk.get().resolve("bin").resolve("java").toString();
    Path app = helloJar();
    Path pending = temp.resolve("sandbox.aot-1.part");

    assertThat(run(java, ClassArchive.AOT.train(pending), app)).isEqualTo("hello");
    assertThat(ClassArchive.AOT.finish(java, pending, app, OPTIONS)).isTrue();

    Path cache = temp.resolve("sandbox.aot");
    assertThat(cache).isNotEmptyFile();
    assertThat(pending.resolveSibling(pending.getFileName() + ".aot")).doesNotExist();
    List<String> strict = new ArrayList<>(ClassArchive.AOT.use(cache));
    strict.add("-XX:AOTMode=on"); // fails the start if the cache cannot be used
    assertThat(run(java, strict, app)).isEqualTo("hello");
  }

  private String run(String java, List<String> archive, Path app) throws Exception {
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(OPTIONS);
    command.addAll(archive);
    command.addAll(List.of("-Xlog:cds=off", "-Xlog:aot=off", "-cp", app.toString(), "Hello"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output.lines().findFirst().orElse(""); // a recording JVM adds a line of its own
  }

  /** A jar with one class that prints {@code hello} (an AOT cache takes classes from jars only). */
  private Path helloJar() throws IOException {
    Path source = Files.writeString(temp.resolve("Hello.java"), hello());
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "--release", "17", "-d", temp.toString(), source.toString());
    assertThat(compiled).isZero();
    Path jar = temp.resolve("hello.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("Hello.class"));
      out.write(Files.readAllBytes(temp.resolve("Hello.class")));
      out.closeEntry();
    }
    Files.delete(temp.resolve("Hello.class"));
    Files.delete(source);
    return jar;
  }

  private static String hello() {
    return "public class Hello {\n"
        + "  public static void main(String[] args) {\n"
        + "    String end = args.length > 0 ? args[0] : \"lo\";\n"
        + "    Runnable r = () -> System.out.println(\"hel\" + end);\n"
        + "    r.run();\n"
        + "  }\n"
        + "}\n";
  }

  private static Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  /** The newest JDK of at least {@code feature} in the directory of the running one. */
  private static Optional<Path> newestJdk(int feature) throws IOException {
    try (Stream<Path> jdks = Files.list(javaHome().getParent())) {
      return jdks.filter(dir -> Files.isExecutable(dir.resolve("bin").resolve("java")))
          .filter(dir -> feature(dir) >= feature)
          .max((a, b) -> Integer.compare(feature(a), feature(b)));
    }
  }

  private static int feature(Path jdk) {
    try {
      Matcher matcher = VERSION.matcher(Files.readString(jdk.resolve("release")));
      return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
