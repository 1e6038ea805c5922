package dev.oauthkit.hubspot.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** The outage state machine, and which failures count as outages. */
class StoreHealthTest {

  @Test
  void whenTheStoreFailsThenCallsAreRefusedAtOnceButOneProbePerInterval() throws Exception {
    StoreHealth health = StoreHealth.of("sqlite");
    health.admit();

    health.failed(new IOException("disk full"));

    assertThat(health.up()).isFalse();
    assertThatThrownBy(health::admit)
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.unavailable()).isTrue())
        .hasMessage("the sqlite store is unavailable");
    Thread.sleep(StoreHealth.PROBE_INTERVAL_MILLIS + 50);
    health.admit(); // the probe
    assertThatThrownBy(health::admit).isInstanceOf(StoreException.class);
  }

  @Test
  void whenACallSucceedsThenTheOutageEndsAndCallsPassAgain() {
    StoreHealth health = StoreHealth.of("postgres");
    health.failed(new SQLException("refused", "08001"));

    health.succeeded(System.nanoTime());

    assertThat(health.up()).isTrue();
    health.admit();
    health.admit();
  }

  @Test
  void whenACallAdmittedBeforeTheOutageSucceedsAfterItThenTheOutageGoesOn() {
    StoreHealth health = StoreHealth.of("postgres");
    long admittedBefore = health.admit();
    health.failed(new SQLException("terminating connection", "57P01"));

    health.succeeded(admittedBefore);

    assertThat(health.up()).isFalse();
    assertThatThrownBy(health::admit).isInstanceOf(StoreException.class);
  }

  @Test
  void whenAnOutageIsAnsweredThenItCarriesNoStackTrace() {
    StoreException outage = StoreHealth.of("sqlite").outage(new IOException("x"));

    assertThat(outage.getStackTrace()).isEmpty();
    assertThat(new StoreException("a bug", null).unavailable()).isFalse();
  }

  @Test
  void whenSqliteFailsThenOnlyFileFaultsAreOutages() {
    assertThat(GroupCommitWriter.fileFault(new SQLException("full", null, 13))).isTrue();
    assertThat(GroupCommitWriter.fileFault(new SQLException("ioerr", null, 10 | (4 << 8))))
        .isTrue();
    assertThat(GroupCommitWriter.fileFault(new SQLException("closed"))).isTrue();
    assertThat(GroupCommitWriter.fileFault(new SQLException("constraint", null, 19))).isFalse();
    assertThat(GroupCommitWriter.fileFault(new SQLException("busy", null, 5))).isFalse();
    assertThat(GroupCommitWriter.fileFault(new SQLException("syntax", null, 1))).isFalse();
    assertThat(GroupCommitWriter.fileFault(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void whenPostgresFailsThenOnlyUnreachableServersAreOutages() {
    assertThat(PostgresExecutor.unreachable(new SQLTransientConnectionException("timeout")))
        .isTrue();
    assertThat(PostgresExecutor.unreachable(new SQLException("refused", "08001"))).isTrue();
    assertThat(PostgresExecutor.unreachable(new SQLException("shutdown", "57P01"))).isTrue();
    assertThat(PostgresExecutor.unreachable(new SQLException("unique", "23505"))).isFalse();
  }
}
