package example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oauthkit.hubspot.core.ActiveAccessToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the README example, compiled as written, against the build's sandbox (or its own). */
class PickYourStackTest {

  private static final String REDIRECT_URI = "http://localhost:3000/oauth-callback";

  @Test
  void whenTheReadmeExampleRunsAgainstTheSandboxThenIntrospectionOn2026ReadsTheHubAndScopes()
      throws Exception {
    try (Sandbox sandbox = Sandbox.start(Path.of("target", "sandbox"))) {
      String app = sandbox.createApp(REDIRECT_URI);
      String clientId = Sandbox.field(app, "client_id");
      String clientSecret = Sandbox.field(app, "client_secret");
      String code = sandbox.createCode(clientId, REDIRECT_URI, 62515);
      String tokens = sandbox.exchange(clientId, clientSecret, REDIRECT_URI, code);
      Map<String, String> environment =
          Map.of(
              "HUBSPOT_CLIENT_ID", clientId,
              "HUBSPOT_CLIENT_SECRET", clientSecret,
              "HUBSPOT_REFRESH_TOKEN", Sandbox.field(tokens, "refresh_token"));
      List<String> store = new ArrayList<>();

      Object result = PickYourStack.run(sandbox.url(), environment::get, store::add);

      assertThat(result).isInstanceOf(ActiveAccessToken.class);
      ActiveAccessToken token = (ActiveAccessToken) result;
      assertThat(token.hubId()).isEqualTo(62515);
      assertThat(token.appId()).isPositive();
      assertThat(token.scopes()).contains("oauth", "crm.objects.contacts.read");
      assertThat(token.user()).contains("user@example.com");
    }
  }
}
