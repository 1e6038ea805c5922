package dev.oauthkit.hubspot.core;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * An app's client ID and client secret, plus the refresh token of one HubSpot account once the app
 * has one. Immutable; {@link #toString()} shows fingerprints, never a secret.
 */
public final class OAuthCredentials {

  /** Environment variable read for the client ID. */
  public static final String CLIENT_ID_VARIABLE = "HUBSPOT_CLIENT_ID";

  /** Environment variable read for the client secret. */
  public static final String CLIENT_SECRET_VARIABLE = "HUBSPOT_CLIENT_SECRET";

  /** Environment variable read for the refresh token (optional). */
  public static final String REFRESH_TOKEN_VARIABLE = "HUBSPOT_REFRESH_TOKEN";

  private final String clientId;
  private final String clientSecret;
  private final String refreshToken;

  private OAuthCredentials(String clientId, String clientSecret, String refreshToken) {
    this.clientId = requireText(clientId, "clientId");
    this.clientSecret = requireText(clientSecret, "clientSecret");
    this.refreshToken = refreshToken;
  }

  /**
   * Credentials of an app that already holds a refresh token.
   *
   * @param clientId the app's client ID
   * @param clientSecret the app's client secret
   * @param refreshToken the account's refresh token
   * @return the credentials
   */
  public static OAuthCredentials of(String clientId, String clientSecret, String refreshToken) {
    return new OAuthCredentials(clientId, clientSecret, requireText(refreshToken, "refreshToken"));
  }

  /**
   * Credentials of an app that has no refresh token yet (it will exchange an authorization code).
   *
   * @param clientId the app's client ID
   * @param clientSecret the app's client secret
   * @return the credentials, without a refresh token
   */
  public static OAuthCredentials of(String clientId, String clientSecret) {
    return new OAuthCredentials(clientId, clientSecret, null);
  }

  /**
   * Reads {@value #CLIENT_ID_VARIABLE}, {@value #CLIENT_SECRET_VARIABLE} and, if set, {@value
   * #REFRESH_TOKEN_VARIABLE} from the process environment.
   *
   * @return the credentials
   * @throws IllegalStateException naming the variable that is missing or blank
   */
  public static OAuthCredentials fromEnvironment() {
    return fromEnvironment(System::getenv);
  }

  /**
   * Like {@link #fromEnvironment()}, with the variables looked up through {@code environment}.
   *
   * @param environment returns a variable's value, or {@code null} when it is not set
   * @return the credentials
   * @throws IllegalStateException naming the variable that is missing or blank
   */
  public static OAuthCredentials fromEnvironment(Function<String, String> environment) {
    Objects.requireNonNull(environment, "environment");
    String clientId = requireVariable(environment, CLIENT_ID_VARIABLE);
    String clientSecret = requireVariable(environment, CLIENT_SECRET_VARIABLE);
    String refreshToken = environment.apply(REFRESH_TOKEN_VARIABLE);
    return refreshToken == null || refreshToken.isBlank()
        ? of(clientId, clientSecret)
        : of(clientId, clientSecret, refreshToken.strip());
  }

  /**
   * Returns a copy holding {@code refreshToken}, for example after HubSpot rotated it.
   *
   * @param refreshToken the new refresh token
   * @return new credentials; this instance is unchanged
   */
  public OAuthCredentials withRefreshToken(String refreshToken) {
    return of(clientId, clientSecret, refreshToken);
  }

  /** Returns the client ID (not a secret). */
  public String clientId() {
    return clientId;
  }

  /** Returns the client secret. Never log it. */
  public String clientSecret() {
    return clientSecret;
  }

  /** Returns the refresh token, if the app has one. Never log it. */
  public Optional<String> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  @Override
  public String toString() {
    return "OAuthCredentials{clientId="
        + clientId
        + ", clientSecret="
        + Secrets.fingerprint(clientSecret)
        + ", refreshToken="
        + Secrets.fingerprint(refreshToken)
        + "}";
  }

  private static String requireVariable(Function<String, String> environment, String name) {
    String value = environment.apply(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set or blank");
    }
    return value.strip();
  }

  static String requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
