package dev.oauthkit.hubspot.sandbox.config;

import java.util.Locale;

/** The text {@code --help} prints: every {@link Flag} with its environment twin and default. */
public final class FlagHelp {

  private FlagHelp() {}

  /** One line per flag (usage, twin, default), then what it does and accepts, indented. */
  public static String text() {
    StringBuilder text =
        new StringBuilder(
            """
            Usage: ./sandbox/run.sh [--flag=value ...]
               or: java -jar sandbox/target/hubspot-oauth-sandbox.jar [--flag=value ...]
            Each flag may instead be set by its environment variable; a flag given wins.
            Switches (off by default) take no value, or =true / =false.

            """);
    for (Flag flag : Flag.values()) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %-41s %-34s default: %s%n      %s; %s%n",
              flag.usage(),
              flag.environment() + (flag.isSwitch() ? "=true" : ""),
              flag.defaultValue(),
              flag.meaning(),
              flag.choices()));
    }
    text.append(String.format(Locale.ROOT, "  %-41s print this list and exit%n", Flags.HELP));
    text.append("The sandbox README (section \"Start it\") says more about each flag.\n");
    return text.toString();
  }
}
