package io.gatehouse.server.organizations;

import io.gatehouse.server.storage.ChangeLog;
import io.gatehouse.server.storage.Database;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * How the organization services reach the database: reads on a handle, writes in one transaction
 * that first takes the organization lock and ends by appending to the change log, so that other
 * servers learn of the change.
 */
final class OrganizationTransactions {
  static final String TOPIC = "organizations";

  private final Database db;

  OrganizationTransactions(Database db) {
    this.db = db;
  }

  <R> R read(Function<OrganizationStore, R> work) {
    return db.withHandle(h -> work.apply(new JdbcOrganizationStore(h)));
  }

  <R> R write(Write<R> work) {
    return db.inTransaction(h -> {
      OrganizationStore store = new JdbcOrganizationStore(h);
      store.lockOrganization();
      R result = work.run(h, store);
      ChangeLog.append(h, TOPIC);
      return result;
    });
  }

  /** A write: the handle is for listeners that write in the same transaction (e.g. IAM's roles). */
  @FunctionalInterface
  interface Write<R> {
    R run(Handle handle, OrganizationStore store);
  }

  static Organization requireOrganization(OrganizationStore store) {
    return store.organization().orElseThrow(OrganizationsErrors.AWSOrganizationsNotInUseException::new);
  }

  /** The root of a single-root organization (every Gatehouse organization). */
  static Root onlyRoot(OrganizationStore store) {
    return store.roots(new Keyset(0, 1)).items().getFirst();
  }
}
