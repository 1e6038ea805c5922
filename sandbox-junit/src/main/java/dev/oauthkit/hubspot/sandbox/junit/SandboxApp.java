package dev.oauthkit.hubspot.sandbox.junit;

import java.util.List;
import java.util.Objects;

/**
 * An OAuth app registered in the sandbox: what a HubSpot app's settings page would show. {@link
 * #toString()} leaves the secret out.
 */
public final class SandboxApp {

  private final long appId;
  private final String clientId;
  private final String clientSecret;
  private final String redirectUri;
  private final List<String> scopes;

  SandboxApp(
      long appId, String clientId, String clientSecret, String redirectUri, List<String> scopes) {
    this.appId = appId;
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
    this.scopes = List.copyOf(scopes);
  }

  /** The app's id, reported as {@code app_id} in access token metadata. */
  public long appId() {
    return appId;
  }

  /** The client id to send to the token endpoint. */
  public String clientId() {
    return clientId;
  }

  /** The client secret. */
  public String clientSecret() {
    return clientSecret;
  }

  /** The app's one redirect URI. */
  public String redirectUri() {
    return redirectUri;
  }

  /** The scopes every authorization of the app holds. */
  public List<String> scopes() {
    return scopes;
  }

  @Override
  public String toString() {
    return "SandboxApp[appId=" + appId + ", clientId=" + clientId + ", scopes=" + scopes + "]";
  }
}
