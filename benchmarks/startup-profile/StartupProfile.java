import dev.oauthkit.hubspot.sandbox.SandboxApplication;
import dev.oauthkit.hubspot.sandbox.config.Flags;
import dev.oauthkit.hubspot.sandbox.config.SandboxSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where the sandbox's start-up goes, phase by phase: JVM start to main, the flags, each step of
 * Spring Boot's run (Spring's BufferingApplicationStartup), the beans that took longest (their own
 * time, without the beans they needed), and the first answer (the probe benchmarks/run.sh sends).
 * A single-file program, not part of any build; run it on the jar run.sh extracted, with run.sh's
 * JVM options (benchmarks/README.md, "Where start-up time goes"):
 *
 * <pre>
 * java $FAST_OPTS -XX:SharedArchiveFile=sandbox/target/cds/sandbox.jsa \
 *   -cp sandbox/target/cds/app/hubspot-oauth-sandbox.jar \
 *   benchmarks/startup-profile/StartupProfile.java --port=0 --data-dir=/tmp/p --admin-key=k
 * </pre>
 */
public final class StartupProfile {

  private StartupProfile() {}

  public static void main(String[] args) throws IOException {
    long main = uptime();
    Flags flags = Flags.parse(List.of(args), System.getenv());
    SandboxSettings.from(flags);
    long parsed = uptime();
    SpringApplication application = SandboxApplication.application();
    application.setMainApplicationClass(SandboxApplication.class); // its AOT initializer
    BufferingApplicationStartup steps = new BufferingApplicationStartup(100_000);
    application.setApplicationStartup(steps);
    long run = uptime();
    ConfigurableApplicationContext context = application.run(args);
    long ready = uptime();
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET /oauth/v1/access-tokens/startup-probe HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getInputStream().readAllBytes();
    }
    long answered = uptime();
    System.err.printf("%6d ms  JVM start to main (the source launcher compiles this file)%n", main);
    System.err.printf("%6d ms  flags and settings%n", parsed - main);
    System.err.printf("%6d ms  SpringApplication set up%n", run - parsed);
    List<TimelineEvent> events = steps.getBufferedTimeline().getEvents();
    long previousEnd = -1;
    for (TimelineEvent event : events) {
      if (event.getStartupStep().getParentId() != null) {
        continue;
      }
      long start = event.getStartTime().toEpochMilli();
      if (previousEnd > 0 && start - previousEnd > 5) {
        System.err.printf("%6d ms    (between steps)%n", start - previousEnd);
      }
      System.err.printf(
          "%6d ms    %s%n", event.getDuration().toMillis(), event.getStartupStep().getName());
      previousEnd = event.getEndTime().toEpochMilli();
    }
    System.err.printf("%6d ms  SpringApplication.run in all%n", ready - run);
    System.err.printf("%6d ms  first answer (GET, 401)%n", answered - ready);
    System.err.printf("%6d ms  JVM start to first answer%n", answered);
    System.err.printf(
        "%6d classes loaded%n", ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
    System.err.println("beans and steps by their own time (without what they waited for):");
    ownTimes(events).entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(25)
        .forEach(e -> System.err.printf("%8.1f ms  %s%n", e.getValue() / 1e6, e.getKey()));
    context.close();
  }

  private static Map<String, Long> ownTimes(List<TimelineEvent> events) {
    Map<Long, Long> children = new HashMap<>();
    for (TimelineEvent event : events) {
      Long parent = event.getStartupStep().getParentId();
      if (parent != null) {
        children.merge(parent, event.getDuration().toNanos(), Long::sum);
      }
    }
    Map<String, Long> own = new TreeMap<>();
    for (TimelineEvent event : events) {
      String name = event.getStartupStep().getName();
      for (var tag : event.getStartupStep().getTags()) {
        if (tag.getKey().equals("beanName")) {
          name = name + " " + tag.getValue();
        }
      }
      long nanos =
          event.getDuration().toNanos() - children.getOrDefault(event.getStartupStep().getId(), 0L);
      own.merge(name, nanos, Long::sum);
    }
    return own;
  }

  private static long uptime() {
    return ManagementFactory.getRuntimeMXBean().getUptime();
  }
}
