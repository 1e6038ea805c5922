package dev.oauthkit.hubspot.retrofit.client;

import dev.oauthkit.hubspot.core.OAuthCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs a generated Retrofit call: returns the body of a 2xx answer and throws {@link
 * dev.oauthkit.hubspot.core.HubSpotOAuthException} for any other, redacting every secret the call
 * carried (the client secret, the refresh token and the call's own token or code).
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

  /** Executes {@code call}; transport failures are thrown as they are. */
  <T> T execute(String operation, Call<T> call, String secret) throws IOException {
    Response<T> response = call.execute();
    if (!response.isSuccessful()) {
      OAuthCredentials current = credentials.get();
      List<String> secrets = new ArrayList<>();
      secrets.add(secret);
      secrets.add(current.clientSecret());
      current.refreshToken().ifPresent(secrets::add);
      throw errors.toException(operation, response, secrets);
    }
    return response.body();
  }

  /** Executes {@code call}; transport failures become {@link UncheckedIOException}. */
  <T> T unchecked(String operation, Call<T> call, String secret) {
    try {
      return execute(operation, call, secret);
    } catch (IOException e) {
      throw new UncheckedIOException(operation + " failed: " + e.getClass().getSimpleName(), e);
    }
  }
}
