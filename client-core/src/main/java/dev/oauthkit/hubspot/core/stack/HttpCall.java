package dev.oauthkit.hubspot.core.stack;

import java.io.IOException;

/**
 * One request on a stack's generated API, not yet sent.
 *
 * @param <T> the decoded body of a 2xx answer
 */
@FunctionalInterface
public interface HttpCall<T> {

  /**
   * Sends the request once.
   *
   * @return the decoded body of a 2xx answer; may be {@code null} when there is none
   * @throws ErrorResponse for any other answer
   * @throws IOException when the request could not be sent or the answer not read
   */
  T send() throws IOException;
}
