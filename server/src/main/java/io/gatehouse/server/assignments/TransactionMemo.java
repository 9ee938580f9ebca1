package io.gatehouse.server.assignments;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Facts remembered for the rest of one transaction, as attributes of its handle: a rule that asks
 * for thousands of assignments in one transaction checks its permission set once and appends the
 * change log once, not per assignment. Cleared when the transaction ends.
 */
final class TransactionMemo {
  private static final String PREFIX = "gatehouse.assignments.";

  private TransactionMemo() {}

  /** True the first time {@code key} is seen in this transaction. */
  static boolean first(Handle h, String key) {
    String name = PREFIX + key;
    if (h.getConfig(SqlStatements.class).getAttribute(name) != null) return false;
    h.define(name, Boolean.TRUE);
    Runnable forget = () -> h.define(name, null);
    h.afterCommit(forget);
    h.afterRollback(forget);
    return true;
  }
}
