package dev.oauthkit.hubspot.sandbox.store;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and migrates the store's schema with Flyway, from the SQL scripts of each database:
 * {@value #SQLITE} and {@value #POSTGRES}. On PostgreSQL, Flyway takes a database lock while it
 * migrates, so several sandboxes may start on one database at once. The history table is {@value
 * #HISTORY_TABLE}, so the sandbox can share a PostgreSQL schema with an application's own Flyway
 * history.
 */
public final class SchemaMigrations {

  /** The SQLite migrations, on the classpath. */
  public static final String SQLITE = "classpath:db/sandbox-sqlite";

  /** The PostgreSQL migrations, on the classpath. */
  public static final String POSTGRES = "classpath:db/sandbox-postgres";

  /** Flyway's history table for the sandbox's schema. */
  public static final String HISTORY_TABLE = "sandbox_schema_history";

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
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : Objects.requireNonNullElse(result.initialSchemaVersion, "none");
  }
}
