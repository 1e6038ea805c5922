package dev.oauthkit.hubspot.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The packaged spec parses cleanly and keeps everything the seed documented. */
class SpecParseTest {

  private static SwaggerParseResult parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().readLocation(SpecDocument.CLASSPATH_SPEC, null, options);
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
        .containsOnlyKeys("200", "400", "401", "500");
    assertThat(api.getPaths().get("/oauth/v1/access-tokens/{token}").getGet().getResponses())
        .containsOnlyKeys("200", "401", "500");
    assertThat(api.getPaths().get("/oauth/v1/refresh-tokens/{token}").getGet().getResponses())
        .containsOnlyKeys("200", "401", "500");
    assertThat(api.getPaths().get("/oauth/v1/refresh-tokens/{token}").getDelete().getResponses())
        .containsOnlyKeys("204", "401", "500");
  }
}
