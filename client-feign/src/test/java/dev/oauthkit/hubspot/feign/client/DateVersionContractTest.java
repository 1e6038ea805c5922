package dev.oauthkit.hubspot.feign.client;

import dev.oauthkit.hubspot.core.contract.DateVersionContract;

/** Runs the shared date-version client contract against the Feign facade. */
class DateVersionContractTest extends DateVersionContract {

  DateVersionContractTest() {
    super(HubSpotOAuthFeignClient::builder);
  }
}
