package dev.oauthkit.hubspot.core;

import java.time.Duration;
import java.util.List;

/**
 * A successful token response, typed by its shape: {@link UserTokens} (authorization-code and
 * refresh grants: an access token and a refresh token) or {@link ClientCredentialsToken} (the
 * client-credentials grant: an access token only). On date versions the shape is told by the
 * answer's {@code token_use}. {@code toString()} shows fingerprints, never a token.
 */
public sealed interface TokenGrant permits UserTokens, ClientCredentialsToken {

  /** Returns the access token, sent to other HubSpot APIs as a bearer token. Never log it. */
  String accessToken();

  /** Returns how long the access token is valid, counted from when the answer arrived. */
  Duration expiresIn();

  /** Returns the token type, normally {@code bearer}. */
  String tokenType();

  /** Returns the scopes granted, empty when the server did not list them (v1 never does). */
  List<String> scopes();
}
