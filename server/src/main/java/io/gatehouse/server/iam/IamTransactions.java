package io.gatehouse.server.iam;

import io.gatehouse.server.storage.ChangeLog;
import io.gatehouse.server.storage.Database;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * How the IAM services reach the database: reads on a handle; writes in one transaction that
 * first locks the account's IAM row (so quota and name checks hold) and ends by appending topic
 * {@value #TOPIC} to the change log, which makes every server reload its IAM snapshot.
 */
final class IamTransactions {
  static final String TOPIC = "iam";

  private final Database db;

  IamTransactions(Database db) {
    this.db = db;
  }

  <R> R read(Function<IamStore, R> work) {
    return db.withHandle(h -> work.apply(new JdbcIamStore(h)));
  }

  /** A read of something kept outside the IAM tables (access keys) on a plain handle. */
  <R> R readKeys(Function<Handle, R> work) {
    return db.withHandle(work::apply);
  }

  <R> R write(String accountId, Write<R> work) {
    return db.inTransaction(h -> writeIn(h, accountId, work));
  }

  /** A write inside a transaction someone else opened (e.g. Organizations' CreateAccount). */
  static <R> R writeIn(Handle h, String accountId, Write<R> work) {
    IamStore store = new JdbcIamStore(h);
    store.lockAccount(accountId);
    R result = work.run(h, store);
    ChangeLog.append(h, TOPIC);
    return result;
  }

  /** A write: the handle is for access keys, which live in their own table and topic. */
  @FunctionalInterface
  interface Write<R> {
    R run(Handle handle, IamStore store);
  }
}
