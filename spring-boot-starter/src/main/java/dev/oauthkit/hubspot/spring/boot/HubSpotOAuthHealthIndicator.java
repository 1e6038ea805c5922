package dev.oauthkit.hubspot.spring.boot;

import dev.oauthkit.hubspot.core.AccessTokenProvider;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP when the {@link AccessTokenProvider} can hand out an access token (its cached one while it is
 * fresh, otherwise a refresh, with the provider's retries); DOWN otherwise, with the error's {@code
 * category}: HubSpot's (for a refresh token HubSpot no longer knows, {@code VALIDATION_ERROR} with
 * its {@code subCategory}) or {@code HTTP_<status>} for an error answer, {@code IO_ERROR} when
 * HubSpot could not be reached, {@code NO_TOKEN} for anything else (such as a missing refresh
 * token). Never the token, the secret or a message in its details.
 */
public final class HubSpotOAuthHealthIndicator implements HealthIndicator {

  private final AccessTokenProvider provider;

  private HubSpotOAuthHealthIndicator(AccessTokenProvider provider) {
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  /**
   * Creates the indicator.
   *
   * @param provider the token provider to ask
   * @return the indicator
   */
  public static HubSpotOAuthHealthIndicator create(AccessTokenProvider provider) {
    return new HubSpotOAuthHealthIndicator(provider);
  }

  @Override
  public Health health() {
    try {
      provider.accessToken();
      return Health.up().build();
    } catch (HubSpotOAuthException e) {
      Health.Builder down =
          Health.down()
              .withDetail("category", e.category().orElse("HTTP_" + e.httpStatus()))
              .withDetail("httpStatus", e.httpStatus());
      e.subCategory().ifPresent(subCategory -> down.withDetail("subCategory", subCategory));
      return down.build();
    } catch (UncheckedIOException e) {
      return Health.down().withDetail("category", "IO_ERROR").build();
    } catch (RuntimeException e) {
      return Health.down()
          .withDetail("category", "NO_TOKEN")
          .withDetail("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
