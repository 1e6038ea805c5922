package dev.oauthkit.hubspot.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {

  @Test
  void whenMigrationsAreListedThenTheNewestInEachLocationIsTheLatestVersion() throws Exception {
    for (String location : List.of(SchemaMigrations.SQLITE, SchemaMigrations.POSTGRES)) {
      URL url = getClass().getClassLoader().getResource(location.substring("classpath:".length()));
      try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
        int newest =
            files
                .map(file -> file.getFileName().toString())
                .filter(name -> name.matches("V\\d+__.*\\.sql"))
                .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                .max(Comparator.naturalOrder())
                .orElseThrow();

        assertThat(String.valueOf(newest)).as(location).isEqualTo(SchemaMigrations.LATEST);
      }
    }
  }
}
