package dev.oauthkit.hubspot.contract.stubs;

import dev.oauthkit.hubspot.contract.spec.ContractSpec;
import dev.oauthkit.hubspot.server.api.AccessTokensApi;
import dev.oauthkit.hubspot.server.api.RefreshTokensApi;
import dev.oauthkit.hubspot.server.api.TokenManagementApi;
import dev.oauthkit.hubspot.server.dated.api.OAuthTokensApi;
import dev.oauthkit.hubspot.server.dated.model.CreateTokenResponse;
import dev.oauthkit.hubspot.server.dated.model.TokenIntrospection;
import dev.oauthkit.hubspot.server.model.AccessTokenMetadata;
import dev.oauthkit.hubspot.server.model.HubSpotError;
import dev.oauthkit.hubspot.server.model.RefreshTokenMetadata;
import dev.oauthkit.hubspot.server.model.TokenResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The smallest Spring MVC server a team would write on the generated stubs: one controller
 * implementing the three v1 interfaces, one the date versions' ({@code dated.api.OAuthTokensApi},
 * under the path prefix {@code /oauth/{apiVersion}}), answering the spec's examples as the
 * generated models of each shape. (The nested controller and advice are registered as member
 * classes of this configuration.)
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({
  PropertyPlaceholderAutoConfiguration.class,
  TomcatServletWebServerAutoConfiguration.class,
  DispatcherServletAutoConfiguration.class,
  WebMvcAutoConfiguration.class,
  HttpMessageConvertersAutoConfiguration.class,
  JacksonAutoConfiguration.class
})
class ExampleServer {

  @Bean
  ExampleAnswers exampleAnswers() {
    return new ExampleAnswers(ContractSpec.packagedAll());
  }

  /** Starts the server on a free port. */
  static ConfigurableApplicationContext start() {
    return SpringApplication.run(
        ExampleServer.class,
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off",
        "--spring.main.log-startup-info=false",
        "--spring.jackson.default-property-inclusion=non_null");
  }

  static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** An answer other than 200, carried to {@link Failures}. */
  static final class ExampleError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String operationId;
    final int status;

