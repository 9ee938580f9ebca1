package io.gatehouse.server.testing;

import io.gatehouse.server.storage.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;

/**
 * The databases every store and integration test runs on: embedded H2 and PostgreSQL.
 *
 * <p>PostgreSQL comes from {@code GATEHOUSE_TEST_PG_URL} (a JDBC URL of a database the tests may
 * create schemas in; user and password from {@code GATEHOUSE_TEST_PG_USER} / {@code _PASSWORD}).
 * {@code .ci/run} starts one. Without it the PostgreSQL runs are skipped on a developer's machine
 * and fail under CI, where skipping would hide a backend that was never tested.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** For {@code @MethodSource}: one fresh, migrated database per backend, named for the test report. */
  public static Stream<Named<Supplier<Database>>> all() {
    return Stream.of(Named.of("h2", TestDatabases::h2), Named.of("postgresql", TestDatabases::postgres));
  }

  public static Database h2() {
    return Database.inMemory("test-" + UUID.randomUUID());
  }

  /** A fresh schema in the test PostgreSQL, migrated; skipped where no PostgreSQL is configured. */
  public static Database postgres() {
    return Database.open(postgresSchemaUrl(), envOr("GATEHOUSE_TEST_PG_USER", "postgres"),
        envOr("GATEHOUSE_TEST_PG_PASSWORD", ""));
  }

  /** Creates a fresh schema and returns a JDBC URL whose connections use it. */
  private static String postgresSchemaUrl() {
    String url = System.getenv("GATEHOUSE_TEST_PG_URL");
    if (url == null || url.isBlank()) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException("CI must provide PostgreSQL: GATEHOUSE_TEST_PG_URL is not set");
      }
      Assumptions.abort("GATEHOUSE_TEST_PG_URL not set: PostgreSQL tests skipped");
    }
    String user = envOr("GATEHOUSE_TEST_PG_USER", "postgres");
    String password = envOr("GATEHOUSE_TEST_PG_PASSWORD", "");
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test schema in " + url, e);
    }
    String sep = url.contains("?") ? "&" : "?";
    return url + sep + "currentSchema=" + schema;
  }

  /**
   * One fresh database that several servers open at once, as servers sharing a production
   * database do: each call of the returned supplier opens a new pool on the same database.
   */
  public static Supplier<Database> shared(String backend) {
    return switch (backend) {
      case "h2" -> {
        String name = "shared-" + UUID.randomUUID();
        yield () -> Database.inMemory(name);
      }
      case "postgresql" -> {
        String url = postgresSchemaUrl();
        yield () -> Database.open(url, envOr("GATEHOUSE_TEST_PG_USER", "postgres"), envOr("GATEHOUSE_TEST_PG_PASSWORD", ""));
      }
      default -> throw new IllegalArgumentException("unknown backend " + backend);
    };
  }

  public static boolean postgresConfigured() {
    String url = System.getenv("GATEHOUSE_TEST_PG_URL");
    return url != null && !url.isBlank();
  }

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isEmpty() ? fallback : v;
  }
}
