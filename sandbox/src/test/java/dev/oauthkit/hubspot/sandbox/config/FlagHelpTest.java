package dev.oauthkit.hubspot.sandbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagHelpTest {

  @Test
  void whenHelpIsPrintedThenEveryFlagIsListedWithItsTwinDefaultAndChoices() {
    String help = FlagHelp.text();

    assertThat(Flag.values())
        .allSatisfy(
            flag ->
                assertThat(help)
                    .containsPattern(
                        "(?m)^  "
                            + java.util.regex.Pattern.quote(flag.usage())
                            + " +"
                            + flag.environment()
                            + "(=true)? +default: "
                            + java.util.regex.Pattern.quote(flag.defaultValue())
                            + "$")
                    .contains(flag.choices()));
    assertThat(help).contains("  --help ");
  }

  /** The flag table of the sandbox README lists exactly the flags, twins and defaults of Flag. */
  @Test
  void whenTheReadmeFlagTableIsReadThenItHasARowPerFlagWithItsTwinAndDefault() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("README.md"));
    List<List<String>> rows =
        readme.stream()
            .dropWhile(line -> !line.equals("| Flag | Environment | Default | Meaning |"))
            .skip(2)
            .takeWhile(line -> line.startsWith("|"))
            .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toList())
            .toList();

    List<String> expected =
        Arrays.stream(Flag.values())
            .map(f -> "`" + f.usage() + "` `" + f.environment() + "` " + shown(f.defaultValue()))
            .toList();
    List<String> actual =
        rows.stream()
            .map(row -> row.get(1) + " " + row.get(2).replace("=true`", "`") + " " + row.get(3))
            .toList();
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  /** A value in backticks; words (off, generated, all) and "-" as they are. */
  private static String shown(String value) {
    return value.matches("off|generated|all|-") ? value : "`" + value + "`";
  }
}
