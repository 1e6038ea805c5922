package dev.oauthkit.hubspot.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The versions and v1's sunset come from the spec jar's documents. */
class ApiVersionsTest {

  @Test
  void whenTheSpecJarIsReadThenV1ComesFirstAndTheDateVersionsFollowOldestFirst() {
    ApiVersions versions = ApiVersions.packaged();

    assertThat(versions.names()).startsWith("v1").containsSubsequence("v1", "2026-03", "2026-09");
    assertThat(versions.dated()).isSorted().allMatch(name -> name.matches("\\d{4}-\\d{2}"));
    assertThat(versions.newest()).isEqualTo(versions.dated().get(versions.dated().size() - 1));
  }

  @Test
  void whenADocumentsNameIsReadThenOnlyV1AndYearMonthNamesAreVersions() {
    assertThat(ApiVersions.versionOf("hubspot-oauth-v1.yaml")).isEqualTo("v1");
    assertThat(ApiVersions.versionOf("hubspot-oauth-2027-03.yaml")).isEqualTo("2027-03");
    assertThat(ApiVersions.versionOf("hubspot-oauth-2027-03-draft.yaml")).isNull();
    assertThat(ApiVersions.versionOf("hubspot-oauth-2027-13.yaml")).isNull();
    assertThat(ApiVersions.versionOf("hubspot-oauth-v2.yaml")).isNull();
    assertThat(ApiVersions.versionOf("sandbox-admin-v1.yaml")).isNull();
  }

  @Test
  void whenV1sSunsetIsAskedThenItIsTheDayTheV1DocumentStates() {
    assertThat(ApiVersions.v1Sunset()).isEqualTo(LocalDate.of(2027, 2, 16));
  }
}
