package dev.oauthkit.hubspot.core.stack;

import dev.oauthkit.hubspot.core.OAuthCredentials;
import java.util.Objects;

/**
 * The fields of one {@code POST /oauth/v1/token} form: the authorization-code grant or the refresh
 * grant, each with exactly its own fields and {@code null} for the others. Holds secrets; not
 * printable.
 */
public final class TokenForm {

  private final String grantType;
  private final String clientId;
  private final String clientSecret;
  private final String redirectUri;
  private final String code;
  private final String refreshToken;

  private TokenForm(
      String grantType,
      OAuthCredentials credentials,
      String redirectUri,
      String code,
      String refreshToken) {
    this.grantType = grantType;
    this.clientId = credentials.clientId();
    this.clientSecret = credentials.clientSecret();
    this.redirectUri = redirectUri;
    this.code = code;
    this.refreshToken = refreshToken;
  }

  /**
   * The {@code authorization_code} grant.
   *
   * @param credentials the client ID and secret to send
   * @param code the authorization code
   * @param redirectUri the redirect URI of the authorization request
   * @return the form
   */
  public static TokenForm authorizationCode(
      OAuthCredentials credentials, String code, String redirectUri) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(redirectUri, "redirectUri");
    return new TokenForm("authorization_code", credentials, redirectUri, code, null);
  }

  /**
   * The {@code refresh_token} grant.
   *
   * @param credentials the client ID and secret to send
   * @param refreshToken the refresh token
   * @return the form
   */
  public static TokenForm refreshToken(OAuthCredentials credentials, String refreshToken) {
    return new TokenForm(
        "refresh_token",
        credentials,
        null,
        null,
        Objects.requireNonNull(refreshToken, "refreshToken"));
  }

  /**
   * Passes the fields, in the spec's order, to the generated token operation.
   *
   * @param operation for example {@code tokens::createOrRefreshAccessToken}
   * @param <X> what the operation returns
   * @return what the operation returned
   */
  public <X> X applyTo(Operation<X> operation) {
    return operation.apply(grantType, clientId, clientSecret, redirectUri, code, refreshToken);
  }

  /**
   * The generated token operation's signature, {@code createOrRefreshAccessToken}.
   *
   * @param <X> what it returns, for example a call or the decoded response
   */
  @FunctionalInterface
  public interface Operation<X> {

    /**
     * Takes the form's fields; {@code null} for those the grant does not send.
     *
     * @return the call or its result
     */
    X apply(
        String grantType,
        String clientId,
        String clientSecret,
        String redirectUri,
        String code,
        String refreshToken);
  }
}
