package dev.oauthkit.hubspot.sandbox.authorize;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery protection for the consent form. The page carries a token bound to the
 * authorization request it was rendered for (client_id, redirect_uri, scopes, state) and to the
 * time it was rendered: an HMAC under a key made at start-up. Approving needs that token, valid for
 * {@link #LIFETIME}; a browser's {@code Origin} (other than the sandbox's own) or {@code
 * Sec-Fetch-Site: cross-site/same-site} refuses the POST outright. So a page elsewhere cannot make
 * the user's browser approve, and a token from one request cannot approve another.
 */
final class ConsentGuard {

  /** How long a rendered consent page can be approved: 30 minutes. */
  static final Duration LIFETIME = Duration.ofMinutes(30);

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;
  private final Clock clock;

  private ConsentGuard(byte[] key, Clock clock) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A guard with a fresh random key (pages rendered before a restart can no longer approve). */
  static ConsentGuard create(Clock clock) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new ConsentGuard(key, clock);
  }

  /** The token for a page rendering this request now. */
  String tokenFor(AuthorizeRequest request) {
    long issued = clock.instant().getEpochSecond();
    return issued + "." + mac(request, issued);
  }

  /** Whether the token was made by this guard for this request, and is still fresh. */
  boolean accepts(String token, AuthorizeRequest request) {
    if (token == null) {
      return false;
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    long issued;
    try {
      issued = Long.parseLong(token.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    long age = clock.instant().getEpochSecond() - issued;
    if (age < 0 || age > LIFETIME.toSeconds()) {
      return false;
    }
    byte[] expected = mac(request, issued).getBytes(StandardCharsets.US_ASCII);
    byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  /**
   * Whether the browser says the POST comes from another site.
   *
   * @param origin the {@code Origin} header, or null
   * @param fetchSite the {@code Sec-Fetch-Site} header, or null
   * @param ownOrigin this sandbox's origin as the browser sees it, e.g. {@code
   *     http://127.0.0.1:8080}
   */
  static boolean crossSite(String origin, String fetchSite, String ownOrigin) {
    if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
      return true;
    }
    // "null" is what a browser sends under Referrer-Policy: no-referrer (the consent page's own
    // policy): it says nothing, so Sec-Fetch-Site and the page token decide.
    return origin != null && !origin.equals("null") && !origin.equalsIgnoreCase(ownOrigin);
  }

  private String mac(AuthorizeRequest request, long issued) {
    String bound =
        String.join(
            "\n",
            request.app().clientId(),
            request.redirectUri(),
            String.join(" ", request.scopes()),
            String.join(" ", request.optionalScopes()),
            request.state() == null ? "" : request.state(),
            request.codeChallenge() == null ? "" : request.codeChallenge(),
            Long.toString(issued));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return B64.encodeToString(mac.doFinal(bound.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
