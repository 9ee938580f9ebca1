package io.gatehouse.server.assignments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The assignment tables (V8) on one handle, so every call joins the caller's transaction. SQL that
 * runs on H2 (PostgreSQL mode) and PostgreSQL; times are UTC. Writes of many rows are batches.
 */
final class JdbcAssignmentStore {
  private static final String ASSIGNMENT_COLUMNS =
      "permission_set_arn, account_id, principal_type, principal_id, instance_arn, state, origin, created_at";
  private static final String OPERATION_COLUMNS = "seq, request_id, kind, instance_arn, status, failure_reason, "
      + "permission_set_arn, account_id, principal_type, principal_id, created_at";
  private static final String ROLE_COLUMNS = "permission_set_arn, account_id, instance_arn, role_id, role_name, revision";
  private static final String KEY = "permission_set_arn = :ps AND account_id = :a AND principal_type = :t "
      + "AND principal_id = :p";

  private final Handle h;

  JdbcAssignmentStore(Handle handle) {
    this.h = handle;
  }

  // ---- assignments

  /** The assignment, locked until the transaction ends. */
  Optional<Assignment> lockAssignment(AssignmentTarget t) {
    return bindKey(h.createQuery("SELECT " + ASSIGNMENT_COLUMNS + " FROM sso_account_assignment WHERE " + KEY
        + " FOR UPDATE"), t).map(JdbcAssignmentStore::assignmentRow).findOne();
  }

  /** Inserts the assignment unless one with its key exists; false if it did. */
  boolean insertAssignmentIfAbsent(Assignment a) {
    AssignmentTarget t = a.target();
    return bindKey(h.createUpdate("INSERT INTO sso_account_assignment (" + ASSIGNMENT_COLUMNS
        + ") VALUES (:ps, :a, :t, :p, :i, :state, :origin, :at) ON CONFLICT DO NOTHING"), t)
        .bind("i", t.instanceArn()).bind("state", a.state().name()).bind("origin", a.origin())
        .bind("at", utc(a.createdAt())).execute() > 0;
  }

  void setState(AssignmentTarget t, AssignmentState state) {
    bindKey(h.createUpdate("UPDATE sso_account_assignment SET state = :state WHERE " + KEY), t)
        .bind("state", state.name()).execute();
  }

  /** Makes a deleted-in-progress assignment wanted again, under a new origin. */
  void revive(AssignmentTarget t, String origin) {
    bindKey(h.createUpdate("UPDATE sso_account_assignment SET state = 'CREATING', origin = :origin WHERE " + KEY), t)
        .bind("origin", origin).execute();
  }

  void setStates(Collection<AssignmentTarget> targets, AssignmentState state) {
    PreparedBatch b = h.prepareBatch("UPDATE sso_account_assignment SET state = :state WHERE " + KEY);
    for (AssignmentTarget t : targets) bindKey(b, t).bind("state", state.name()).add();
    if (b.size() > 0) b.execute();
  }

  void deleteAssignments(Collection<AssignmentTarget> targets) {
    PreparedBatch b = h.prepareBatch("DELETE FROM sso_account_assignment WHERE " + KEY);
    for (AssignmentTarget t : targets) bindKey(b, t).add();
    if (b.size() > 0) b.execute();
  }

  /** Every assignment (in any state) of these permission sets in these accounts. */
  List<Assignment> assignmentsIn(Collection<String> permissionSetArns, Collection<String> accountIds) {
    if (accountIds.isEmpty() || permissionSetArns.isEmpty()) return List.of();
    return h.createQuery("SELECT " + ASSIGNMENT_COLUMNS + " FROM sso_account_assignment WHERE account_id IN (<a>) "
            + "AND permission_set_arn IN (<ps>)")
        .bindList("a", new ArrayList<>(accountIds)).bindList("ps", new ArrayList<>(permissionSetArns))
        .map(JdbcAssignmentStore::assignmentRow).list();
  }

  /** Assignments of a permission set in an account that are not being deleted, by principal, after a key. */
  List<Assignment> assignmentsOf(String permissionSetArn, String accountId, String afterKey, int limit) {
    return h.createQuery("SELECT " + ASSIGNMENT_COLUMNS + " FROM sso_account_assignment WHERE permission_set_arn = :ps "
            + "AND account_id = :a AND state <> 'DELETING' AND principal_type || ':' || principal_id > :after "
            + "ORDER BY principal_type || ':' || principal_id LIMIT " + limit)
        .bind("ps", permissionSetArn).bind("a", accountId).bind("after", afterKey == null ? "" : afterKey)
        .map(JdbcAssignmentStore::assignmentRow).list();
  }

