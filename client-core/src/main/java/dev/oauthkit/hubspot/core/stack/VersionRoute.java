package dev.oauthkit.hubspot.core.stack;

import dev.oauthkit.hubspot.client.model.TokenResponse;
import dev.oauthkit.hubspot.client.model.dated.CreateTokenResponse;
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

  /** Calls that exist in one shape of the API only. */
  enum Call {
    PKCE,
    CLIENT_CREDENTIALS,
    INTROSPECT,
    METADATA
  }

  private final Set<Call> calls;
  private final Operation tokenOperation;
  private final Operation revokeOperation;

  private VersionRoute(Set<Call> calls, Operation tokenOperation, Operation revokeOperation) {
    this.calls = calls;
    this.tokenOperation = tokenOperation;
    this.revokeOperation = revokeOperation;
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
  final String tokenOperation() {
    return tokenOperation.id();
  }

  /** Returns the operationId of refresh-token revocation. */
  final String revokeOperation() {
    return revokeOperation.id();
  }

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

    V1() {
      super(
          EnumSet.of(Call.METADATA),
          Operation.CREATE_OR_REFRESH_ACCESS_TOKEN,
          Operation.REVOKE_REFRESH_TOKEN);
    }

    @Override
    String hint(Call call) {
      return "it is a date-version call; HubSpot's v1 API has none. Build the client without"
          + " .apiVersion(ApiVersion.V1) to use "
          + ApiVersion.newest();
    }

    @Override
    UserTokens userTokens(AbstractHubSpotOAuthClient client, TokenForm form, String secret)
        throws IOException {
      return TokenResults.userTokens(
          tokenOperation(),
          client.execute(
              Operation.CREATE_OR_REFRESH_ACCESS_TOKEN,
              TokenResponse.class,
              form.fields(),
              secret));
    }

    @Override
    void revoke(AbstractHubSpotOAuthClient client, OAuthCredentials credentials, String token)
        throws IOException {
      client.send(
          Operation.REVOKE_REFRESH_TOKEN, AbstractHubSpotOAuthClient.tokenField(token), token);
    }
  }

  /** {@code /oauth/<date version>/token}, {@code /token/introspect}, {@code /token/revoke}. */
  private static final class Dated extends VersionRoute {

    Dated() {
      super(
          EnumSet.of(Call.PKCE, Call.CLIENT_CREDENTIALS, Call.INTROSPECT),
          Operation.CREATE_TOKEN,
          Operation.REVOKE_TOKEN);
    }

    @Override
    String hint(Call call) {
      return "on date versions use introspect(token) (POST /oauth/<version>/token/introspect),"
          + " or build the client with .apiVersion(ApiVersion.V1) until HubSpot's v1 sunset";
    }

    @Override
    UserTokens userTokens(AbstractHubSpotOAuthClient client, TokenForm form, String secret)
        throws IOException {
      TokenGrant grant =
          TokenResults.grant(
              tokenOperation(),
              client.execute(
                  Operation.CREATE_TOKEN, CreateTokenResponse.class, form.fields(), secret));
      if (grant instanceof UserTokens tokens) {
        return tokens;
      }
      throw HubSpotOAuthResponseException.of(
          tokenOperation(), "$.token_use", "is client_credentials, expected access_token");
    }

    @Override
    void revoke(AbstractHubSpotOAuthClient client, OAuthCredentials credentials, String token)
        throws IOException {
      client.send(
          Operation.REVOKE_TOKEN,
          AbstractHubSpotOAuthClient.credentialFields(credentials, token, "refresh_token"),
          token);
    }
  }
}