    ExampleError(String operationId, int status) {
      super(operationId + " " + status, null, false, false);
      this.operationId = operationId;
      this.status = status;
    }
  }

  /**
   * The date versions' interface has paths relative to {@code /oauth/<version>}: one path prefix
   * serves every date version, as a team would configure it.
   */
  @Bean
  WebMvcConfigurer datedVersions() {
    return new WebMvcConfigurer() {
      @Override
      public void configurePathMatch(PathMatchConfigurer configurer) {
        configurer.addPathPrefix(
            "/oauth/{apiVersion}", HandlerTypePredicate.forAssignableType(OAuthTokensApi.class));
      }
    };
  }

  /** The v1 interfaces. */
  @RestController
  static final class Endpoints extends Examples
      implements TokenManagementApi, AccessTokensApi, RefreshTokensApi {

    Endpoints(ExampleAnswers answers, JsonMapper json) {
      super(answers, json);
    }

    @Override
    public ResponseEntity<TokenResponse> createOrRefreshAccessToken(
        String grantType,
        String clientId,
        String clientSecret,
        String redirectUri,
        String code,
        String refreshToken) {
      Map<String, String> args = new LinkedHashMap<>();
      args.put("grant_type", grantType);
      args.put("client_id", clientId);
      args.put("client_secret", clientSecret);
      args.put("redirect_uri", redirectUri);
      args.put("code", code);
      args.put("refresh_token", refreshToken);
      return ok("createOrRefreshAccessToken", args, TokenResponse.class);
    }

    @Override
    public ResponseEntity<AccessTokenMetadata> getAccessTokenMetadata(String token) {
      return ok("getAccessTokenMetadata", Map.of("token", token), AccessTokenMetadata.class);
    }

    @Override
    public ResponseEntity<RefreshTokenMetadata> getRefreshTokenMetadata(String token) {
      return ok("getRefreshTokenMetadata", Map.of("token", token), RefreshTokenMetadata.class);
    }

    @Override
    public ResponseEntity<Void> revokeRefreshToken(String token) {
      int status = answers.answer("revokeRefreshToken", Map.of("token", token));
      if (status != 200) {
        throw new ExampleError("revokeRefreshToken", status);
      }
      return ResponseEntity.noContent().build();
    }
  }

  /** The date versions' interface, under {@code /oauth/<version>}. */
  @RestController
  static final class DatedEndpoints extends Examples implements OAuthTokensApi {

    DatedEndpoints(ExampleAnswers answers, JsonMapper json) {
      super(answers, json);
    }

    @Override
    public ResponseEntity<CreateTokenResponse> createToken(
        String grantType,
        String clientId,
        String clientSecret,
        String code,
        String redirectUri,
        String codeVerifier,
        String refreshToken,
        String scope,
        String clientAssertion,
        String clientAssertionType) {
      Map<String, String> args = new LinkedHashMap<>();
      args.put("grant_type", grantType);
      args.put("client_id", clientId);
      args.put("client_secret", clientSecret);
      args.put("code", code);
      args.put("redirect_uri", redirectUri);
      args.put("code_verifier", codeVerifier);
      args.put("refresh_token", refreshToken);
      args.put("scope", scope);
      args.put("client_assertion", clientAssertion);
      args.put("client_assertion_type", clientAssertionType);
      return ok("createToken", args, CreateTokenResponse.class);
    }

    @Override
    public ResponseEntity<TokenIntrospection> introspectToken(
        String clientId, String clientSecret, String token, String tokenTypeHint) {
      return ok(
          "introspectToken",
          tokenArgs(clientId, clientSecret, token, tokenTypeHint),
          TokenIntrospection.class);
    }

    @Override
    public ResponseEntity<Void> revokeToken(
        String clientId, String clientSecret, String token, String tokenTypeHint) {
      int status =
          answers.answer("revokeToken", tokenArgs(clientId, clientSecret, token, tokenTypeHint));
      if (status != 200) {
        throw new ExampleError("revokeToken", status);
      }
      return ResponseEntity.ok().build();
    }

    private static Map<String, String> tokenArgs(
        String clientId, String clientSecret, String token, String tokenTypeHint) {
      Map<String, String> args = new LinkedHashMap<>();
      args.put("client_id", clientId);
      args.put("client_secret", clientSecret);
      args.put("token", token);
      args.put("token_type_hint", tokenTypeHint);
      return args;
    }
  }

  /** What both controllers share: the spec's answers, as the generated models. */
  abstract static class Examples {
    final ExampleAnswers answers;
    private final JsonMapper json;

    Examples(ExampleAnswers answers, JsonMapper json) {
      this.answers = answers;
      this.json = json;
    }

    <T> ResponseEntity<T> ok(String operationId, Map<String, String> args, Class<T> type) {
      int status = answers.answer(operationId, args);
      if (status != 200) {
        throw new ExampleError(operationId, status);
      }
      return ResponseEntity.ok(json.treeToValue(answers.example(operationId, 200), type));
    }
  }

  @RestControllerAdvice
  static final class Failures {
    private final ExampleAnswers answers;
    private final JsonMapper json;

    Failures(ExampleAnswers answers, JsonMapper json) {
      this.answers = answers;
      this.json = json;
    }

    /** The example as the Error model of the operation's version. */
    @ExceptionHandler(ExampleError.class)
    ResponseEntity<Object> error(ExampleError error) {
      Class<?> model =
          answers.version(error.operationId).equals("v1")
              ? HubSpotError.class
              : dev.oauthkit.hubspot.server.dated.model.HubSpotError.class;
      Object body = json.treeToValue(answers.example(error.operationId, error.status), model);
      return ResponseEntity.status(error.status).body(body);
    }
  }
}
