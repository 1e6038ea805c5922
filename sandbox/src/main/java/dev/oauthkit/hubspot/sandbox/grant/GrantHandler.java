package dev.oauthkit.hubspot.sandbox.grant;

import dev.oauthkit.hubspot.sandbox.store.App;
import java.util.List;

/** One grant type of the token endpoint. Failures are thrown as {@code ApiError}s. */
public interface GrantHandler {

  /** The {@code grant_type} value this handler answers. */
  String grantType();

  /** The form fields this grant needs besides grant_type, client_id and client_secret. */
  List<String> requiredFields();

  /**
   * Runs the grant for an authenticated client.
   *
   * @param request the form, with every required field present
   * @param client the app whose credentials were verified
   */
  IssuedTokens grant(TokenRequest request, App client);
}
