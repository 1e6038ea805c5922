/**
 * The HubSpot OAuth kit's Spring Boot 4 starter: {@link
 * dev.oauthkit.hubspot.spring.boot.HubSpotOAuthAutoConfiguration} registers a client, its token
 * provider and a host-restricted bearer interceptor on the {@code RestClient.Builder} from {@code
 * hubspot.oauth.*} ({@link dev.oauthkit.hubspot.spring.boot.HubSpotOAuthProperties}); {@link
 * dev.oauthkit.hubspot.spring.boot.HubSpotOAuthHealthAutoConfiguration} adds a health indicator.
 */
package dev.oauthkit.hubspot.spring.boot;
