package dev.oauthkit.hubspot.sandbox.admin;

import dev.oauthkit.hubspot.sandbox.admin.api.AuthorizationCodesApi;
import dev.oauthkit.hubspot.sandbox.admin.model.AuthorizationCode;
import dev.oauthkit.hubspot.sandbox.admin.model.CreateAuthorizationCodeRequest;
import dev.oauthkit.hubspot.sandbox.authorize.CodeIssuer;
import dev.oauthkit.hubspot.sandbox.authorize.CodeRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sandbox/v1/authorization-codes}: issues the same code the consent page would, for
 * pipelines that have no browser.
 */
@RestController
public final class CodesAdminController implements AuthorizationCodesApi {

  private final CodeIssuer issuer;

  public CodesAdminController(CodeIssuer issuer) {
    this.issuer = issuer;
  }

  @Override
  public ResponseEntity<AuthorizationCode> createAuthorizationCode(
      CreateAuthorizationCodeRequest request) {
    CodeIssuer.IssuedCode issued =
        issuer.issue(
            new CodeRequest(
                request.getClientId(),
                request.getRedirectUri(),
                request.getScopes(),
                request.getHubId() == null ? null : request.getHubId().longValue(),
                request.getUserId() == null ? null : request.getUserId().longValue(),
                request.getUser(),
                request.getHubDomain(),
                request.getCodeChallenge()));
    AuthorizationCode body =
        new AuthorizationCode(issued.code(), Math.toIntExact(issued.expiresIn()));
    return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(body);
  }
}
