package dev.oauthkit.hubspot.feign.client;

import dev.oauthkit.hubspot.core.contract.ApiVersion2026Contract;

/** Runs the shared 2026-03 client contract against the Feign facade. */
class ApiVersion2026ContractTest extends ApiVersion2026Contract {

  ApiVersion2026ContractTest() {
    super(HubSpotOAuthFeignClient::builder);
  }
}
