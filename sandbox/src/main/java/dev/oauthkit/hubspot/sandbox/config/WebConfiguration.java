package dev.oauthkit.hubspot.sandbox.config;

import dev.oauthkit.hubspot.sandbox.admin.AdminAuthInterceptor;
import dev.oauthkit.hubspot.sandbox.admin.AdminKey;
import dev.oauthkit.hubspot.sandbox.fault.FaultInjector;
import dev.oauthkit.hubspot.sandbox.fault.FaultInterceptor;
import dev.oauthkit.hubspot.sandbox.web.BodyFilter;
import dev.oauthkit.hubspot.sandbox.web.JsonErrorValve;
import dev.oauthkit.hubspot.sandbox.web.RequestLogFilter;
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
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * HTTP set-up: the request log and body filters, the admin key check, JSON whatever the Accept
 * header says, and Tomcat's error page replaced by JSON Error bodies.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

  private final AdminKey adminKey;
  private final FaultInjector faults;

  public WebConfiguration(AdminKey adminKey, FaultInjector faults) {
    this.adminKey = adminKey;
    this.faults = faults;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new AdminAuthInterceptor(adminKey)).addPathPatterns("/sandbox/v1/**");
    registry.addInterceptor(new FaultInterceptor(faults)).addPathPatterns("/oauth/v1/**");
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

  @Bean
  FilterRegistrationBean<BodyFilter> bodyFilter() {
    FilterRegistrationBean<BodyFilter> bean = new FilterRegistrationBean<>(new BodyFilter());
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return bean;
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> sandboxTomcat() {
    return factory -> {
      factory.addConnectorCustomizers(
          connector -> connector.setEncodedSolidusHandling("passthrough"));
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
