package dev.oauthkit.hubspot.sandbox.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and migrates the store's schema with Flyway, from the SQL scripts of each database:
 * {@value #SQLITE} and {@value #POSTGRES}. On PostgreSQL, Flyway takes a database lock while it
 * migrates, so several sandboxes may start on one database at once. The history table is {@value
 * #HISTORY_TABLE}, so the sandbox can share a PostgreSQL schema with an application's own Flyway
 * history. A schema whose history already ends at {@value #LATEST} is left alone without starting
 * Flyway at all, which keeps a few hundred milliseconds of CPU out of every later start.
 */
public final class SchemaMigrations {

  /** The SQLite migrations, on the classpath. */
  public static final String SQLITE = "classpath:db/sandbox-sqlite";

  /** The PostgreSQL migrations, on the classpath. */
  public static final String POSTGRES = "classpath:db/sandbox-postgres";

  /** Flyway's history table for the sandbox's schema. */
  public static final String HISTORY_TABLE = "sandbox_schema_history";

  /** The newest migration's version in both locations (a test holds it against the files). */
  static final String LATEST = "4";

  private static final String APPLIED =
      "SELECT version FROM "
          + HISTORY_TABLE
          + " WHERE success = ? ORDER BY installed_rank DESC LIMIT 1";

  private SchemaMigrations() {}

  /**
   * Brings the schema of {@code dataSource} up to the newest version found at {@code location}.
   *
   * @param baselineExisting whether tables without a history table are taken as version 1: true for
   *     a SQLite file, which before Flyway was created by the sandbox with version 1's tables
   * @return the version the schema is at afterwards, e.g. {@code 2}
   */
  static String migrate(DataSource dataSource, String location, boolean baselineExisting) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(location, "location");
    if (LATEST.equals(applied(dataSource))) {
      return LATEST;
    }
    MigrateResult result =
        Flyway.configure(SchemaMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(location)
            .table(HISTORY_TABLE)
            .failOnMissingLocations(true)
            .baselineOnMigrate(baselineExisting)
            .baselineVersion("1")
            .load()
            .migrate();
    // Read back what the history now records: when another sandbox migrated the same database at
    // the same time, this Flyway run applied nothing and its result names the version it started
    // at.
    String applied = applied(dataSource);
    if (applied != null) {
      return applied;
    }
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : Objects.requireNonNullElse(result.initialSchemaVersion, "none");
  }

  /** The newest version the history records, or null if there is no history (yet). */
  /** The newest version Flyway applied there, or null without a history table. */
  static String applied(DataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(APPLIED)) {
      ps.setBoolean(1, true);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      return null; // no history table: Flyway creates or baselines it
    }
  }
}
