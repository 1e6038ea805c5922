package dev.oauthkit.hubspot.spring.boot;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code hubSpotOAuth} health indicator ({@link HubSpotOAuthHealthIndicator}) when Spring
 * Boot's health support (Actuator) is on the classpath, {@code hubspot.oauth.client-id} is set and
 * there is a token provider (the starter's, or the user's). Off with {@code
 * management.health.hubspot.enabled=false}.
 */
@AutoConfiguration(after = HubSpotOAuthAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnProperty(prefix = HubSpotOAuthProperties.PREFIX, name = "client-id")
@ConditionalOnBean(AccessTokenProvider.class)
@ConditionalOnEnabledHealthIndicator("hubspot")
public final class HubSpotOAuthHealthAutoConfiguration {

  /** The name of the indicator's bean; a bean of the user's by it replaces it. */
  public static final String HEALTH_INDICATOR = "hubSpotOAuthHealthIndicator";

  @Bean(HEALTH_INDICATOR)
  @ConditionalOnMissingBean(name = HEALTH_INDICATOR)
  HubSpotOAuthHealthIndicator hubSpotOAuthHealthIndicator(AccessTokenProvider provider) {
    return HubSpotOAuthHealthIndicator.create(provider);
  }
}
