package dev.oauthkit.hubspot.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a README's Java examples and the test that runs them from drifting apart: the test marks
 * each example with {@code // README:begin} and {@code // README:end}, and the README's {@code
 * ```java} blocks must be exactly those snippets, in order, white space aside.
 */
public final class ReadmeBlocks {

  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern IMPORT = Pattern.compile("(?m)^import [^;]+;$");
  private static final Pattern SNIPPET =
      Pattern.compile("// README:begin\\n(.*?)\\n\\s*// README:end", Pattern.DOTALL);

  private ReadmeBlocks() {}

  /**
   * Asserts that the {@code ```java} blocks of {@code readme} are the marked snippets of the test
   * class {@code test}, read from {@code src/test/java} of the module under test.
   *
   * @param readme the README, relative to the module
   * @param test the test class holding the snippets
   * @param count how many blocks there must be
   */
  public static void assertShowsSnippetsOf(Path readme, Class<?> test, int count) {
    assertThat(javaBlocks(read(readme))).isEqualTo(snippets(read(source(test)))).hasSize(count);
  }

  /**
   * Asserts that the {@code ```java} blocks of {@code readme} after the first (which the caller
   * compiles and runs as written) are the marked snippets of {@code test}.
   *
   * @param readme the README, relative to the module
   * @param test the test class holding the other snippets (nested: its top-level class's source)
   * @param count how many blocks there must be, the first included
   */
  public static void assertShowsSnippetsAfterFirstOf(Path readme, Class<?> test, int count) {
    List<String> blocks = javaBlocks(read(readme));
    assertThat(blocks).hasSize(count);
    assertThat(blocks.subList(1, count)).isEqualTo(snippets(read(source(test))));
  }

  /** Returns the README's {@code ```java} blocks, white space folded, in order. */
  public static List<String> javaBlocks(String readme) {
    List<String> blocks = new ArrayList<>();
    Matcher block = JAVA_BLOCK.matcher(readme);
    while (block.find()) {
      blocks.add(normalized(block.group(1)));
    }
    return blocks;
  }

  /** Returns the code between each begin and end marker in {@code source}, folded, in order. */
  public static List<String> snippets(String source) {
    List<String> snippets = new ArrayList<>();
    Matcher snippet = SNIPPET.matcher(source);
    while (snippet.find()) {
      snippets.add(normalized(snippet.group(1)));
    }
    return snippets;
  }

  /** Returns the lines of the README's first {@code ```java} block, exactly as written. */
  public static List<String> firstJavaBlockLines(Path readme) {
    Matcher block = JAVA_BLOCK.matcher(read(readme));
    assertThat(block.find()).as(readme + " has a ```java block").isTrue();
    return block.group(1).lines().toList();
  }

  /** The source file of {@code type}, of its top-level class when it is nested. */
  private static Path source(Class<?> type) {
    Class<?> topLevel = type;
    while (topLevel.getEnclosingClass() != null) {
      topLevel = topLevel.getEnclosingClass();
    }
    return Path.of("src/test/java", topLevel.getName().replace('.', '/') + ".java");
  }

  private static String normalized(String code) {
    return code.replaceAll("\\s+", " ").strip();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