  /** A principal's assignments that are not being deleted, optionally in one account, after a key. */
  List<Assignment> assignmentsOfPrincipal(String instanceArn, PrincipalType type, String principalId, String accountId,
      String afterKey, int limit) {
    var q = h.createQuery("SELECT " + ASSIGNMENT_COLUMNS + " FROM sso_account_assignment WHERE principal_id = :p "
            + "AND principal_type = :t AND instance_arn = :i AND state <> 'DELETING' "
            + (accountId == null ? "" : "AND account_id = :a ")
            + "AND account_id || ' ' || permission_set_arn > :after ORDER BY account_id || ' ' || permission_set_arn LIMIT "
            + limit)
        .bind("p", principalId).bind("t", type.name()).bind("i", instanceArn)
        .bind("after", afterKey == null ? "" : afterKey);
    if (accountId != null) q.bind("a", accountId);
    return q.map(JdbcAssignmentStore::assignmentRow).list();
  }

  List<Assignment> assignmentsByOrigin(String origin) {
    return h.createQuery("SELECT " + ASSIGNMENT_COLUMNS + " FROM sso_account_assignment WHERE origin = :o "
            + "AND state <> 'DELETING' ORDER BY permission_set_arn, account_id, principal_type, principal_id")
        .bind("o", origin).map(JdbcAssignmentStore::assignmentRow).list();
  }

  /** Whether any assignment (in any state) names the permission set. */
  boolean anyAssignmentOf(String permissionSetArn) {
    return h.createQuery("SELECT 1 FROM sso_account_assignment WHERE permission_set_arn = :ps LIMIT 1")
        .bind("ps", permissionSetArn).mapTo(Integer.class).findOne().isPresent();
  }

  // ---- operations

  void insertOperation(StatusRecord r) {
    h.createUpdate("INSERT INTO sso_operation (request_id, kind, instance_arn, status, failure_reason, "
            + "permission_set_arn, account_id, principal_type, principal_id, created_at) "
            + "VALUES (:id, :kind, :i, :status, :reason, :ps, :a, :t, :p, :at)")
        .bind("id", r.requestId()).bind("kind", r.kind().name()).bind("i", r.instanceArn())
        .bind("status", r.status().name()).bind("reason", r.failureReason()).bind("ps", r.permissionSetArn())
        .bind("a", r.accountId()).bind("t", r.principalType() == null ? null : r.principalType().name())
        .bind("p", r.principalId()).bind("at", utc(r.createdAt()))
        .execute();
  }

  Optional<StatusRecord> operation(String requestId) {
    return h.createQuery("SELECT " + OPERATION_COLUMNS + " FROM sso_operation WHERE request_id = :id")
        .bind("id", requestId).map(JdbcAssignmentStore::operationRow).findOne();
  }

  /** An instance's requests of some kinds, newest first, before a sequence number (null: from the newest). */
  List<StatusRecord> operations(String instanceArn, Collection<OperationKind> kinds, OperationStatus status,
      Long beforeSeq, int limit) {
    var q = h.createQuery("SELECT " + OPERATION_COLUMNS + " FROM sso_operation WHERE instance_arn = :i AND kind IN (<k>) "
            + (status == null ? "" : "AND status = :status ") + (beforeSeq == null ? "" : "AND seq < :before ")
            + "ORDER BY seq DESC LIMIT " + limit)
        .bind("i", instanceArn).bindList("k", kinds.stream().map(Enum::name).toList());
    if (status != null) q.bind("status", status.name());
    if (beforeSeq != null) q.bind("before", beforeSeq);
    return q.map(JdbcAssignmentStore::operationRow).list();
  }

  /**
   * Claims up to {@code limit} pending requests, oldest first, locking them until the transaction
   * ends; rows another worker (another server) holds are skipped rather than waited for. H2 and
   * PostgreSQL both support {@code FOR UPDATE SKIP LOCKED}.
   */
  List<StatusRecord> claimPending(int limit) {
    return h.createQuery("SELECT " + OPERATION_COLUMNS + " FROM sso_operation WHERE status = 'IN_PROGRESS' "
            + "ORDER BY seq LIMIT " + limit + " FOR UPDATE SKIP LOCKED")
        .map(JdbcAssignmentStore::operationRow).list();
  }

  /** The request if it is still IN_PROGRESS, locked until the transaction ends (waiting for another holder). */
  List<StatusRecord> claim(long seq) {
    return h.createQuery("SELECT " + OPERATION_COLUMNS + " FROM sso_operation WHERE seq = :seq "
            + "AND status = 'IN_PROGRESS' FOR UPDATE")
        .bind("seq", seq).map(JdbcAssignmentStore::operationRow).list();
  }

  /** Whether any request is still waiting for the worker. */
  boolean anyPending() {
    return h.createQuery("SELECT 1 FROM sso_operation WHERE status = 'IN_PROGRESS' LIMIT 1")
        .mapTo(Integer.class).findOne().isPresent();
  }

  void complete(Collection<StatusRecord> done) {
    PreparedBatch b = h.prepareBatch("UPDATE sso_operation SET status = :status, failure_reason = :reason "
        + "WHERE seq = :seq");
    for (StatusRecord r : done) {
      b.bind("seq", r.seq()).bind("status", r.status().name()).bind("reason", r.failureReason()).add();
    }
    if (b.size() > 0) b.execute();
  }

  // ---- provisioned roles

