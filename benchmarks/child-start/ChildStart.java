import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox child JVM's start as sandbox-junit launches it (benchmarks/README.md, "Where start-up
 * time goes"), variant beside variant. A single-file program, not part of any build; {@code
 * benchmarks/child-start.sh} runs it. Per variant: the jar extracted ({@code -Djarmode=tools
 * extract}) and a CDS archive written by one training run (URL line, one health request,
 * SIGTERM). Then rounds A B C .. A B C ..: each start with the extension's JVM options ({@code
 * SandboxProcess.JVM_OPTIONS} and {@code FastStart}'s), the variant's own options and {@code
 * --port=0 --store=memory --data-dir=... --admin-key=k}; per start the milliseconds from launch to
 * the URL line and to the first answer of {@code GET /sandbox/v1/health}, and the child's CPU
 * (utime + stime of /proc/PID/stat) at both. Prints every run and the medians.
 *
 * <pre>
 * java benchmarks/child-start/ChildStart.java WORK_DIR RUNS JAR 'name=opts' 'name=opts' ...
 * </pre>
 *
 * A variant's options are JVM options, except {@code jar=PATH} (another jar), {@code java=PATH}
 * (another {@code java}, e.g. a JDK 25's), {@code aot} (an AOT cache, JDK 25 and later, instead of
 * a CDS archive) and {@code --flag} (a sandbox flag).
 */
public final class ChildStart {

