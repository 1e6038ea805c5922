package dev.oauthkit.hubspot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.spec.SpecDocument.ExampleCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every example in the spec validates against its schema (JSON Schema 2020-12). */
class SpecExamplesTest {

  private static final SpecDocument SPEC = SpecDocument.packaged();

  @TestFactory
  Stream<DynamicTest> whenExampleIsCheckedThenItMatchesItsSchema() {
    return SPEC.examples().stream()
        .map(
            example ->
                DynamicTest.dynamicTest(
                    example.name(),
                    () ->
                        assertThat(SPEC.validate(example.schemaPointer(), example.value()))
                            .as("%s violates its schema", example.name())
                            .isEmpty()));
  }

  @TestFactory
  Stream<DynamicTest> whenAdminSpecExampleIsCheckedThenItMatchesItsSchema() {
    SpecDocument admin = SpecDocument.packaged(SpecDocument.ADMIN_SPEC);
    return admin.examples().stream()
        .map(
            example ->
                DynamicTest.dynamicTest(
                    example.name(),
                    () ->
                        assertThat(admin.validate(example.schemaPointer(), example.value()))
                            .as("%s violates its schema", example.name())
                            .isEmpty()));
  }

  @Test
  void whenSpecIsWalkedThenEveryKindOfExampleIsFound() {
    List<String> names = SPEC.examples().stream().map(ExampleCase::name).toList();

    assertThat(names)
        .contains(
            "AccessTokenMetadataSuccessExample"
                + " (GET /oauth/v1/access-tokens/{token} 200 application/json)",
            "AuthorizationCodeRequestExample"
                + " (POST /oauth/v1/token request application/x-www-form-urlencoded)",
            "BadAuthCodeErrorExample (POST /oauth/v1/token 400 application/json)",
            "inline example (GET /oauth/v1/access-tokens/{token} parameter token)",
            "schema example (components.schemas.AccessTokenMetadata.hub_id)",
            "schema example (components.schemas.Error.errors)");
  }

  @Test
  void whenEveryComponentExampleIsListedThenEachIsUsedByAnOperation() {
    Set<String> used = new HashSet<>();
    SPEC.examples().forEach(example -> used.add(example.name().split(" ")[0]));
    List<String> unused = new ArrayList<>();
    SPEC.root()
        .at("/components/examples")
        .propertyNames()
        .forEach(
            name -> {
              if (!used.contains(name)) {
                unused.add(name);
              }
            });

    assertThat(unused).as("component examples that no operation uses").isEmpty();
  }

  @Test
  void whenAnExampleHasAWrongTypeThenTheFailureNamesTheExampleAndTheField() {
    SpecDocument spec =
        SpecDocument.of(SpecDocument.packagedText().replace("hub_id: 62515\n", "hub_id: \"x\"\n"));

    List<String> failures = new ArrayList<>();
    for (ExampleCase example : spec.examples()) {
      spec.validate(example.schemaPointer(), example.value())
          .forEach(error -> failures.add(example.name() + ": " + error));
    }

    assertThat(failures)
        .anySatisfy(
            failure ->
                assertThat(failure)
                    .startsWith("AccessTokenMetadataSuccessExample")
                    .contains("/hub_id")
                    .contains("integer"))
        .anySatisfy(
            failure ->
                assertThat(failure)
                    .startsWith("RefreshTokenMetadataSuccessExample")
                    .contains("/hub_id"));
  }
}
