package dev.oauthkit.hubspot.core.stack;

import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.HubSpotOAuthResponseException;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.core.TokenGrant;
import dev.oauthkit.hubspot.core.UserTokens;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * What differs between HubSpot's API versions, picked once per client: which operation takes a
 * grant, how a refresh token is revoked, and which calls exist. There are two shapes: v1, and the
 * date versions (every one of which has the same calls under its own path segment, which the
 * stack's generated date-version API reaches through {@link ApiVersion#apiRoot}).
 */
abstract sealed class VersionRoute {

  /** The date versions' token operation. */
  static final String CREATE_TOKEN = "createToken";

  /** Calls that exist in one shape of the API only. */
  enum Call {
    PKCE,
    CLIENT_CREDENTIALS,
    INTROSPECT,
    METADATA
  }

  private final Set<Call> calls;

  private VersionRoute(Set<Call> calls) {
    this.calls = calls;
  }

  /** Returns the route of {@code version}. */
  static VersionRoute of(ApiVersion version) {
    return version.isDated() ? new Dated() : new V1();
  }

  /** Returns whether the version has {@code call}. */
  final boolean supports(Call call) {
    return calls.contains(call);
  }

  /** Returns what to use instead of {@code call}, which this version lacks. */
  abstract String hint(Call call);

  /** Returns the operationId of the authorization-code and refresh grants. */
  abstract String tokenOperation();

  /** Returns the operationId of refresh-token revocation. */
  abstract String revokeOperation();

  /** One authorization-code or refresh grant. */
  abstract UserTokens userTokens(AbstractHubSpotOAuthClient client, TokenForm form, String secret)
      throws IOException;

  /** Revokes {@code refreshToken}. */
  abstract void revoke(
      AbstractHubSpotOAuthClient client, OAuthCredentials credentials, String refreshToken)
      throws IOException;

  /**
   * {@code /oauth/v1/...}: one token operation, metadata and revocation with the token in the path.
   */
  private static final class V1 extends VersionRoute {

    private static final String TOKEN_OPERATION = "createOrRefreshAccessToken";

    V1() {
      super(EnumSet.of(Call.METADATA));
    }

    @Override
    String hint(Call call) {
      return "it is a date-version call; HubSpot's v1 API has none. Build the client without"
          + " .apiVersion(ApiVersion.V1) to use "
          + ApiVersion.newest();
    }

    @Override
    String tokenOperation() {
      return TOKEN_OPERATION;
    }

    @Override
    String revokeOperation() {
      return "revokeRefreshToken";
    }

    @Override
    UserTokens userTokens(AbstractHubSpotOAuthClient client, TokenForm form, String secret)
        throws IOException {
      return TokenResults.userTokens(
          TOKEN_OPERATION, client.execute(TOKEN_OPERATION, client.tokenCall(form), secret));
    }

    @Override
    void revoke(AbstractHubSpotOAuthClient client, OAuthCredentials credentials, String token)
        throws IOException {
      client.send(revokeOperation(), client.revokeCall(token), token);
    }
  }

  /** {@code /oauth/<date version>/token}, {@code /token/introspect}, {@code /token/revoke}. */
  private static final class Dated extends VersionRoute {

    Dated() {
      super(EnumSet.of(Call.PKCE, Call.CLIENT_CREDENTIALS, Call.INTROSPECT));
    }

    @Override
    String hint(Call call) {
      return "on date versions use introspect(token) (POST /oauth/<version>/token/introspect),"
          + " or build the client with .apiVersion(ApiVersion.V1) until HubSpot's v1 sunset";
    }

    @Override
    String tokenOperation() {
      return CREATE_TOKEN;
    }

    @Override
    String revokeOperation() {
      return "revokeToken";
    }

    @Override
    UserTokens userTokens(AbstractHubSpotOAuthClient client, TokenForm form, String secret)
        throws IOException {
      TokenGrant grant =
          TokenResults.grant(
              CREATE_TOKEN, client.execute(CREATE_TOKEN, client.createTokenCall(form), secret));
      if (grant instanceof UserTokens tokens) {
        return tokens;
      }
      throw HubSpotOAuthResponseException.of(
          CREATE_TOKEN, "$.token_use", "is client_credentials, expected access_token");
    }

    @Override
    void revoke(AbstractHubSpotOAuthClient client, OAuthCredentials credentials, String token)
        throws IOException {
      client.send(
          revokeOperation(),
          client.revokeTokenCall(
              credentials.clientId(), credentials.clientSecret(), token, "refresh_token"),
          token);
    }
  }
}
