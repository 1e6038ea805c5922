package dev.oauthkit.hubspot.sandbox.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A browser page under {@code /oauth/} that is not an API operation (the consent page at {@code
 * /oauth/authorize}); {@link HubSpotApiFilter} hands it its requests.
 */
public interface PageEndpoint {

  /** The exact path the page answers. */
  String path();

  /** Answers a request for the page, any method. */
  void answer(HttpServletRequest request, HttpServletResponse response) throws IOException;
}