  /** The roles of these permission sets in these accounts. */
  List<ProvisionedRole> rolesIn(Collection<String> permissionSetArns, Collection<String> accountIds) {
    if (accountIds.isEmpty() || permissionSetArns.isEmpty()) return List.of();
    return h.createQuery("SELECT " + ROLE_COLUMNS + " FROM sso_provisioned_role WHERE account_id IN (<a>) "
            + "AND permission_set_arn IN (<ps>)")
        .bindList("a", new ArrayList<>(accountIds)).bindList("ps", new ArrayList<>(permissionSetArns))
        .map(JdbcAssignmentStore::roleRow).list();
  }

  List<ProvisionedRole> rolesOf(String permissionSetArn) {
    return h.createQuery("SELECT " + ROLE_COLUMNS + " FROM sso_provisioned_role WHERE permission_set_arn = :ps "
            + "ORDER BY account_id")
        .bind("ps", permissionSetArn).map(JdbcAssignmentStore::roleRow).list();
  }

  Optional<ProvisionedRole> role(RoleSlot slot) {
    return h.createQuery("SELECT " + ROLE_COLUMNS + " FROM sso_provisioned_role WHERE permission_set_arn = :ps "
            + "AND account_id = :a")
        .bind("ps", slot.permissionSetArn()).bind("a", slot.accountId()).map(JdbcAssignmentStore::roleRow).findOne();
  }

  /** The roles of one instance in an account, by permission set ARN. */
  List<ProvisionedRole> rolesInAccount(String instanceArn, String accountId) {
    return h.createQuery("SELECT " + ROLE_COLUMNS + " FROM sso_provisioned_role WHERE instance_arn = :i "
            + "AND account_id = :a ORDER BY permission_set_arn")
        .bind("i", instanceArn).bind("a", accountId).map(JdbcAssignmentStore::roleRow).list();
  }

  void insertRoles(Collection<ProvisionedRole> roles, Instant at) {
    PreparedBatch b = h.prepareBatch("INSERT INTO sso_provisioned_role (" + ROLE_COLUMNS + ", provisioned_at) "
        + "VALUES (:ps, :a, :i, :id, :name, :rev, :at)");
    for (ProvisionedRole r : roles) {
      b.bind("ps", r.slot().permissionSetArn()).bind("a", r.slot().accountId()).bind("i", r.instanceArn())
          .bind("id", r.roleId()).bind("name", r.roleName()).bind("rev", r.revision()).bind("at", utc(at)).add();
    }
    if (b.size() > 0) b.execute();
  }

  void setRevisions(Collection<ProvisionedRole> roles, Instant at) {
    PreparedBatch b = h.prepareBatch("UPDATE sso_provisioned_role SET revision = :rev, provisioned_at = :at "
        + "WHERE permission_set_arn = :ps AND account_id = :a");
    for (ProvisionedRole r : roles) {
      b.bind("ps", r.slot().permissionSetArn()).bind("a", r.slot().accountId()).bind("rev", r.revision())
          .bind("at", utc(at)).add();
    }
    if (b.size() > 0) b.execute();
  }

  void deleteRoles(Collection<RoleSlot> slots) {
    PreparedBatch b = h.prepareBatch("DELETE FROM sso_provisioned_role WHERE permission_set_arn = :ps AND account_id = :a");
    for (RoleSlot s : slots) b.bind("ps", s.permissionSetArn()).bind("a", s.accountId()).add();
    if (b.size() > 0) b.execute();
  }

  // ---- rows

  private static <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bindKey(S statement, AssignmentTarget t) {
    return statement.bind("ps", t.permissionSetArn()).bind("a", t.accountId()).bind("t", t.principalType().name())
        .bind("p", t.principalId());
  }

  private static Assignment assignmentRow(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Assignment(new AssignmentTarget(rs.getString("instance_arn"), rs.getString("permission_set_arn"),
        PrincipalType.valueOf(rs.getString("principal_type")), rs.getString("principal_id"), rs.getString("account_id")),
        AssignmentState.valueOf(rs.getString("state")), rs.getString("origin"),
        instant(rs.getObject("created_at", LocalDateTime.class)));
  }

  private static StatusRecord operationRow(ResultSet rs, StatementContext ctx) throws SQLException {
    String type = rs.getString("principal_type");
    return new StatusRecord(rs.getLong("seq"), rs.getString("request_id"), OperationKind.valueOf(rs.getString("kind")),
        rs.getString("instance_arn"), OperationStatus.valueOf(rs.getString("status")), rs.getString("failure_reason"),
        rs.getString("permission_set_arn"), rs.getString("account_id"), type == null ? null : PrincipalType.valueOf(type),
        rs.getString("principal_id"), instant(rs.getObject("created_at", LocalDateTime.class)));
  }

  private static ProvisionedRole roleRow(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ProvisionedRole(new RoleSlot(rs.getString("permission_set_arn"), rs.getString("account_id")),
        rs.getString("instance_arn"), rs.getString("role_id"), rs.getString("role_name"), rs.getLong("revision"));
  }

  static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
