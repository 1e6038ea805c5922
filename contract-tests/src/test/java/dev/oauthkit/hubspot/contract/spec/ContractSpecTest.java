package dev.oauthkit.hubspot.contract.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ContractSpecTest {

  private static final ContractSpec SPEC = ContractSpec.packaged();

  @Test
  void whenPackagedSpecIsEnumeratedThenEveryOperationAndStatusIsListed() {
    assertThat(SPEC.operations())
        .extracting(OperationContract::operationId)
        .containsExactlyInAnyOrder(
            "getAccessTokenMetadata",
            "getRefreshTokenMetadata",
            "revokeRefreshToken",
            "createOrRefreshAccessToken");
    assertThat(SPEC.operation("createOrRefreshAccessToken").statuses())
        .containsExactly("200", "400", "401", "500", "503");
    assertThat(SPEC.operation("revokeRefreshToken").response(204).orElseThrow().hasBody())
        .isFalse();
  }

  @Test
  void whenADocumentsNameIsReadThenOnlyV1AndYearMonthNamesAreVersions() {
    // As the sandbox reads them (ApiVersions): a draft or a 13th month is no version it serves.
    assertThat(ContractSpec.PACKAGED_DOCUMENT.matcher("hubspot-oauth-v1.yaml").matches()).isTrue();
    assertThat(ContractSpec.PACKAGED_DOCUMENT.matcher("hubspot-oauth-2027-03.yaml").matches())
        .isTrue();
    assertThat(ContractSpec.PACKAGED_DOCUMENT.matcher("hubspot-oauth-2027-03-draft.yaml").matches())
        .isFalse();
    assertThat(ContractSpec.PACKAGED_DOCUMENT.matcher("hubspot-oauth-2027-13.yaml").matches())
        .isFalse();
    assertThat(ContractSpec.PACKAGED_DOCUMENT.matcher("sandbox-admin-v1.yaml").matches()).isFalse();
  }

  @Test
  void whenEveryPackagedDocumentIsReadThenEachOperationKnowsItsVersion() {
    ContractSpec all = ContractSpec.packagedAll();

    // v1 first, then every date version in the jar, oldest first (a new one joins without edits).
    assertThat(all.versions()).startsWith("v1").containsSubsequence("v1", "2026-03", "2026-09");
    List<String> expected =
        new ArrayList<>(
            List.of(
                "v1 getAccessTokenMetadata",
                "v1 getRefreshTokenMetadata",
                "v1 revokeRefreshToken",
                "v1 createOrRefreshAccessToken"));
    for (String version : all.versions().subList(1, all.versions().size())) {
      assertThat(version).matches("\\d{4}-\\d{2}");
      for (String operationId : List.of("createToken", "introspectToken", "revokeToken")) {
        expected.add(version + " " + operationId);
      }
    }
    assertThat(all.operations())
        .extracting(operation -> operation.version() + " " + operation.operationId())
        .containsExactlyElementsOf(expected);
    assertThat(all.has("createAuthorizationCode")).as("not the sandbox admin document").isFalse();
    assertThat(
            all.find("2026-03", "revokeToken").orElseThrow().response(200).orElseThrow().hasBody())
        .isFalse();
    assertThat(all.find("2026-03", "introspectToken").orElseThrow().requestFields())
        .extracting(RequestField::name)
        .containsExactly("client_id", "client_secret", "token", "token_type_hint");
    assertThat(all.find("2026-03", "createToken").orElseThrow().requestFields())
        .filteredOn(field -> field.name().equals("grant_type"))
        .singleElement()
        .satisfies(
            field ->
                assertThat(field.enumValues())
                    .containsExactly("authorization_code", "refresh_token", "client_credentials"));
  }

  @Test
  void whenBothDocumentsAreReadThenEachValidatesAgainstItsOwnSchemas() {
    ContractSpec all = ContractSpec.packagedAll();
    ResponseContract introspection =
        all.find("2026-03", "introspectToken").orElseThrow().response(200).orElseThrow();
    ResponseContract v1Error = all.operation("getAccessTokenMetadata").response(401).orElseThrow();

    assertThat(
            all.validate(
                introspection, JsonMapper.builder().build().readTree("{\"active\":false}")))
        .isEmpty();
    assertThat(all.validate(introspection, JsonMapper.builder().build().readTree("{}")))
        .containsExactly("/active: required property 'active' not found");
    assertThat(all.validate(v1Error, JsonMapper.builder().build().readTree("{\"message\":7}")))
        .anyMatch(violation -> violation.startsWith("/message: "));
  }

  @Test
  void whenOnlySomeVersionsAreChosenThenTheOthersOperationsAndExamplesAreLeftOut() {
    ContractSpec all = ContractSpec.packagedAll();
    String newest = all.versions().get(all.versions().size() - 1);

    ContractSpec only = all.only(List.of(newest));

    assertThat(only.versions()).containsExactly(newest);
    assertThat(only.has("createOrRefreshAccessToken")).isFalse();
    assertThat(only.find(newest, "createToken")).isPresent();
    assertThat(only.find("v1", "createToken")).isEmpty();
    assertThat(only.responseExamples())
        .isNotEmpty()
        .allMatch(example -> example.operation().version().equals(newest));
    ResponseContract introspection =
        only.find(newest, "introspectToken").orElseThrow().response(200).orElseThrow();
    assertThat(only.validate(introspection, JsonMapper.builder().build().readTree("{}")))
        .containsExactly("/active: required property 'active' not found");
  }

  @Test
  void whenAChosenVersionIsUnknownThenTheErrorListsTheKnownOnes() {
    ContractSpec all = ContractSpec.packagedAll();

    assertThatThrownBy(() -> all.only(List.of("v1", "1999-01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown API version 1999-01 (known: " + String.join(", ", all.versions()) + ")");
    assertThatThrownBy(() -> all.only(List.of()))
        .hasMessage("versions must name at least one API version");
  }

  @Test
  void whenTwoVersionsShareOperationIdsThenEachIsFoundByVersionAndTheBareIdIsAmbiguous()
      throws IOException {
    String v1 = packagedText();

    ContractSpec two = ContractSpec.of(List.of(v1, v1.replace("/oauth/v1/", "/oauth/v9/")));

    assertThat(two.versions()).containsExactly("v1", "v9");
    assertThat(two.find("v9", "revokeRefreshToken").orElseThrow().path())
        .isEqualTo("/oauth/v9/refresh-tokens/{token}");
    assertThat(two.only(List.of("v9")).operation("revokeRefreshToken").version()).isEqualTo("v9");
    assertThatThrownBy(() -> two.operation("revokeRefreshToken"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "operationId revokeRefreshToken is in API versions v1, v9: use find(version,"
                + " operationId)");
  }

  @Test
  void whenADocumentsPathsSitUnderItsServerUrlThenOperationsHaveTheFullPathAndItsVersion()
      throws IOException {
    String relative =
        packagedText()
            .replace("- url: https://api.hubapi.com\n", "- url: https://api.hubapi.com/oauth/v9\n")
            .replace("\n  /oauth/v1/", "\n  /");

    ContractSpec spec = ContractSpec.of(relative);

    assertThat(spec.versions()).containsExactly("v9");
    assertThat(spec.operation("getAccessTokenMetadata").path())
        .isEqualTo("/oauth/v9/access-tokens/{token}");
    assertThat(spec.operation("createOrRefreshAccessToken").path()).isEqualTo("/oauth/v9/token");
    ResponseContract error = spec.operation("getAccessTokenMetadata").response(401).orElseThrow();
    assertThat(spec.validate(error, JsonMapper.builder().build().readTree("{\"message\":7}")))
        .anyMatch(violation -> violation.startsWith("/message: "));
  }

  @Test
  void whenTwoDocumentsOfOneVersionShareAnOperationIdThenTheSpecIsRefused() throws IOException {
    String text = packagedText();

    assertThatThrownBy(() -> ContractSpec.of(List.of(text, text)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operationId");
  }

  @Test
  void whenResponseExamplesAreEnumeratedThenEachNamedExampleAppearsOnce() {
    List<String> labels = SPEC.responseExamples().stream().map(ExampleCase::label).toList();

    assertThat(labels)
        .doesNotHaveDuplicates()
        .contains(
            "getAccessTokenMetadata 200 AccessTokenMetadataSuccessExample",
            "createOrRefreshAccessToken 400 BadAuthCodeErrorExample",
            "createOrRefreshAccessToken 401 BadClientIdErrorExample",
            "revokeRefreshToken 204",
            "createOrRefreshAccessToken 503 ServiceUnavailableErrorExample")
        .hasSize(22);
  }

  @Test
  void whenSpecGainsAnExampleThenTheEnumeratedSetGrows() throws IOException {
    String text = packagedText();
    String extra =
        text.replace(
            "                BadRedirectUriErrorExample:\n",
            "                ExtraErrorExample:\n"
                + "                  value:\n"
                + "                    category: VALIDATION_ERROR\n"
                + "                    correlationId: 2f0c1c3e-9a0d-4d8e-8a57-9f4f1f3b2c10\n"
                + "                    message: extra\n"
                + "                BadRedirectUriErrorExample:\n");
    assertThat(extra).isNotEqualTo(text);

    ContractSpec grown = ContractSpec.of(extra);

    assertThat(grown.responseExamples()).hasSize(SPEC.responseExamples().size() + 1);
    assertThat(grown.responseExamples())
        .extracting(ExampleCase::label)
        .contains("createOrRefreshAccessToken 400 ExtraErrorExample");
  }

  @Test
  void whenEachExampleIsValidatedAgainstItsResponseSchemaThenItPasses() {
    for (ExampleCase example : SPEC.responseExamples()) {
      if (example.body() != null) {
        assertThat(SPEC.validate(example.response(), example.body())).as(example.label()).isEmpty();
      }
    }
  }

  @Test
  void whenBodyHasAFieldOfTheWrongTypeThenTheViolationNamesTheField() {
    ResponseContract ok = SPEC.operation("getAccessTokenMetadata").response(200).orElseThrow();
    var body =
        JsonMapper.builder()
            .build()
            .readTree(
                "{\"token\":\"t\",\"app_id\":\"x\",\"hub_id\":1,\"scopes\":[],"
                    + "\"token_type\":\"access\",\"expires_in\":1}");

    assertThat(SPEC.validate(ok, body)).singleElement().asString().contains("/app_id");
  }

  @Test
  void whenOperationIdIsUnknownThenTheErrorNamesIt() {
    assertThatThrownBy(() -> SPEC.operation("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no operation nope");
  }

  @Test
  void whenTextIsNotASpecThenTheErrorSaysSo() {
    assertThatThrownBy(() -> ContractSpec.of("not: [a spec"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("spec does not parse");
  }

  private static String packagedText() throws IOException {
    try (InputStream in =
        ContractSpecTest.class.getClassLoader().getResourceAsStream(ContractSpec.PACKAGED_SPEC)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
