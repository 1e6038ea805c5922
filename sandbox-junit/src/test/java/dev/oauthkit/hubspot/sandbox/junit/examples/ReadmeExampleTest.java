package dev.oauthkit.hubspot.sandbox.junit.examples;

import dev.oauthkit.hubspot.core.testing.ReadmeBlocks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's Java block is exactly the example test the build runs ({@link HubSpotRefreshIT}).
 */
class ReadmeExampleTest {

  @Test
  void whenReadmeIsReadThenItsJavaBlockIsTheExampleTest() {
    ReadmeBlocks.assertShowsSnippetsOf(Path.of("README.md"), HubSpotRefreshIT.class, 1);
  }
}
