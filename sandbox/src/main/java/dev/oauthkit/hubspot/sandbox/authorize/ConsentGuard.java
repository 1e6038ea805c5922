package dev.oauthkit.hubspot.sandbox.authorize;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery protection for the consent form. The page carries a token bound to the
 * authorization request it was rendered for (client_id, redirect_uri, scopes, state, challenge), to
 * the browser it was rendered for (a random value in a {@code SameSite=Strict}, {@code HttpOnly}
 * cookie, {@link #COOKIE}) and to the time it was rendered: an HMAC under a key made at start-up.
 * Approving needs that token, from that browser, within {@link #LIFETIME}, once. A browser's {@code
 * Origin} other than the sandbox's own ({@code null} included: the page sends {@code
 * Referrer-Policy: same-origin}, so its own POST carries its origin) or {@code Sec-Fetch-Site:
 * cross-site/same-site} refuses the POST outright. So a page elsewhere cannot make the user's
 * browser approve (its POST carries no cookie, or a foreign origin), a token fetched by someone
 * else is bound to their cookie, and a token from one request cannot approve another or twice.
 */
final class ConsentGuard {

  /** How long a rendered consent page can be approved: 30 minutes. */
  static final Duration LIFETIME = Duration.ofMinutes(30);

  /** The cookie that binds a page's token to the browser it was rendered for. */
  static final String COOKIE = "sandbox_consent";

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Pattern BINDING = Pattern.compile("[A-Za-z0-9_-]{22}");

  private final SecretKeySpec key;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Long> used = new ConcurrentHashMap<>();

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

  /** The browser's binding from its cookie if well-formed, else a new one to set. */
  String binding(String cookie) {
    if (cookie != null && BINDING.matcher(cookie).matches()) {
      return cookie;
    }
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return B64.encodeToString(bytes);
  }

  /**
   * The {@code Set-Cookie} value that keeps {@code binding} in the browser for its session (the
   * tokens bound to it expire on their own).
   */
  static String cookie(String binding) {
    return COOKIE
        + "="
        + binding
        + "; Path="
        + ConsentEndpoint.PATH
        + "; HttpOnly; SameSite=Strict";
  }

  /**
   * The token for a page rendering this request now, in the browser holding {@code binding}: the
   * time, a random nonce (so no two pages share a token) and their HMAC.
   */
  String tokenFor(AuthorizeRequest request, String binding) {
    long issued = clock.instant().getEpochSecond();
    String nonce = binding(null);
    return issued + "." + nonce + "." + mac(request, binding, issued + "." + nonce);
  }

  /** Whether the token was made by this guard for this request and browser, and is still fresh. */
  boolean accepts(String token, AuthorizeRequest request, String binding) {
    if (token == null || binding == null) {
      return false;
    }
    int dot = token.lastIndexOf('.');
    int first = token.indexOf('.');
    if (first <= 0 || dot == first) {
      return false;
    }
    long age;
    try {
      age = clock.instant().getEpochSecond() - Long.parseLong(token.substring(0, first));
    } catch (NumberFormatException e) {
      return false;
    }
    if (age < 0 || age > LIFETIME.toSeconds()) {
      return false;
    }
    byte[] expected =
        mac(request, binding, token.substring(0, dot)).getBytes(StandardCharsets.US_ASCII);
    byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given);
  }

  /**
   * Uses up an accepted token: true the first time, false ever after (until it would have expired
   * anyway), so a page approves once.
   */
  boolean consume(String token) {
    long now = clock.instant().getEpochSecond();
    used.values().removeIf(until -> until < now);
    return used.putIfAbsent(token, now + LIFETIME.toSeconds()) == null;
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
    // "null" comes from a sandboxed frame, a data: URL or a no-referrer page: not the consent
    // page, whose Referrer-Policy: same-origin makes its own POST carry its origin.
    return origin != null && !origin.equalsIgnoreCase(ownOrigin);
  }

  private String mac(AuthorizeRequest request, String binding, String issuedAndNonce) {
    String bound =
        String.join(
            "\n",
            binding,
            request.app().clientId(),
            request.redirectUri(),
            String.join(" ", request.scopes()),
            String.join(" ", request.optionalScopes()),
            request.state() == null ? "" : request.state(),
            request.codeChallenge() == null ? "" : request.codeChallenge(),
            issuedAndNonce);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return B64.encodeToString(mac.doFinal(bound.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
