package dev.oauthkit.hubspot.sandbox.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one parser of the sandbox's flags ({@link Flag}), for {@code run.sh} and {@code java -jar}
 * alike: {@code --name=value} (a switch also as {@code --name}), else the environment twin {@code
 * SANDBOX_NAME}, else the default. An unknown flag, a value flag without {@code =}, a single dash,
 * a bare word, a flag given twice or a value that is not one of the choices is refused with one
 * line naming the flag and what it accepts. Knows where each value came from, for the start-up
 * report.
 */
public final class Flags {

  /** The flag that prints every flag ({@link FlagHelp}) instead of starting. */
  public static final String HELP = "--help";

  private static final String DEFAULT = "default";

  private final Map<Flag, String> values;
  private final Map<Flag, String> origins;
  private final boolean help;

  private Flags(Map<Flag, String> values, Map<Flag, String> origins, boolean help) {
    this.values = values;
    this.origins = origins;
    this.help = help;
  }

  /**
   * Parses the command line and the environment.
   *
   * @throws IllegalArgumentException with a one-line message naming the flag and its choices
   */
  public static Flags parse(List<String> args, Map<String, String> environment) {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(environment, "environment");
    if (args.contains(HELP) || args.contains("-h")) {
      return new Flags(Map.of(), Map.of(), true);
    }
    Map<Flag, String> values = new EnumMap<>(Flag.class);
    Map<Flag, String> origins = new EnumMap<>(Flag.class);
    for (String arg : args) {
      int eq = arg.indexOf('=');
      Flag flag = flagOf(arg, eq);
      if (values.containsKey(flag)) {
        throw new IllegalArgumentException(flag.flag() + " is given twice");
      }
      if (eq < 0 && !flag.isSwitch()) {
        throw new IllegalArgumentException(
            flag.flag() + " needs a value after '=', e.g. " + flag.usage() + " (not a space)");
      }
      values.put(flag, checked(flag, flag.flag(), eq < 0 ? "true" : arg.substring(eq + 1)));
      origins.put(flag, flag.flag());
    }
    for (Flag flag : Flag.values()) {
      String value = environment.get(flag.environment());
      if (!values.containsKey(flag) && value != null && !value.isBlank()) {
        values.put(flag, checked(flag, flag.environment(), value));
        origins.put(flag, flag.environment());
      }
    }
    return new Flags(values, origins, false);
  }

  /** Whether {@code --help} was asked for: print {@link FlagHelp#text()} and start nothing. */
  public boolean help() {
    return help;
  }

  /** The value given for the flag or its twin, stripped; empty if neither was given. */
  public Optional<String> value(Flag flag) {
    return Optional.ofNullable(values.get(flag));
  }

  /** Where the value came from: {@code --port}, {@code SANDBOX_PORT} or {@code default}. */
  public String origin(Flag flag) {
    return origins.getOrDefault(flag, DEFAULT);
  }

  /** The flags given (command line or environment) as their origins, in the table's order. */
  public List<String> givenOrigins() {
    return List.copyOf(origins.values());
  }

  /** Names and origins only: values may be secrets. */
  @Override
  public String toString() {
    return "Flags" + origins;
  }

  private static Flag flagOf(String arg, int eq) {
    String name = eq < 0 ? arg : arg.substring(0, eq);
    if (!arg.startsWith("--")) {
      if (arg.startsWith("-") && arg.length() > 1) {
        throw new IllegalArgumentException(
            name + " has one dash; flags start with two, e.g. -" + name);
      }
      throw new IllegalArgumentException(
          "'" + arg + "' is not a flag; give values with '=', e.g. " + Flag.PORT.usage());
    }
    return Flag.named(name.substring(2))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    name
                        + " is not a flag"
                        + suggestion(name.substring(2))
                        + "; the flags are "
                        + allFlags()));
  }

  private static String checked(Flag flag, String origin, String raw) {
    String value = raw.strip();
    if (!flag.accepts(value)) {
      String shown = flag.echoesValue() ? "=" + value : "";
      throw new IllegalArgumentException(origin + shown + ": must be " + flag.choices());
    }
    return value;
  }

  private static String allFlags() {
    return Stream.concat(Stream.of(Flag.values()).map(Flag::flag), Stream.of(HELP))
        .collect(Collectors.joining(", "));
  }

  /** "; did you mean --port?" for a name at most two edits from a flag's, else nothing. */
  private static String suggestion(String name) {
    for (Flag flag : Flag.values()) {
      if (distance(name, flag.flag().substring(2)) <= 2) {
        return " (did you mean " + flag.flag() + "?)";
      }
    }
    return "";
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
