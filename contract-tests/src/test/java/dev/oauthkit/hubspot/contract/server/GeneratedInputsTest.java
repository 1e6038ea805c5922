package dev.oauthkit.hubspot.contract.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.contract.spec.OperationContract;
import dev.oauthkit.hubspot.contract.spec.RequestField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratedInputsTest {

  private static final ContractSpec SPEC = ContractSpec.packaged();
  private static final OperationContract TOKEN = SPEC.operation("createOrRefreshAccessToken");
  private static final OperationContract METADATA = SPEC.operation("getAccessTokenMetadata");
  private static final String FORM = "application/x-www-form-urlencoded";

  private static List<GeneratedRequest> draw(
      OperationContract operation, long seed, Map<String, String> known, int count) {
    GeneratedInputs inputs = GeneratedInputs.of(operation, seed, known);
    List<GeneratedRequest> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      requests.add(inputs.next());
    }
    return requests;
  }

  private static List<String> wire(List<GeneratedRequest> requests) {
    return requests.stream().map(r -> r.show("POST", "/p") + " " + r.pathValue()).toList();
  }

  @Test
  void whenA202603OperationIsDrawnThenItsFieldsAndEnumComeFromTheSpecAndTheClientIsMixedIn() {
    ContractSpec all = ContractSpec.packagedAll();
    String dated = all.versions().get(1);
    Map<String, String> known = Map.of("client_id", "the-id", "client_secret", "the-secret");
    for (String operationId : List.of("createToken", "introspectToken", "revokeToken")) {
      OperationContract operation = all.find(dated, operationId).orElseThrow();
      List<GeneratedRequest> requests = draw(operation, 11, known, 1000);
      List<String> names =
          requests.stream()
              .flatMap(request -> request.fields().stream())
              .map(GeneratedRequest.Field::name)
              .distinct()
              .toList();

      assertThat(requests).as(operationId).allMatch(request -> request.pathValue() == null);
      assertThat(names)
          .as(operationId)
          .containsAll(operation.requestFields().stream().map(RequestField::name).toList());
      assertThat(requests)
          .flatExtracting(GeneratedRequest::fields)
          .filteredOn(field -> field.kind() == GeneratedRequest.Kind.KNOWN)
          .extracting(GeneratedRequest.Field::name)
          .as(operationId + ": the registered client's fields")
          .contains("client_id", "client_secret");
      assertThat(requests)
          .as(operationId + ": well-formed requests with the whole registered client")
          .filteredOn(request -> FORM.equals(request.contentType()))
          .anyMatch(
              request -> knownOnce(request, "client_id") && knownOnce(request, "client_secret"));
    }
    assertThat(draw(all.find(dated, "createToken").orElseThrow(), 11, known, 1000))
        .flatExtracting(GeneratedRequest::fields)
        .extracting(field -> field.name() + "=" + field.value())
        .contains("grant_type=client_credentials", "grant_type=authorization_code");
  }

  private static boolean knownOnce(GeneratedRequest request, String name) {
    return request.fields().stream()
            .filter(field -> name.equals(field.name()))
            .filter(field -> field.kind() == GeneratedRequest.Kind.KNOWN)
            .count()
        == 1;
  }

  @Test
  void whenTheSeedIsTheSameThenTheRequestsAreTheSame() {
    for (OperationContract operation : SPEC.operations()) {
      assertThat(wire(draw(operation, 42, Map.of(), 1000)))
          .as(operation.operationId())
          .isEqualTo(wire(draw(operation, 42, Map.of(), 1000)));
    }
  }

  @Test
  void whenTheSeedDiffersThenTheRequestsDiffer() {
    assertThat(wire(draw(TOKEN, 1, Map.of(), 50))).isNotEqualTo(wire(draw(TOKEN, 2, Map.of(), 50)));
    assertThat(wire(draw(METADATA, 1, Map.of(), 50)))
        .isNotEqualTo(wire(draw(METADATA, 2, Map.of(), 50)));
  }

  @Test
  void whenAClientIsRegisteredThenOnlyItsValuesChangeNotTheShapeOfTheRequests() {
    List<GeneratedRequest> without = draw(TOKEN, 7, Map.of(), 300);
    List<GeneratedRequest> with =
        draw(TOKEN, 7, Map.of("client_id", "the-id", "client_secret", "the-secret"), 300);

    assertThat(with.stream().map(GeneratedRequest::describe).toList())
        .isEqualTo(without.stream().map(GeneratedRequest::describe).toList());
    assertThat(with)
        .flatExtracting(GeneratedRequest::fields)
        .filteredOn(field -> field.kind() == GeneratedRequest.Kind.KNOWN)
        .extracting(GeneratedRequest.Field::value)
        .contains("the-id", "the-secret")
        .doesNotContainNull();
  }

  @Test
  void whenTheSpecDocumentsTheFormThenItsFieldNamesAndEnumDriveTheRequests() {
    List<String> documented = TOKEN.requestFields().stream().map(RequestField::name).toList();
    List<String> grantTypes =
        TOKEN.requestFields().stream()
            .filter(field -> field.name().equals("grant_type"))
            .findFirst()
            .orElseThrow()
            .enumValues();
    List<GeneratedRequest> requests = draw(TOKEN, 3, Map.of(), 1000);
    List<GeneratedRequest.Field> fields =
        requests.stream().flatMap(request -> request.fields().stream()).toList();

    assertThat(documented)
        .containsExactly(
            "grant_type", "client_id", "client_secret", "redirect_uri", "code", "refresh_token");
    assertThat(grantTypes).containsExactly("authorization_code", "refresh_token");
    assertThat(fields)
        .filteredOn(field -> field.kind() != GeneratedRequest.Kind.RAW)
        .extracting(GeneratedRequest.Field::name)
        .containsOnlyElementsOf(documented)
        .containsAll(documented);
    assertThat(fields)
        .filteredOn(field -> "grant_type".equals(field.name()))
        .extracting(GeneratedRequest.Field::value)
        .containsAll(grantTypes)
        .contains("AUTHORIZATION_CODE", "refresh_toke");
  }

  @Test
  void whenManyRequestsAreDrawnThenEveryKindOfValueAppears() {
    List<GeneratedRequest> requests = draw(TOKEN, 11, Map.of(), 1000);

    // missing and repeated fields
    assertThat(requests).anyMatch(r -> count(r, "code") == 0).anyMatch(r -> count(r, "code") == 2);
    // malformed pairs and other content types, also none
    assertThat(requests)
        .anyMatch(r -> r.fields().stream().anyMatch(f -> f.kind() == GeneratedRequest.Kind.RAW))
        .anyMatch(r -> "application/json".equals(r.contentType()))
        .anyMatch(r -> r.contentType() == null)
        .anyMatch(r -> FORM.equals(r.contentType()));
    List<String> values =
        requests.stream()
            .flatMap(r -> r.fields().stream())
            .map(GeneratedRequest.Field::value)
            .toList();
    // boundary, wrong-typed, very long, non-ASCII values
    assertThat(values).contains("", "2147483648", "[]", "true", "\u0000");
    assertThat(values).anyMatch(v -> v.length() >= 500);
    assertThat(values).anyMatch(v -> v.codePoints().anyMatch(c -> c > 0xFFFF));
    // path tokens: encoded and malformed
    List<String> tokens =
        draw(METADATA, 11, Map.of(), 1000).stream().map(GeneratedRequest::pathValue).toList();
    assertThat(tokens).contains("%zz").anyMatch(t -> t.matches("[A-Za-z0-9._~-]{10,}"));
  }

  private static long count(GeneratedRequest request, String name) {
    return request.fields().stream().filter(field -> name.equals(field.name())).count();
  }
}
