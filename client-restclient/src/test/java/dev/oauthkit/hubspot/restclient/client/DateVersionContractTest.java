package dev.oauthkit.hubspot.restclient.client;

import dev.oauthkit.hubspot.core.contract.DateVersionContract;

/** Runs the shared date-version client contract against the RestClient facade. */
class DateVersionContractTest extends DateVersionContract {

  DateVersionContractTest() {
    super(HubSpotOAuthRestClient::builder);
  }
}
