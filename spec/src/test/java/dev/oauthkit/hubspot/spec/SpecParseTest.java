package dev.oauthkit.hubspot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged specs parse cleanly; v1 keeps everything the seed documented. */
class SpecParseTest {

  private static SwaggerParseResult parse() {
    return parse(SpecDocument.CLASSPATH_SPEC);
  }

  /** A packaged document, self-contained (see {@link SpecDocument#packagedText(String)}). */
  private static SwaggerParseResult parse(String name) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readContents(SpecDocument.packagedText(name), null, options);
  }

  @Test
  void whenSpecIsParsedThenThereAreNoMessages() {
    SwaggerParseResult result = parse();

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
  }

  @Test
  void whenAdminSpecIsParsedThenThereAreNoMessages() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readLocation(SpecDocument.ADMIN_SPEC, null, options);

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getPaths())
        .containsOnlyKeys(
            "/sandbox/v1/apps",
            "/sandbox/v1/authorization-codes",
            "/sandbox/v1/faults",
            "/sandbox/v1/clock",
            "/sandbox/v1/tokens/expire",
            "/sandbox/v1/reset",
            "/sandbox/v1/health");
  }

  @Test
  void whenSpecIsParsedThenEverySeedPathAndSchemaIsPresent() {
    OpenAPI api = parse().getOpenAPI();

    assertThat(api.getPaths())
        .containsOnlyKeys(
            "/oauth/v1/access-tokens/{token}",
            "/oauth/v1/refresh-tokens/{token}",
            "/oauth/v1/token");
    assertThat(api.getComponents().getSchemas())
        .containsOnlyKeys(
            "AccessTokenMetadata",
            "RefreshTokenMetadata",
            "TokenRequest",
            "TokenResponse",
            "Error",
            "ErrorDetail");
    assertThat(api.getComponents().getSchemas().get("Error").getProperties())
        .containsKeys(
            "category",
            "correlationId",
            "message",
            "subCategory",
            "context",
            "links",
            "errors",
            "status",
            "error",
            "error_description");
    assertThat(api.getComponents().getSchemas().get("Error").getRequired())
        .isEqualTo(List.of("category", "correlationId", "message"));
  }

  @Test
  void whenSeedStatusCodesAreListedThenEachIsStillDocumented() {
    OpenAPI api = parse().getOpenAPI();

    assertThat(api.getPaths().get("/oauth/v1/token").getPost().getResponses())
        .containsOnlyKeys("200", "400", "401", "500", "503");
    assertThat(api.getPaths().get("/oauth/v1/access-tokens/{token}").getGet().getResponses())
        .containsOnlyKeys("200", "401", "500", "503");
    assertThat(api.getPaths().get("/oauth/v1/refresh-tokens/{token}").getGet().getResponses())
        .containsOnlyKeys("200", "401", "500", "503");
    assertThat(api.getPaths().get("/oauth/v1/refresh-tokens/{token}").getDelete().getResponses())
        .containsOnlyKeys("204", "401", "500", "503");
  }

  @Test
  void whenAStoreOperationIsListedThenItDocuments503WithRetryAfterAndTheErrorBody() {
    Map<String, List<String>> storeOperations = new LinkedHashMap<>();
    for (String document : SpecDocument.HUBSPOT_SPECS) {
      storeOperations.put(document, List.of());
    }
    storeOperations.put(
        SpecDocument.ADMIN_SPEC,
        List.of("createApp", "createAuthorizationCode", "expireAccessToken"));
    storeOperations.forEach(
        (document, only) ->
            parse(document)
                .getOpenAPI()
                .getPaths()
                .forEach(
                    (path, item) ->
                        item.readOperations().stream()
                            .filter(op -> only.isEmpty() || only.contains(op.getOperationId()))
                            .forEach(
                                op -> {
                                  var unavailable = op.getResponses().get("503");
                                  assertThat(unavailable).as(op.getOperationId()).isNotNull();
                                  assertThat(unavailable.getHeaders())
                                      .as(op.getOperationId())
                                      .containsKey("Retry-After");
                                  assertThat(
                                          unavailable
                                              .getContent()
                                              .get("application/json")
                                              .getSchema()
                                              .get$ref())
                                      .as(op.getOperationId())
                                      .endsWith("/Error");
                                })));
  }

  private static Schema<?> property(Map<String, Schema> schemas, String schema, String name) {
    return (Schema<?>) schemas.get(schema).getProperties().get(name);
  }

  @Test
  void when2026SpecIsParsedThenThereAreNoMessages() {
    SwaggerParseResult result = parse(SpecDocument.SPEC_2026_03);

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    assertThat(result.getOpenAPI().getInfo().getVersion()).isEqualTo("2026-03");
  }

  @Test
  void when2026SpecIsParsedThenItHasTheThreeFormOperationsAndTheirStatuses() {
    OpenAPI api = parse(SpecDocument.SPEC_2026_03).getOpenAPI();

    assertThat(api.getPaths()).containsOnlyKeys("/token", "/token/introspect", "/token/revoke");
    Map<String, String> operationIds = new LinkedHashMap<>();
    api.getPaths()
        .forEach(
            (path, item) -> {
              assertThat(item.readOperations()).as(path).containsExactly(item.getPost());
              Operation post = item.getPost();
              operationIds.put(path, post.getOperationId());
              assertThat(post.getRequestBody().getContent())
                  .as(path)
                  .containsOnlyKeys("application/x-www-form-urlencoded");
              assertThat(post.getResponses())
                  .as(path)
                  .containsOnlyKeys("200", "400", "401", "500", "503");
            });
    assertThat(operationIds)
        .containsExactly(
            Map.entry("/token", "createToken"),
            Map.entry("/token/introspect", "introspectToken"),
            Map.entry("/token/revoke", "revokeToken"));
    assertThat(api.getPaths().get("/token/revoke").getPost().getResponses())
        .extractingByKey("200")
        .satisfies(ok -> assertThat(ok.getContent()).isNull());
  }

  @Test
  void when2026SpecIsParsedThenItsSchemasAreTheFlattenedUnionsAndTheErrorObject() {
    OpenAPI api = parse(SpecDocument.SPEC_2026_03).getOpenAPI();
    Map<String, Schema> schemas = api.getComponents().getSchemas();

    assertThat(schemas)
        .containsOnlyKeys(
            "CreateTokenRequest",
            "CreateTokenResponse",
            "IntrospectTokenRequest",
            "RevokeTokenRequest",
            "TokenIntrospection",
            "SignedAccessToken",
            "Error",
            "ErrorDetail");
    assertThat(schemas.get("CreateTokenRequest").getProperties())
        .containsOnlyKeys(
            "grant_type",
            "client_id",
            "client_secret",
            "code",
            "redirect_uri",
            "code_verifier",
            "refresh_token",
            "scope",
            "client_assertion",
            "client_assertion_type");
    assertThat(property(schemas, "CreateTokenRequest", "grant_type").getEnum())
        .map(String::valueOf)
        .containsExactly("authorization_code", "refresh_token", "client_credentials");
    assertThat(property(schemas, "CreateTokenResponse", "token_use").getEnum())
        .map(String::valueOf)
        .containsExactly("access_token", "client_credentials");
    assertThat(property(schemas, "CreateTokenResponse", "expires_in").getFormat())
        .isEqualTo("int64");
    assertThat(property(schemas, "TokenIntrospection", "token_use").getEnum())
        .map(String::valueOf)
        .containsExactly("access_token", "refresh_token");
    assertThat(schemas.get("TokenIntrospection").getRequired()).containsExactly("active");
    assertThat(schemas.get("SignedAccessToken").getRequired()).hasSize(17);
    assertThat(schemas.get("Error").getProperties())
        .containsKeys(
            "error", "error_description", "status", "message", "category", "correlationId");
    assertThat(schemas.get("Error").getRequired()).containsExactly("message");
    schemas.forEach(
        (name, schema) ->
            assertThat(schema.getOneOf()).as(name + " has no oneOf (see README)").isNull());
  }
}
