package dev.oauthkit.hubspot.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ApiVersionTest {

  @Test
  void whenAllIsListedThenV1ComesFirstAndTheDateVersionsFollowOldestFirst() {
    List<ApiVersion> all = ApiVersion.all();

    assertThat(all.get(0)).isSameAs(ApiVersion.V1);
    assertThat(all.subList(1, all.size()))
        .allMatch(ApiVersion::isDated)
        .isSortedAccordingTo((a, b) -> a.name().compareTo(b.name()));
    assertThat(ApiVersion.newest()).isEqualTo(all.get(all.size() - 1));
    assertThat(ApiVersion.V1.isDated()).isFalse();
  }

  @Test
  void whenEveryKnownVersionIsLookedUpByNameThenItIsFound() {
    for (ApiVersion version : ApiVersion.all()) {
      assertThat(ApiVersion.of(version.name())).isEqualTo(version);
      assertThat(version.pathSegment()).isEqualTo(version.name()).isEqualTo(version.toString());
    }
  }

  @Test
  void whenANameIsUnknownThenTheMessageListsTheKnownVersions() {
    assertThatThrownBy(() -> ApiVersion.of("2031-03"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("name must be one of v1, ")
        .hasMessageContaining(ApiVersion.newest().name())
        .hasMessageEndingWith("got '2031-03' (a date version this kit does not know yet)");
    assertThatThrownBy(() -> ApiVersion.of("V1")).hasMessageEndingWith("got 'V1'");
    assertThatThrownBy(() -> ApiVersion.of(null)).hasMessage("name");
  }

  @Test
  void whenSupportIsAskedThenV1EndsAtItsSunsetAndADateVersion18MonthsAfterItShipped() {
    assertThat(ApiVersion.V1.supportedUntil()).isEqualTo(LocalDate.of(2027, 2, 16));
    ApiVersion first = ApiVersion.all().get(1);
    LocalDate shipped = LocalDate.parse(first.name() + "-01");
    assertThat(first.supportedUntil())
        .isEqualTo(shipped.plusMonths(18).withDayOfMonth(shipped.plusMonths(18).lengthOfMonth()));
  }

  @Test
  void whenV1sSunsetIsAskedThenItIsTheDayTheV1DocumentStates() throws Exception {
    String document;
    try (var in =
        ApiVersionTest.class.getClassLoader().getResourceAsStream("hubspot-oauth-v1.yaml")) {
      document = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    java.util.regex.Matcher sunset =
        java.util.regex.Pattern.compile("(?m)^  x-hubspot-sunset: '([0-9-]+)'$").matcher(document);

    assertThat(sunset.find()).as("info.x-hubspot-sunset in hubspot-oauth-v1.yaml").isTrue();
    assertThat(ApiVersion.V1.supportedUntil()).isEqualTo(LocalDate.parse(sunset.group(1)));
  }

  @Test
  void whenTheApiRootIsResolvedThenDateVersionsLiveUnderOauthAndTheirName() {
    URI base = URI.create("https://api.hubapi.com/");

    assertThat(ApiVersion.V1.apiRoot(base)).isEqualTo(base);
    assertThat(ApiVersion.newest().apiRoot(base))
        .hasToString("https://api.hubapi.com/oauth/" + ApiVersion.newest() + "/");
  }

  @Test
  void whenTheSpecJarIsReadThenItsHubSpotDocumentsAreExactlyTheKnownVersions() throws Exception {
    URL v1 = getClass().getClassLoader().getResource("hubspot-oauth-v1.yaml");
    assertThat(v1).as("the spec jar on the test classpath").isNotNull();
    List<String> documents;
    if (v1.getProtocol().equals("jar")) {
      try (JarFile jar = ((JarURLConnection) v1.openConnection()).getJarFile()) {
        documents = jar.stream().map(JarEntry::getName).toList();
      }
    } else {
      try (Stream<Path> files = Files.list(Path.of(v1.toURI()).getParent())) {
        documents = files.map(f -> f.getFileName().toString()).toList();
      }
    }

    assertThat(
            documents.stream()
                .filter(n -> n.startsWith("hubspot-oauth-") && n.endsWith(".yaml"))
                .map(n -> n.substring("hubspot-oauth-".length(), n.length() - ".yaml".length())))
        .containsExactlyInAnyOrderElementsOf(
            ApiVersion.all().stream().map(ApiVersion::name).toList());
  }
}
