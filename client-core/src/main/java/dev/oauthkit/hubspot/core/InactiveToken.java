package dev.oauthkit.hubspot.core;

/**
 * A token introspection does not know, or no longer: unknown, expired or revoked ({@code {"active":
 * false}}).
 */
public record InactiveToken() implements IntrospectedToken {

  @Override
  public boolean active() {
    return false;
  }
}