  private static final List<String> BASE =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xss512k",
          "-Dspring.aot.enabled=true",
          "-Xlog:cds=off",
          "-Xlog:cds+dynamic=off");
  private static final Pattern URL_LINE = Pattern.compile("^  URL: +(http://\\S+)$");
  private static final double TICK_MS = 10.0; // CLK_TCK 100

  private ChildStart() {}

  record Variant(
      String name,
      String java,
      boolean aot,
      Path app,
      Path archive,
      List<String> jvm,
      List<String> flags) {}

  record Run(
      long urlMs, long answerMs, long urlCpuMs, long answerCpuMs, long jitCpuMs, int status) {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]).toAbsolutePath();
    int runs = Integer.parseInt(args[1]);
    Path defaultJar = Path.of(args[2]).toAbsolutePath();
    List<Variant> variants = new ArrayList<>();
    Map<Path, Path> extracted = new LinkedHashMap<>();
    for (String spec : Arrays.asList(args).subList(3, args.length)) {
      int eq = spec.indexOf('=');
      String name = spec.substring(0, eq);
      Path jar = defaultJar;
      String java = java();
      boolean aot = false;
      List<String> jvm = new ArrayList<>();
      List<String> flags = new ArrayList<>();
      for (String token : spec.substring(eq + 1).trim().split("\\s+")) {
        if (token.isEmpty()) {
          continue;
        } else if (token.startsWith("jar=")) {
          jar = Path.of(token.substring(4)).toAbsolutePath();
        } else if (token.startsWith("java=")) {
          java = token.substring(5);
        } else if (token.equals("aot")) {
          aot = true;
        } else if (token.startsWith("--")) {
          flags.add(token);
        } else {
          jvm.add(token);
        }
      }
      Path app = extracted.get(jar);
      if (app == null) {
        app = extract(jar, work.resolve("app-" + extracted.size()));
        extracted.put(jar, app);
      }
      Variant variant =
          new Variant(
              name,
              java,
              aot,
              app,
              work.resolve(name + (aot ? ".aot" : ".jsa")),
              List.copyOf(jvm),
              List.copyOf(flags));
      train(variant, work);
      variants.add(variant);
    }
    Map<String, List<Run>> results = new LinkedHashMap<>();
    variants.forEach(v -> results.put(v.name(), new ArrayList<>()));
    for (int round = 0; round < runs; round++) {
      for (Variant variant : variants) {
        Run run = start(variant, work, false);
        results.get(variant.name()).add(run);
        System.out.printf(
            "round %d %-14s url %5d ms  answer %5d ms (%d)  cpu at url %5d ms (JIT %4d)"
                + "  at answer %5d ms%n",
            round + 1,
            variant.name(),
            run.urlMs(),
            run.answerMs(),
            run.status(),
            run.urlCpuMs(),
            run.jitCpuMs(),
            run.answerCpuMs());
      }
    }
    System.out.printf(
        "%nmedians of %d runs (load average at the end: %s)%n",
        runs,
        Files.readString(Path.of("/proc/loadavg")).trim());
    System.out.printf(
        "%-14s %8s %10s %11s %11s %13s%n",
        "variant",
        "url_ms",
        "answer_ms",
        "cpu_url_ms",
        "jit_url_ms",
        "cpu_answer_ms");
    for (Map.Entry<String, List<Run>> entry : results.entrySet()) {
      List<Run> list = entry.getValue();
      System.out.printf(
          "%-14s %8d %10d %11d %11d %13d%n",
          entry.getKey(),
          median(list, Run::urlMs),
          median(list, Run::answerMs),
          median(list, Run::urlCpuMs),
          median(list, Run::jitCpuMs),
          median(list, Run::answerCpuMs));
    }
    printPaired(results);
  }

  /** Each variant against the first, start by start: the median of the round-wise differences. */
  private static void printPaired(Map<String, List<Run>> results) {
    List<String> names = new ArrayList<>(results.keySet());
    List<Run> first = results.get(names.get(0));
    for (String name : names.subList(1, names.size())) {
      List<Run> runs = results.get(name);
      long[] cpu = new long[runs.size()];
      long[] answer = new long[runs.size()];
      int lower = 0;
      for (int i = 0; i < runs.size(); i++) {
        cpu[i] = runs.get(i).answerCpuMs() - first.get(i).answerCpuMs();
        answer[i] = runs.get(i).answerMs() - first.get(i).answerMs();
        lower += cpu[i] < 0 ? 1 : 0;
      }
      Arrays.sort(cpu);
      Arrays.sort(answer);
      System.out.printf(
          "%-14s vs %s, round by round: CPU to first answer %+d ms (lower in %d of %d rounds),"
              + " first answer %+d ms (medians)%n",
          name,
          names.get(0),
          cpu[cpu.length / 2],
          lower,
          cpu.length,
          answer[answer.length / 2]);
    }
  }

  private static long median(List<Run> runs, java.util.function.ToLongFunction<Run> field) {
    long[] values = runs.stream().mapToLong(field).sorted().toArray();
    return values[values.length / 2];
  }

  private static Path extract(Path jar, Path dir) throws Exception {
    Process process =
        new ProcessBuilder(
                java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("cannot extract " + jar);
    }
    return dir.resolve(jar.getFileName().toString());
  }

  private static void train(Variant variant, Path work) throws Exception {
    Files.deleteIfExists(variant.archive());
    Run run = start(variant, work, true);
    if (!Files.isRegularFile(variant.archive())) {
      throw new IllegalStateException("no archive written for " + variant.name());
    }
    System.out.printf(
        "trained %-14s url %5d ms answer %5d ms%n", variant.name(), run.urlMs(), run.answerMs());
  }

  private static Run start(Variant variant, Path work, boolean training) throws Exception {
    Path data = Files.createTempDirectory(work, "data-");
    List<String> command = new ArrayList<>();
    command.add(variant.java());
    command.addAll(BASE);
    if (variant.aot()) {
      command.add((training ? "-XX:AOTCacheOutput=" : "-XX:AOTCache=") + variant.archive());
    } else {
      command.add(
          (training ? "-XX:ArchiveClassesAtExit=" : "-XX:SharedArchiveFile=")
              + variant.archive());
    }
    command.addAll(variant.jvm());
    command.addAll(List.of("-jar", variant.app().toString()));
    command.addAll(
        List.of("--port=0", "--store=memory", "--data-dir=" + data, "--admin-key=k"));
    command.addAll(variant.flags());
    long launched = System.nanoTime();
    if (training && variant.aot()) {
      return trainAot(command, variant, data);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<String> url = new CompletableFuture<>();
    long[] urlAt = new long[1];
    List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  output.add(line);
                  if (!url.isDone()) {
                    Matcher matcher = URL_LINE.matcher(line);
                    if (matcher.matches()) {
                      urlAt[0] = System.nanoTime();
                      url.complete(matcher.group(1));
                    }
                  }
                }
              } catch (IOException e) {
                url.completeExceptionally(e);
              }
              url.completeExceptionally(
                  new IllegalStateException(
                      variant.name() + ": the sandbox exited:\n" + String.join("\n", output)));
            });
    pump.setDaemon(true);
    pump.start();
    String base = url.get(120, TimeUnit.SECONDS);
    long urlCpu = cpuMs(process.pid());
    long jitCpu = compilerCpuMs(process.pid());
    int status = get(base, "/sandbox/v1/health");
    long answered = System.nanoTime();
    long answerCpu = cpuMs(process.pid());
    process.destroy(); // SIGTERM: a training run writes its archive
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    deleteTree(data);
    return new Run(
        (urlAt[0] - launched) / 1_000_000,
        (answered - launched) / 1_000_000,
        urlCpu,
        answerCpu,
        jitCpu,
        status);
  }

  /**
   * A training run for a JDK 25 AOT cache: output to a file, as the cache is assembled by a second
   * JVM that the first starts as it exits and that inherits its output (a pipe closed when the first
   * exits would end it).
   */
  private static Run trainAot(List<String> command, Variant variant, Path data) throws Exception {
    Path log = data.resolveSibling(variant.name() + "-training.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    String base = null;
    for (int i = 0; i < 1200 && base == null && process.isAlive(); i++) {
      Thread.sleep(100);
      for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
        Matcher matcher = URL_LINE.matcher(line);
        if (matcher.matches()) {
          base = matcher.group(1);
        }
      }
    }
    if (base == null) {
      throw new IllegalStateException(variant.name() + ": no URL line in " + log);
    }
    int status = get(base, "/sandbox/v1/health");
    process.destroy();
    process.waitFor(60, TimeUnit.SECONDS);
    for (int i = 0; i < 1200 && !Files.isRegularFile(variant.archive()); i++) {
      Thread.sleep(100);
    }
    deleteTree(data);
    return new Run(0, 0, 0, 0, 0, status);
  }

  /** One HTTP/1.1 GET on a plain socket: the status code. */
  private static int get(String base, String path) throws IOException {
    java.net.URI uri = java.net.URI.create(base);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] answer = socket.getInputStream().readAllBytes();
      String head = new String(answer, 0, Math.min(answer.length, 12), StandardCharsets.US_ASCII);
      return Integer.parseInt(head.substring(9, 12));
    }
  }

  /** utime + stime of the process (all its threads) in milliseconds. */
  private static long cpuMs(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Math.round((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MS);
  }

  /** The CPU of the JIT compiler threads that are alive, in milliseconds. */
  private static long compilerCpuMs(long pid) throws IOException {
    long ms = 0;
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        try {
          if (Files.readString(task.resolve("comm")).contains("Compiler")) {
            String stat = Files.readString(task.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ms += Math.round((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MS);
          }
        } catch (IOException e) {
          // the thread ended
        }
      }
    }
    return ms;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
