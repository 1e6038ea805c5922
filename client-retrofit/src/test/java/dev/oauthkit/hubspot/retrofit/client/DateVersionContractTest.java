package dev.oauthkit.hubspot.retrofit.client;

import dev.oauthkit.hubspot.core.contract.DateVersionContract;

/** Runs the shared date-version client contract against the Retrofit facade. */
class DateVersionContractTest extends DateVersionContract {

  DateVersionContractTest() {
    super(HubSpotOAuthRetrofitClient::builder);
  }
}
