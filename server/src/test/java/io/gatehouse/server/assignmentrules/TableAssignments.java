package io.gatehouse.server.assignmentrules;

import io.gatehouse.server.assignments.AssignmentRequests;
import io.gatehouse.server.assignments.AssignmentTarget;
import io.gatehouse.server.assignments.PrincipalType;
import io.gatehouse.server.storage.Database;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A test double of {@link AssignmentRequests} on a table of its own, so that it takes part in the
 * caller's transaction like the real one (a rolled-back rule leaves nothing behind). Removal is
 * immediate here; the real feature marks the assignment for deletion. No uniqueness constraint:
 * a duplicate made by a race stays visible to the test.
 */
final class TableAssignments implements AssignmentRequests {
  /** Called at the start of every listByOrigin: a test hook to force interleavings. */
  volatile Runnable beforeList = () -> {};

  static TableAssignments on(Database db) {
    db.withHandle(h -> h.execute("CREATE TABLE test_rule_assignments (instance_arn VARCHAR(128) NOT NULL,"
        + " permission_set_arn VARCHAR(256) NOT NULL, principal_type VARCHAR(8) NOT NULL, principal_id VARCHAR(47) NOT NULL,"
        + " account_id VARCHAR(12) NOT NULL, origin VARCHAR(64) NOT NULL)"));
    return new TableAssignments();
  }

  record Row(AssignmentTarget target, String origin) {}

  @Override
  public boolean ensure(Handle h, AssignmentTarget t, String origin) {
    if (count(h, t) > 0) return false;
    h.createUpdate("INSERT INTO test_rule_assignments VALUES (:i, :p, :pt, :pid, :a, :o)")
        .bind("i", t.instanceArn()).bind("p", t.permissionSetArn()).bind("pt", t.principalType().name())
        .bind("pid", t.principalId()).bind("a", t.accountId()).bind("o", origin)
        .execute();
    return true;
  }

  @Override
  public boolean remove(Handle h, AssignmentTarget t, String origin) {
    return h.createUpdate("DELETE FROM test_rule_assignments WHERE instance_arn = :i AND permission_set_arn = :p"
            + " AND principal_type = :pt AND principal_id = :pid AND account_id = :a AND origin = :o")
        .bind("i", t.instanceArn()).bind("p", t.permissionSetArn()).bind("pt", t.principalType().name())
        .bind("pid", t.principalId()).bind("a", t.accountId()).bind("o", origin)
        .execute() > 0;
  }

  @Override
  public List<AssignmentTarget> listByOrigin(Handle h, String origin) {
    beforeList.run();
    return h.createQuery("SELECT * FROM test_rule_assignments WHERE origin = :o ORDER BY account_id")
        .bind("o", origin)
        .map((rs, ctx) -> row(rs).target())
        .list();
  }

  /** Every assignment, committed. */
  List<Row> all(Database db) {
    return db.withHandle(h -> h.createQuery("SELECT * FROM test_rule_assignments ORDER BY account_id, origin")
        .map((rs, ctx) -> row(rs))
        .list());
  }

  /** As CreateAccountAssignment would make it. */
  void createByApi(Database db, AssignmentTarget t) {
    db.inTransaction(h -> ensure(h, t, API_ORIGIN));
  }

  private static long count(Handle h, AssignmentTarget t) {
    return h.createQuery("SELECT COUNT(*) FROM test_rule_assignments WHERE instance_arn = :i AND permission_set_arn = :p"
            + " AND principal_type = :pt AND principal_id = :pid AND account_id = :a")
        .bind("i", t.instanceArn()).bind("p", t.permissionSetArn()).bind("pt", t.principalType().name())
        .bind("pid", t.principalId()).bind("a", t.accountId())
        .mapTo(Long.class).one();
  }

  private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Row(new AssignmentTarget(rs.getString("instance_arn"), rs.getString("permission_set_arn"),
        PrincipalType.valueOf(rs.getString("principal_type")), rs.getString("principal_id"), rs.getString("account_id")),
        rs.getString("origin"));
  }
}
