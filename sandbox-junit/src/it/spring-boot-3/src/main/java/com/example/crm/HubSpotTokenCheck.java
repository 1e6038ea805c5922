package com.example.crm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Reads HubSpot access token metadata with Spring's RestClient. */
@Component
public class HubSpotTokenCheck {

  private static final Pattern HUB_ID = Pattern.compile("\"hub_id\":(\\d+)");

  private final RestClient http;

  public HubSpotTokenCheck(@Value("${hubspot.base-url:https://api.hubapi.com}") String baseUrl) {
    this.http = RestClient.create(baseUrl);
  }

  /** The hub a valid access token belongs to. */
  public long hubOf(String accessToken) {
    String body =
        http.get().uri("/oauth/v1/access-tokens/{token}", accessToken).retrieve().body(String.class);
    Matcher matcher = HUB_ID.matcher(body);
    if (!matcher.find()) {
      throw new IllegalStateException("no hub_id in the metadata");
    }
    return Long.parseLong(matcher.group(1));
  }

  /** Whether HubSpot still accepts the access token. */
  public boolean isValid(String accessToken) {
    return http.get()
        .uri("/oauth/v1/access-tokens/{token}", accessToken)
        .exchange((request, response) -> response.getStatusCode().is2xxSuccessful());
  }
}
