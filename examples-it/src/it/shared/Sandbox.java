package example;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The sandbox jar as a child process on a free port, and the admin calls a user would make. */
final class Sandbox implements AutoCloseable {

  static final String ADMIN_KEY = "examples-admin-key";
  private static final Pattern URL_LINE = Pattern.compile("URL:\\s+(http://\\S+?)/?\\s");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final Path log;
  private final String url;

  private Sandbox(Process process, Path log, String url) {
    this.process = process;
    this.log = log;
    this.url = url;
  }

  /**
   * The sandbox the build started for every module ({@code ../target/sandbox-url}, written by
   * {@code prebuild.groovy}; this one does not stop it), else one of its own: {@code java -jar
   * $sandbox.jar --port=0} with the JVM options sandbox-junit uses (C1 only, the serial collector,
   * Spring's AOT bean definitions), waited for (at most two minutes).
   */
  static Sandbox start(Path dir) throws IOException, InterruptedException {
    Path shared = Path.of("..", "target", "sandbox-url");
    if (Files.isRegularFile(shared)) {
      return new Sandbox(
          null, Path.of("..", "target", "sandbox", "sandbox.log"), Files.readString(shared).strip());
    }
    Path jar = Path.of(System.getProperty("sandbox.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no sandbox jar at " + jar + ": build the sandbox first");
    }
    Files.createDirectories(dir);
    Path log = dir.resolve("sandbox.log");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Dspring.aot.enabled=true",
                "-jar",
                jar.toString(),
                "--port=0",
                "--data-dir=" + dir.resolve("data"),
                "--admin-key=" + ADMIN_KEY)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (process.isAlive() && System.nanoTime() < deadline) {
      Matcher url = URL_LINE.matcher(Files.readString(log));
      if (url.find()) {
        return new Sandbox(process, log, url.group(1));
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the sandbox did not start:\n" + Files.readString(log));
  }

  /** The base URL, for example {@code http://127.0.0.1:41234}. */
  String url() {
    return url;
  }

  /** {@code POST /sandbox/v1/apps}: the new app's JSON. */
  String createApp(String redirectUri) throws IOException, InterruptedException {
    return admin(
        "/sandbox/v1/apps",
        "{\"name\":\"README example\",\"redirect_uris\":[\""
            + redirectUri
            + "\"],\"scopes\":[\"oauth\",\"crm.objects.contacts.read\"]}");
  }

  /** {@code POST /sandbox/v1/authorization-codes}: a code, as if a user of the hub had approved. */
  String createCode(String clientId, String redirectUri, int hubId)
      throws IOException, InterruptedException {
    return field(
        admin(
            "/sandbox/v1/authorization-codes",
            "{\"client_id\":\""
                + clientId
                + "\",\"redirect_uri\":\""
                + redirectUri
                + "\",\"scopes\":[\"oauth\",\"crm.objects.contacts.read\"],\"hub_id\":"
                + hubId
                + ",\"user_id\":123456,\"user\":\"user@example.com\"}"),
        "code");
  }

  /** {@code POST /oauth/v1/token} with {@code grant_type=authorization_code}: the token JSON. */
  String exchange(String clientId, String clientSecret, String redirectUri, String code)
      throws IOException, InterruptedException {
    String form =
        Map.of(
                "grant_type", "authorization_code",
                "client_id", clientId,
                "client_secret", clientSecret,
                "redirect_uri", redirectUri,
                "code", code)
            .entrySet()
            .stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(url + "/oauth/v1/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** One string field of a flat JSON object. */
  static String field(String json, String name) {
    Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!value.find()) {
      throw new IllegalStateException("no field " + name + " in " + json);
    }
    return value.group(1);
  }

  @Override
  public void close() throws InterruptedException {
    if (process == null) {
      return; // the build's, stopped by postbuild.groovy
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private String admin(String path, String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Authorization", "Bearer " + ADMIN_KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          request.build().uri().getPath() + ": HTTP " + response.statusCode() + " " + response.body()
              + "\nsandbox log: " + log);
    }
    return response.body();
  }
}
