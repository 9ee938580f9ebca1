package io.gatehouse.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The source of truth: a pooled JDBC database (embedded H2 by default, PostgreSQL in production),
 * migrated by Flyway from {@code db/migration} at open. Every write goes through
 * {@link #inTransaction}; nothing is acknowledged before its transaction commits.
 */
public final class Database implements AutoCloseable {
  public enum Dialect { H2, POSTGRESQL }

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Dialect dialect;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(dataSource);
  }

  /**
   * The embedded default: an H2 file database in {@code dataDir}. WRITE_DELAY=0 makes every commit
   * write the store before it returns (nothing acknowledged is lost to kill -9);
   * DB_CLOSE_ON_EXIT=FALSE leaves closing to the server's graceful shutdown, after the requests in
   * flight, instead of H2's own shutdown hook.
   */
  public static Database embedded(Path dataDir) {
    String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("gatehouse")
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE;WRITE_DELAY=0"
        + ";DB_CLOSE_ON_EXIT=FALSE";
    return open(url, "sa", "");
  }

  /** A private in-memory H2 database, for tests. */
  public static Database inMemory(String name) {
    return open("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "sa", "");
  }

  /** Opens any supported JDBC URL (jdbc:h2:… or jdbc:postgresql:…) and migrates it. */
  public static Database open(String jdbcUrl, String user, String password) {
    Dialect dialect = jdbcUrl.startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL : Dialect.H2;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(dialect == Dialect.H2 ? 8 : 16);
    config.setPoolName("gatehouse");
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    HikariDataSource ds = new HikariDataSource(config);
    try {
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    return new Database(ds, dialect);
  }

  /** Called with the topic after each local transaction that appended to the {@link ChangeLog} commits. */
  public void onLocalCommit(java.util.function.Consumer<String> topicListener) {
    jdbi.getConfig(LocalCommits.class).listener(topicListener);
  }

  public Dialect dialect() {
    return dialect;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** Runs {@code callback} in one transaction; commits on return, rolls back on any exception. */
  public <R, X extends Exception> R inTransaction(HandleCallback<R, X> callback) throws X {
    return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, callback);
  }

  /** A read outside a transaction. */
  public <R, X extends Exception> R withHandle(HandleCallback<R, X> callback) throws X {
    return jdbi.withHandle(callback);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
