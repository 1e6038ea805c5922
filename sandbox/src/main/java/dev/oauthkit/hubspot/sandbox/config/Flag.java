package dev.oauthkit.hubspot.sandbox.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The sandbox's flags, as data: each is {@code --name=value} on the command line or {@code
 * SANDBOX_NAME} in the environment, with a default. {@link Flags} parses them, {@link FlagHelp}
 * prints them for {@code --help}, and the sandbox README's flag table lists the same rows (a test
 * compares them).
 */
public enum Flag {
  PORT("port", "8080", "8080", Values.PORT, "the HTTP port; 0 picks a free one"),
  BIND("bind", "127.0.0.1", "127.0.0.1", Values.TEXT, "the address to listen on; 0.0.0.0 for all"),
  DATA_DIR("data-dir", "./data", "data", Values.TEXT, "database, admin key, token key, demo app"),
  ADMIN_KEY("admin-key", "K", "generated", Values.TEXT, "the admin API's bearer key"),
  STORE("store", "sqlite", "sqlite", Values.STORE, "where apps, codes and tokens are kept"),
  JDBC_URL("jdbc-url", "jdbc:postgresql://host:5432/db", "-", Values.TEXT, "--store=postgres only"),
  DB_USER("db-user", "U", "-", Values.TEXT, "--store=postgres only; or in the URL"),
  DB_PASSWORD("db-password", "P", "-", Values.TEXT, "--store=postgres only; prefer the variable"),
  ACCESS_TOKEN_TTL("access-token-ttl", "PT30M", "1800", Values.DURATION, "access token lifetime"),
  ROTATE_REFRESH_TOKENS(
      "rotate-refresh-tokens", null, "off", Values.SWITCH, "a refresh replaces the refresh token"),
  PURGE_INTERVAL(
      "purge-interval", "60", "60", Values.DURATION, "how often expired rows are purged; 0: never"),
  API_VERSIONS("api-versions", "v1,2026-03", "all", Values.VERSIONS, "the API versions served"),
  DISABLE_V1("disable-v1", null, "off", Values.SWITCH, "shorthand: every version but v1"),
  ALLOWED_HOSTS(
      "allowed-hosts",
      "sandbox,ci.internal",
      "-",
      Values.TEXT,
      "Host header names accepted besides the addresses served (comma-separated; *: any)");

  /** What a flag's value may be: a check and the words that name the valid choices. */
  enum Values {
    PORT("a port number from 0 to 65535"),
    TEXT("a value that is not blank"),
    DURATION("whole seconds (1800) or ISO-8601 (PT30M)"),
    STORE(StoreKind.choices()),
    SWITCH("true or false, or no value for true"),
    VERSIONS("a comma-separated list of " + String.join(", ", ServedVersions.all()));

    private final String choices;

    Values(String choices) {
      this.choices = choices;
    }

    /** The valid choices, in words, for error lines and {@code --help}. */
    String choices() {
      return choices;
    }

    boolean accepts(String value) {
      return switch (this) {
        case PORT -> value.matches("\\d{1,5}") && Integer.parseInt(value) <= 65_535;
        case TEXT -> !value.isBlank();
        case DURATION -> SandboxSettings.duration(value).isPresent();
        case STORE -> StoreKind.named(value).isPresent();
        case SWITCH -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
        case VERSIONS -> true; // ServedVersions.parse names the exact problem
      };
    }
  }

  private final String name;
  private final String example;
  private final String defaultValue;
  private final Values values;
  private final String meaning;

  Flag(String name, String example, String defaultValue, Values values, String meaning) {
    this.name = name;
    this.example = example;
    this.defaultValue = defaultValue;
    this.values = values;
    this.meaning = meaning;
  }

  /** The flag as typed, e.g. {@code --port}. */
  public String flag() {
    return "--" + name;
  }

  /** The environment twin, e.g. {@code SANDBOX_PORT}. */
  public String environment() {
    return "SANDBOX_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** How the flag is written with an example value, e.g. {@code --port=8080}. */
  public String usage() {
    return example == null ? flag() : flag() + "=" + example;
  }

  /** The default as shown to people: a value, {@code off}, {@code generated} or {@code -}. */
  public String defaultValue() {
    return defaultValue;
  }

  /** A few words on what the flag does. */
  public String meaning() {
    return meaning;
  }

  /** Whether the flag is on/off and may be given without a value. */
  public boolean isSwitch() {
    return values == Values.SWITCH;
  }

  /** The valid choices in words. */
  public String choices() {
    return values.choices();
  }

  boolean accepts(String value) {
    return values.accepts(value);
  }

  /** Whether an error line may repeat the value: not for free text, which may be a secret. */
  boolean echoesValue() {
    return values != Values.TEXT;
  }

  /** The flag named {@code name} (without the dashes). */
  static Optional<Flag> named(String name) {
    for (Flag flag : values()) {
      if (flag.name.equals(name)) {
        return Optional.of(flag);
      }
    }
    return Optional.empty();
  }
}
