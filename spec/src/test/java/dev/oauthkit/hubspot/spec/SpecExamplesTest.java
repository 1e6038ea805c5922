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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every example in the specs validates against its schema (JSON Schema 2020-12). */
class SpecExamplesTest {

  private static final SpecDocument SPEC = SpecDocument.packaged();
  private static final SpecDocument SPEC_2026 = SpecDocument.packaged(SpecDocument.SPEC_2026_03);

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
    return validatingTests(SpecDocument.packaged(SpecDocument.ADMIN_SPEC));
  }

  @TestFactory
  Stream<DynamicTest> when2026SpecExampleIsCheckedThenItMatchesItsSchema() {
    return validatingTests(SPEC_2026);
  }

  private static Stream<DynamicTest> validatingTests(SpecDocument spec) {
    return spec.examples().stream()
        .map(
            example ->
                DynamicTest.dynamicTest(
                    example.name(),
                    () ->
                        assertThat(spec.validate(example.schemaPointer(), example.value()))
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
  void when2026SpecIsWalkedThenEachUnionShapeAndEachGrantHasAnExample() {
    List<String> names = SPEC_2026.examples().stream().map(ExampleCase::name).toList();
    String form = " request application/x-www-form-urlencoded)";

    assertThat(names)
        .contains(
            "AuthorizationCodeGrantExample (POST /token" + form,
            "RefreshTokenGrantExample (POST /token" + form,
            "ClientCredentialsGrantExample (POST /token" + form,
            "AccessTokenResponseExample (POST /token 200 application/json)",
            "ClientCredentialsTokenResponseExample (POST /token 200 application/json)",
            "ChangelogRefreshTokenErrorExample (POST /token 400 application/json)",
            "IntrospectRefreshTokenExample (POST /token/introspect" + form,
            "AccessTokenIntrospectionExample" + " (POST /token/introspect 200 application/json)",
            "RefreshTokenIntrospectionExample" + " (POST /token/introspect 200 application/json)",
            "InactiveTokenIntrospectionExample" + " (POST /token/introspect 200 application/json)",
            "RevokeRefreshTokenExample (POST /token/revoke" + form,
            "schema example (components.schemas.SignedAccessToken.expiresAt)");
  }

  @ParameterizedTest
  @FieldSource("dev.oauthkit.hubspot.spec.SpecDocument#HUBSPOT_SPECS")
  void whenEveryComponentExampleIsListedThenEachIsUsedByAnOperation(String document) {
    SpecDocument spec = SpecDocument.packaged(document);
    Set<String> used = new HashSet<>();
    spec.examples().forEach(example -> used.add(example.name().split(" ")[0]));
    List<String> unused = new ArrayList<>();
    spec.root()
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

  @Test
  void whenA2026ExampleHasAWrongTypeThenTheFailureNamesTheExampleAndTheField() {
    SpecDocument spec =
        SpecDocument.of(
            SpecDocument.packagedText(SpecDocument.SPEC_2026_03)
                .replace("expires_in: 1800\n", "expires_in: \"soon\"\n"));

    List<String> failures = new ArrayList<>();
    for (ExampleCase example : spec.examples()) {
      spec.validate(example.schemaPointer(), example.value())
          .forEach(error -> failures.add(example.name() + ": " + error));
    }

    assertThat(failures)
        .anySatisfy(
            failure ->
                assertThat(failure)
                    .startsWith("AccessTokenResponseExample")
                    .contains("/expires_in")
                    .contains("integer"))
        .anySatisfy(
            failure ->
                assertThat(failure)
                    .startsWith("ClientCredentialsTokenResponseExample")
                    .contains("/expires_in"));
  }
}
