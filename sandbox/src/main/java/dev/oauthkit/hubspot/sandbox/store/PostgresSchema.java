package dev.oauthkit.hubspot.sandbox.store;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and migrates the PostgreSQL schema with Flyway, from the SQL scripts in {@value
 * #LOCATION}. Flyway takes a database lock while it migrates, so several sandboxes may start on one
 * database at once; a schema already up to date is left alone. Its history table is {@value
 * #HISTORY_TABLE}, so the sandbox can share a schema with an application's own Flyway history.
 */
public final class PostgresSchema {

  /** Where the migrations are, on the classpath. */
  public static final String LOCATION = "classpath:db/sandbox-postgres";

  /** Flyway's history table for the sandbox's schema. */
  public static final String HISTORY_TABLE = "sandbox_schema_history";

  private PostgresSchema() {}

  /**
   * Brings the schema of {@code dataSource}'s default schema up to the newest version.
   *
   * @return the version the schema is at afterwards, e.g. {@code 1}
   */
  public static String migrate(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    MigrateResult result =
        Flyway.configure(PostgresSchema.class.getClassLoader())
            .dataSource(dataSource)
            .locations(LOCATION)
            .table(HISTORY_TABLE)
            .failOnMissingLocations(true)
            .load()
            .migrate();
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : Objects.requireNonNullElse(result.initialSchemaVersion, "none");
  }
}
