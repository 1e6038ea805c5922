package dev.oauthkit.hubspot.sandbox.config;

import dev.oauthkit.hubspot.sandbox.admin.AdminAuthInterceptor;
import dev.oauthkit.hubspot.sandbox.admin.AdminKey;
import dev.oauthkit.hubspot.sandbox.admin.SandboxAdminController;
import dev.oauthkit.hubspot.sandbox.api.ApiVersions;
import dev.oauthkit.hubspot.sandbox.api.HubSpotApiFilter;
import dev.oauthkit.hubspot.sandbox.api.HubSpotOperation;
import dev.oauthkit.hubspot.sandbox.api.JsonErrorValve;
import dev.oauthkit.hubspot.sandbox.api.OperationBinder;
import dev.oauthkit.hubspot.sandbox.app.AppRegistry;
import dev.oauthkit.hubspot.sandbox.authorize.CodeIssuer;
import dev.oauthkit.hubspot.sandbox.authorize.ConsentEndpoint;
import dev.oauthkit.hubspot.sandbox.authorize.HubAccounts;
import dev.oauthkit.hubspot.sandbox.fault.FaultInjector;
import dev.oauthkit.hubspot.sandbox.grant.ClientCredentialsGrant;
import dev.oauthkit.hubspot.sandbox.grant.TokenMint;
import dev.oauthkit.hubspot.sandbox.store.SandboxStore;
import dev.oauthkit.hubspot.sandbox.token.AccessTokens;
import dev.oauthkit.hubspot.sandbox.token.AccessTokensEndpoint;
import dev.oauthkit.hubspot.sandbox.token.EarlyExpiry;
import dev.oauthkit.hubspot.sandbox.token.OAuthTokensEndpoint;
import dev.oauthkit.hubspot.sandbox.token.RefreshTokensEndpoint;
import dev.oauthkit.hubspot.sandbox.token.TokenEndpoint;
import dev.oauthkit.hubspot.sandbox.token.TokenIntrospector;
import dev.oauthkit.hubspot.sandbox.token.TokenMetadataService;
import dev.oauthkit.hubspot.sandbox.token.TokenService;
import dev.oauthkit.hubspot.sandbox.web.BodyFilter;
import dev.oauthkit.hubspot.sandbox.web.HostFilter;
import dev.oauthkit.hubspot.sandbox.web.RequestLogFilter;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.List;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * HTTP set-up, in the order a request meets it: the request log filter, the host check (421), the
 * body filter, then the one request path for everything under {@code /oauth/} ({@link
 * HubSpotApiFilter}); only the admin API goes on to Spring MVC (admin key check, JSON whatever the
 * Accept header says). Tomcat's error page is replaced by JSON Error bodies.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

  private final AdminKey adminKey;

  public WebConfiguration(AdminKey adminKey) {
    this.adminKey = adminKey;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new AdminAuthInterceptor(adminKey))
        .addPathPatterns("/sandbox/v1/**")
        .excludePathPatterns(SandboxAdminController.HEALTH_PATH);
  }

  @Bean
  StrictJson strictJson() {
    return new StrictJson();
  }

  @Bean
  FaultInjector faultInjector() {
    return FaultInjector.forOperations(
        HubSpotOperation.all().stream()
            .map(HubSpotOperation::operationId)
            .collect(java.util.stream.Collectors.toUnmodifiableSet()));
  }

  @Bean
  EarlyExpiry earlyExpiry(Clock clock) {
    return EarlyExpiry.of(clock);
  }

  @Bean
  OperationBinder operationBinder(
      TokenService tokens,
      TokenMetadataService metadata,
      EarlyExpiry earlyExpiry,
      SandboxStore store,
      AppRegistry apps,
      TokenMint mint,
      AccessTokens accessTokens,
      Clock clock) {
    return OperationBinder.of(
        List.of(
            new TokenEndpoint(tokens),
            new AccessTokensEndpoint(metadata, earlyExpiry),
            new RefreshTokensEndpoint(metadata),
            new OAuthTokensEndpoint(
                tokens.with(ClientCredentialsGrant.of(store, mint)),
                TokenIntrospector.of(store, accessTokens, clock, earlyExpiry),
                apps)));
  }

  @Bean
  ConsentEndpoint consentEndpoint(
      AppRegistry apps, CodeIssuer issuer, HubAccounts accounts, Clock clock) {
    return ConsentEndpoint.of(apps, issuer, accounts, clock);
  }

  /** The HubSpot API versions the sandbox knows: one per document in the spec jar. */
  @Bean
  ApiVersions apiVersions() {
    return ServedVersions.known();
  }

  @Bean
  FilterRegistrationBean<HubSpotApiFilter> hubSpotApiFilter(
      OperationBinder binder,
      FaultInjector faults,
      ConsentEndpoint consent,
      ApiVersions known,
      SandboxSettings settings) {
    FilterRegistrationBean<HubSpotApiFilter> bean =
        new FilterRegistrationBean<>(
            HubSpotApiFilter.of(binder, faults, consent, known, settings.apiVersions()));
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
    bean.addUrlPatterns(HubSpotApiFilter.PREFIX + "*");
    bean.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
    return bean;
  }

  @Override
  public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
    configurer.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON);
  }

  @Bean
  FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
    FilterRegistrationBean<RequestLogFilter> bean =
        new FilterRegistrationBean<>(new RequestLogFilter());
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return bean;
  }

  /** 421 for a {@code Host} the sandbox does not serve (DNS rebinding), before the body is read. */
  @Bean
  FilterRegistrationBean<HostFilter> hostFilter(SandboxSettings settings, Environment environment) {
    String bind = environment.getProperty("server.address", "127.0.0.1");
    FilterRegistrationBean<HostFilter> bean =
        new FilterRegistrationBean<>(HostFilter.of(bind, settings.allowedHosts()));
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return bean;
  }

  @Bean
  FilterRegistrationBean<BodyFilter> bodyFilter() {
    FilterRegistrationBean<BodyFilter> bean = new FilterRegistrationBean<>(new BodyFilter());
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    bean.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
    return bean;
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> sandboxTomcat(
      SandboxSettings settings) {
    return factory -> {
      factory.setPort(settings.port());
      factory.setAddress(settings.address());
      factory.addConnectorCustomizers(
          connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            // Browsers send these raw in a query (WHATWG URL): an authorize link holding one gets
            // the consent page, as at HubSpot, not a 400 for a malformed request.
            connector.setProperty("relaxedQueryChars", "|{}^`\\[]");
            // And in a path: a v1 token path holding one reaches its operation, which answers
            // the 401 it documents for a bad token, not the parser's 400.
            connector.setProperty("relaxedPathChars", "\"<>|{}^`\\[]");
          });
      factory.addContextCustomizers(
          context -> {
            StandardHost host = (StandardHost) context.getParent();
            host.setErrorReportValveClass(JsonErrorValve.class.getName());
            host.addLifecycleListener(
                event -> {
                  if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
                    keepOnlyJsonErrorValve(host.getPipeline());
                  }
                });
          });
    };
  }

  private static void keepOnlyJsonErrorValve(Pipeline pipeline) {
    for (Valve valve : pipeline.getValves()) {
      if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorValve)) {
        pipeline.removeValve(valve);
      }
    }
  }
}
