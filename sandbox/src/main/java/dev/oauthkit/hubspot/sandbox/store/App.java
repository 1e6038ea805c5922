package dev.oauthkit.hubspot.sandbox.store;

import java.util.List;
import java.util.Objects;

/**
 * A registered OAuth app. The client secret is kept only as its SHA-256; {@link #toString()} shows
 * neither.
 */
public final class App {

  private final long appId;
  private final String clientId;
  private final byte[] secretSha256;
  private final String name;
  private final List<String> redirectUris;
  private final List<String> scopes;
  private final List<String> optionalScopes;
  private final boolean clientCredentials;

  private App(Builder b) {
    if (b.appId <= 0) {
      throw new IllegalArgumentException("appId must be positive, got " + b.appId);
    }
    this.appId = b.appId;
    this.clientId = Objects.requireNonNull(b.clientId, "clientId");
    this.secretSha256 = Objects.requireNonNull(b.secretSha256, "secretSha256").clone();
    if (secretSha256.length != 32) {
      throw new IllegalArgumentException(
          "secretSha256 must be 32 bytes, got " + secretSha256.length);
    }
    this.name = Objects.requireNonNull(b.name, "name");
    this.redirectUris = List.copyOf(Objects.requireNonNull(b.redirectUris, "redirectUris"));
    this.scopes = List.copyOf(Objects.requireNonNull(b.scopes, "scopes"));
    this.optionalScopes = List.copyOf(Objects.requireNonNull(b.optionalScopes, "optionalScopes"));
    this.clientCredentials = b.clientCredentials;
  }

  /** Starts an app; every field but {@code optionalScopes} is required. */
  public static Builder builder() {
    return new Builder();
  }

  public long appId() {
    return appId;
  }

  public String clientId() {
    return clientId;
  }

  /** A copy of the SHA-256 of the client secret. */
  public byte[] secretSha256() {
    return secretSha256.clone();
  }

  public String name() {
    return name;
  }

  public List<String> redirectUris() {
    return redirectUris;
  }

  public List<String> scopes() {
    return scopes;
  }

  public List<String> optionalScopes() {
    return optionalScopes;
  }

  /** Whether the app may use the client_credentials grant (the date versions). */
  public boolean clientCredentials() {
    return clientCredentials;
  }

  @Override
  public String toString() {
    return "App[appId=" + appId + ", clientId=" + clientId + ", name=" + name + "]";
  }

  /** Builds an {@link App}. */
  public static final class Builder {
    private long appId;
    private String clientId;
    private byte[] secretSha256;
    private String name;
    private List<String> redirectUris = List.of();
    private List<String> scopes = List.of();
    private List<String> optionalScopes = List.of();
    private boolean clientCredentials;

    private Builder() {}

    public Builder appId(long appId) {
      this.appId = appId;
      return this;
    }

    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    public Builder secretSha256(byte[] secretSha256) {
      this.secretSha256 = secretSha256;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder redirectUris(List<String> redirectUris) {
      this.redirectUris = redirectUris;
      return this;
    }

    public Builder scopes(List<String> scopes) {
      this.scopes = scopes;
      return this;
    }

    public Builder optionalScopes(List<String> optionalScopes) {
      this.optionalScopes = optionalScopes;
      return this;
    }

    public Builder clientCredentials(boolean clientCredentials) {
      this.clientCredentials = clientCredentials;
      return this;
    }

    public App build() {
      return new App(this);
    }
  }
}
