package dev.oauthkit.hubspot.core;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The URL that sends a user's browser to HubSpot to approve the app: {@code
 * https://app.hubspot.com/oauth/authorize?client_id=..&scope=..&redirect_uri=..&state=..}. Scopes
 * are separated by {@code %20}, never {@code +}. With {@link Builder#pkce(boolean) pkce(true)} it
 * also carries an RFC 7636 S256 {@code code_challenge}; keep {@link #codeVerifier()} for the token
 * exchange. {@code toString()} shows the URL, never the verifier.
 */
public final class AuthorizationUrl {

  /** HubSpot's authorization host. */
  public static final String DEFAULT_BASE_URL = "https://app.hubspot.com";

  private static final String PATH = "/oauth/authorize";
  private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int STATE_BYTES = 24;
  private static final int VERIFIER_BYTES = 32;

  private final URI uri;
  private final String state;
  private final String codeVerifier;

  private AuthorizationUrl(URI uri, String state, String codeVerifier) {
    this.uri = uri;
    this.state = state;
    this.codeVerifier = codeVerifier;
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the URL to open in the user's browser. */
  public URI uri() {
    return uri;
  }

  /** Returns the state sent in the URL; check that the redirect brings the same value back. */
  public String state() {
    return state;
  }

  /**
   * Returns the PKCE code verifier when the URL was built with {@code pkce(true)}: keep it with the
   * state (server side, never in the browser) and pass it to {@code exchangeAuthorizationCode(code,
   * redirectUri, codeVerifier)}. Never log it.
   */
  public Optional<String> codeVerifier() {
    return Optional.ofNullable(codeVerifier);
  }

  @Override
  public String toString() {
    return uri.toString();
  }

  /** The RFC 7636 S256 challenge of {@code verifier}: base64url(SHA-256(ASCII)), no padding. */
  static String s256Challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * Fails unless {@code url} is an absolute http(s) URL whose scheme is https or whose host is
   * loopback ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}).
   *
   * @param url the URL to check
   * @param name the parameter name used in the error message
   * @return the parsed URI
   */
  static URI requireHttpsUnlessLoopback(String url, String name) {
    OAuthCredentials.requireText(url, name);
    URI parsed;
    try {
      parsed = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not a valid URI: " + url, e);
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase();
    if (parsed.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(name + " must be an absolute http(s) URL: " + url);
    }
    if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(parsed.getHost().toLowerCase())) {
      throw new IllegalArgumentException(
          name + " must use https unless its host is localhost, 127.0.0.1 or [::1]: " + url);
    }
    return parsed;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String randomState() {
    return random(STATE_BYTES);
  }

  /** {@code bytes} random bytes from {@link SecureRandom}, base64url without padding. */
  private static String random(int bytesCount) {
    byte[] bytes = new byte[bytesCount];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Builds an {@link AuthorizationUrl}; client ID, at least one scope and redirect URI needed. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String clientId;
    private final List<String> scopes = new ArrayList<>();
    private final List<String> optionalScopes = new ArrayList<>();
    private String redirectUri;
    private String state;
    private boolean pkce;

    private Builder() {}

    /** Overrides {@value #DEFAULT_BASE_URL}, for example with a local sandbox. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** Sets the app's client ID. */
    public Builder clientId(String clientId) {
      this.clientId = OAuthCredentials.requireText(clientId, "clientId");
      return this;
    }

    /** Adds required scopes, for example {@code oauth} and {@code crm.objects.contacts.read}. */
    public Builder scopes(String... scopes) {
      addScopes(this.scopes, scopes, "scopes");
      return this;
    }

    /** Adds optional scopes, dropped by HubSpot when the account lacks them. */
    public Builder optionalScopes(String... optionalScopes) {
      addScopes(this.optionalScopes, optionalScopes, "optionalScopes");
      return this;
    }

    /** Sets the redirect URI; https unless its host is loopback. */
    public Builder redirectUri(String redirectUri) {
      requireHttpsUnlessLoopback(redirectUri, "redirectUri");
      this.redirectUri = redirectUri.strip();
      return this;
    }

    /** Sets the state; when not set, a random URL-safe state is generated. */
    public Builder state(String state) {
      this.state = OAuthCredentials.requireText(state, "state");
      return this;
    }

    /**
     * Adds a PKCE challenge ({@code code_challenge}, {@code code_challenge_method=S256}) made from
     * a random 43-character verifier ({@link SecureRandom}), kept in {@link #codeVerifier()}. Off
     * by default: HubSpot's token endpoint accepts {@code code_verifier}, but no HubSpot page
     * documents {@code code_challenge} on the authorize URL yet.
     *
     * @param pkce whether to add the challenge
     * @return this builder
     */
    public Builder pkce(boolean pkce) {
      this.pkce = pkce;
      return this;
    }

    /** Builds the URL. */
    public AuthorizationUrl build() {
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(redirectUri, "redirectUri");
      if (scopes.isEmpty()) {
        throw new IllegalArgumentException("scopes must contain at least one scope");
      }
      URI base = requireHttpsUnlessLoopback(baseUrl, "baseUrl");
      String effectiveState = state != null ? state : randomState();
      StringBuilder query = new StringBuilder();
      query.append("client_id=").append(encode(clientId));
      query.append("&scope=").append(joinScopes(scopes));
      if (!optionalScopes.isEmpty()) {
        query.append("&optional_scope=").append(joinScopes(optionalScopes));
      }
      query.append("&redirect_uri=").append(encode(redirectUri));
      query.append("&state=").append(encode(effectiveState));
      String verifier = pkce ? random(VERIFIER_BYTES) : null;
      if (verifier != null) {
        query.append("&code_challenge=").append(s256Challenge(verifier));
        query.append("&code_challenge_method=S256");
      }
      String root = base.toString().replaceAll("/+$", "");
      return new AuthorizationUrl(URI.create(root + PATH + "?" + query), effectiveState, verifier);
    }

    private static void addScopes(List<String> target, String[] scopes, String name) {
      Objects.requireNonNull(scopes, name);
      for (String scope : scopes) {
        OAuthCredentials.requireText(scope, name);
        if (scope.strip().chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException(name + " must not contain whitespace: " + scope);
        }
        target.add(scope.strip());
      }
    }

    private static String joinScopes(List<String> scopes) {
      return scopes.stream()
          .distinct()
          .map(AuthorizationUrl::encode)
          .collect(Collectors.joining("%20"));
    }
  }
}
