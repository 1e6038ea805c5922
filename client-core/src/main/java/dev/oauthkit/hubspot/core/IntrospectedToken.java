package dev.oauthkit.hubspot.core;

/**
 * What introspection (date versions, RFC 7662) says about a token: an {@link ActiveAccessToken}, an
 * {@link ActiveRefreshToken}, or an {@link InactiveToken} (unknown, expired or revoked). Switch on
 * it with {@code instanceof} patterns. {@code toString()} shows fingerprints, never a token.
 */
public sealed interface IntrospectedToken
    permits ActiveAccessToken, ActiveRefreshToken, InactiveToken {

  /** Returns whether the token is active: true for the two active kinds, false otherwise. */
  boolean active();
}
