package com.example.crm;

import dev.oauthkit.hubspot.core.ActiveAccessToken;
import dev.oauthkit.hubspot.core.HubSpotOAuthClient;
import org.springframework.stereotype.Service;

/** Which HubSpot account the application's token belongs to: the client is injected. */
@Service
public class HubSpotAccount {

  private final HubSpotOAuthClient hubspot;

  public HubSpotAccount(HubSpotOAuthClient hubspot) {
    this.hubspot = hubspot;
  }

  /** The current access token (refreshed when it is about to expire). */
  public String accessToken() {
    return hubspot.tokenProvider().accessToken();
  }

  /** The hub the current access token belongs to. */
  public long hubId() {
    return ((ActiveAccessToken) hubspot.introspect(accessToken())).hubId();
  }
}
