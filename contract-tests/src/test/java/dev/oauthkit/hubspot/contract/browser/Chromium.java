package dev.oauthkit.hubspot.contract.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven
 * through {@value #DRIVER}: Selenium Manager never runs, so nothing is downloaded (the build is
 * offline). Where the packages are missing, {@link #require()} skips the test with the install
 * command, unless {@code REQUIRE_BROWSER=1}, which makes it fail instead.
 */
final class Chromium {

  static final String BINARY = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";
  private static final String INSTALL = "apt-get install -y chromium chromium-driver";

  private Chromium() {}

  /** Skips (or with {@code REQUIRE_BROWSER=1} fails) the calling tests if Chromium is missing. */
  static void require() {
    boolean present = Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of(DRIVER));
    if (present) {
      return;
    }
    String message =
        "Chromium or chromedriver is missing ("
            + BINARY
            + ", "
            + DRIVER
            + "); install them with: "
            + INSTALL;
    if ("1".equals(System.getenv("REQUIRE_BROWSER"))) {
      fail(message + " (REQUIRE_BROWSER=1, so this is a failure, not a skip)");
    }
    Assumptions.abort(message);
  }

  /** A new headless browser with its own profile in {@code profileDir}. */
  static WebDriver start(Path profileDir) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profileDir.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }
}
