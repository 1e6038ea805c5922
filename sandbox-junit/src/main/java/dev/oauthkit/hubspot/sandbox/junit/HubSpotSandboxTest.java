package dev.oauthkit.hubspot.sandbox.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a HubSpot OAuth sandbox (memory store, free port) for the annotated test class and injects
 * it into test and lifecycle methods that take a {@link HubSpotSandbox} parameter. For other
 * settings, or to use the sandbox from a static field, register a {@link HubSpotSandboxExtension}
 * built with {@link HubSpotSandboxExtension#builder()} instead.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(HubSpotSandboxExtension.class)
public @interface HubSpotSandboxTest {

  /**
   * One sandbox for the whole run, shared by every class that asks for it, instead of per class.
   */
  boolean perRun() default false;

  /** Whether a refresh grant replaces the refresh token (HubSpot keeps it). */
  boolean rotateRefreshTokens() default false;
}
