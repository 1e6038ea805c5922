package dev.oauthkit.hubspot.sandbox;

import dev.oauthkit.hubspot.sandbox.config.FlagHelp;
import dev.oauthkit.hubspot.sandbox.config.Flags;
import dev.oauthkit.hubspot.sandbox.config.SandboxSettings;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * Starts the sandbox. Only the auto-configuration a servlet JSON API needs is imported (no error
 * page controller, no validation, no JPA), and Spring reads only the jar's {@code
 * application.properties}, which keeps start-up fast.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({
  PropertyPlaceholderAutoConfiguration.class,
  TomcatServletWebServerAutoConfiguration.class,
  DispatcherServletAutoConfiguration.class,
  WebMvcAutoConfiguration.class,
  HttpMessageConvertersAutoConfiguration.class,
  JacksonAutoConfiguration.class,
  HttpEncodingAutoConfiguration.class
})
@ComponentScan
public final class SandboxApplication {

  /** The exit status of a start refused for a wrong flag. */
  public static final int USAGE = 2;

  /**
   * Where Spring looks for configuration files: only the jar's own {@code application.properties}.
   * The sandbox's settings are its flags; an {@code application.properties} or {@code config/}
   * folder in the working directory (a user's project, where the JUnit extension starts it) or on
   * the class path does not reach it, and Spring does not search its other default places (four
   * file extensions in five folders) for one.
   */
  static final Map<String, Object> DEFAULT_PROPERTIES =
      Map.of("spring.config.location", "optional:classpath:/application.properties");

  private SandboxApplication() {}

  /**
   * Runs the sandbox; see the module README or {@code --help} for the flags. The flags are checked
   * before Spring starts: {@code --help} prints them and exits 0, a wrong one prints one line
   * naming it and exits 2.
   */
  public static void main(String[] args) {
    Flags flags;
    try {
      flags = Flags.parse(List.of(args), System.getenv());
      if (!flags.help()) {
        SandboxSettings.from(flags);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("hubspot-oauth-sandbox: " + e.getMessage());
      System.exit(USAGE);
      return;
    }
    if (flags.help()) {
      System.out.print(FlagHelp.text());
      return;
    }
    application().run(args);
  }

  /**
   * The Spring application {@link #main} runs, not yet run: no banner, only the jar's {@code
   * application.properties}. Public for benchmarks/startup-profile, which runs it with a recorder.
   */
  public static SpringApplication application() {
    SpringApplication application = new SpringApplication(SandboxApplication.class);
    application.setBannerMode(Banner.Mode.OFF);
    application.setDefaultProperties(DEFAULT_PROPERTIES);
    return application;
  }
}
