package dev.oauthkit.hubspot.retrofit.client;

import dev.oauthkit.hubspot.core.contract.ApiVersion2026Contract;

/** Runs the shared 2026-03 client contract against the Retrofit facade. */
class ApiVersion2026ContractTest extends ApiVersion2026Contract {

  ApiVersion2026ContractTest() {
    super(HubSpotOAuthRetrofitClient::builder);
  }
}
