package dev.oauthkit.hubspot.feign.client;

import dev.oauthkit.hubspot.core.OAuthCredentials;
import feign.FeignException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a call on a generated Feign API: returns its result and throws {@link
 * dev.oauthkit.hubspot.core.HubSpotOAuthException} for any non-2xx answer, redacting every secret
 * the call carried (the client secret, the refresh token and the call's own token or code). Feign's
 * wrapper around a failure to send or read ({@link FeignException} with an {@link IOException}
 * cause) is dropped, since its message names the URL, which may hold a token; the {@link
 * IOException} itself is thrown.
 */
final class CallExecutor {

  private final ErrorMapper errors;
  private final Supplier<OAuthCredentials> credentials;

  private CallExecutor(ErrorMapper errors, Supplier<OAuthCredentials> credentials) {
    this.errors = errors;
    this.credentials = credentials;
  }

  static CallExecutor create(ErrorMapper errors, Supplier<OAuthCredentials> credentials) {
    return new CallExecutor(errors, credentials);
  }

  /** Runs {@code call}; transport failures are thrown as {@link IOException}. */
  <T> T execute(String operation, Supplier<T> call, String secret) throws IOException {
    try {
      return call.get();
    } catch (ErrorResponse response) {
      OAuthCredentials current = credentials.get();
      List<String> secrets = new ArrayList<>();
      secrets.add(secret);
      secrets.add(current.clientSecret());
      current.refreshToken().ifPresent(secrets::add);
      throw errors.toException(operation, response, secrets);
    } catch (FeignException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  /** Runs {@code call}; transport failures become {@link UncheckedIOException}. */
  <T> T unchecked(String operation, Supplier<T> call, String secret) {
    try {
      return execute(operation, call, secret);
    } catch (IOException e) {
      throw new UncheckedIOException(operation + " failed: " + e.getClass().getSimpleName(), e);
    }
  }
}
