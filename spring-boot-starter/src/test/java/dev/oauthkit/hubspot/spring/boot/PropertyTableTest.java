package dev.oauthkit.hubspot.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oauthkit.hubspot.core.ApiVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The README's property table is the generated configuration metadata: names and defaults. */
class PropertyTableTest {

  static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-z.-]+)` \\| ([^|]+) \\| ([^|]+) \\|$");

  static JsonNode metadata() throws IOException {
    try (InputStream in =
        PropertyTableTest.class
            .getClassLoader()
            .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("spring-configuration-metadata.json on the classpath").isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void whenTheReadmeTableIsReadThenItListsEveryPropertyWithItsMetadataDefault() throws Exception {
    Map<String, String> fromMetadata = new TreeMap<>();
    for (JsonNode property : metadata().get("properties")) {
      JsonNode value = property.get("defaultValue");
      fromMetadata.put(property.get("name").asText(), value == null ? "(none)" : value.asText());
      assertThat(property.path("description").asText())
          .as("description of " + property.get("name"))
          .isNotBlank();
    }
    Map<String, String> fromReadme = new LinkedHashMap<>();
    Matcher row = ROW.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
    while (row.find()) {
      fromReadme.put(row.group(1), row.group(2).strip().replace("`", ""));
    }
    assertThat(new TreeMap<>(fromReadme)).isEqualTo(fromMetadata);
  }

  @Test
  void whenTheApiVersionHintsAreReadThenTheyAreTheKitsVersionsAndTheNewestIsTheDefault()
      throws Exception {
    JsonNode metadata = metadata();
    JsonNode hint =
        StreamSupport.stream(metadata.get("hints").spliterator(), false)
            .filter(h -> h.get("name").asText().equals("hubspot.oauth.api-version"))
            .findFirst()
            .orElseThrow();
    assertThat(
            StreamSupport.stream(hint.get("values").spliterator(), false)
                .map(v -> v.get("value").asText()))
        .containsExactlyInAnyOrderElementsOf(
            ApiVersion.all().stream().map(ApiVersion::name).toList());
    JsonNode apiVersion =
        StreamSupport.stream(metadata.get("properties").spliterator(), false)
            .filter(p -> p.get("name").asText().equals("hubspot.oauth.api-version"))
            .findFirst()
            .orElseThrow();
    assertThat(apiVersion.get("defaultValue").asText()).isEqualTo(ApiVersion.newest().name());
  }
}
