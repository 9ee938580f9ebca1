package io.gatehouse.server.assignmentrules;

import io.gatehouse.server.assignments.PrincipalType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link RuleStore} on {@code assignment_rules} (V9); timestamps are stored as UTC. The instance is
 * read from Identity Center's {@code sso_instances} (V5), which has no public lookup by ARN.
 */
final class JdbcRuleStore implements RuleStore {
  private static final String COLUMNS = "seq, id, instance_arn, permission_set_arn, principal_type, principal_id,"
      + " scope_parent_id, scope_tag_key, scope_tag_value, description, created_at, status_reason";

  @Override
  public void lock(Handle h) {
    try {
      h.createQuery("SELECT id FROM assignment_rule_lock WHERE id = 1 FOR UPDATE").mapTo(Integer.class).list();
    } catch (JdbiException e) {
      if (!isLockTimeout(e)) throw e;
      throw new RuleErrors.ConflictException("Another change to assignment rules is in progress; retry the request.");
    }
  }

  @Override
  public boolean tryLock(Handle h) {
    return !h.createQuery("SELECT id FROM assignment_rule_lock WHERE id = 1 FOR UPDATE SKIP LOCKED")
        .mapTo(Integer.class).list().isEmpty();
  }

  /** H2's lock timeout, PostgreSQL's lock_timeout. */
  private static boolean isLockTimeout(JdbiException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) return "HYT00".equals(sql.getSQLState()) || "55P03".equals(sql.getSQLState());
    }
    return false;
  }

  @Override
  public void insert(Handle h, AssignmentRule r) {
    String parent = null;
    String tagKey = null;
    String tagValue = null;
    switch (r.scope()) {
      case RuleScope.OrganizationalUnit ou -> parent = ou.parentId();
      case RuleScope.AccountTag tag -> {
        tagKey = tag.key();
        tagValue = tag.value();
      }
    }
    h.createUpdate("INSERT INTO assignment_rules(id, instance_arn, permission_set_arn, principal_type, principal_id,"
            + " scope_parent_id, scope_tag_key, scope_tag_value, description, created_at, status_reason)"
            + " VALUES (:id, :instance, :ps, :ptype, :pid, :parent, :tagKey, :tagValue, :description, :created, :reason)")
        .bind("id", r.id())
        .bind("instance", r.instanceArn())
        .bind("ps", r.permissionSetArn())
        .bind("ptype", r.principalType().name())
        .bind("pid", r.principalId())
        .bind("parent", parent)
        .bind("tagKey", tagKey)
        .bind("tagValue", tagValue)
        .bind("description", r.description())
        .bind("created", LocalDateTime.ofInstant(r.createdAt(), ZoneOffset.UTC))
        .bind("reason", r.statusReason())
        .execute();
  }

  @Override
  public Optional<AssignmentRule> find(Handle h, String ruleId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM assignment_rules WHERE id = :id")
        .bind("id", ruleId)
        .map(JdbcRuleStore::rule)
        .findOne();
  }

  @Override
  public List<Sequenced> list(Handle h, String instanceArn, long afterSeq, int limit) {
    return h.createQuery("SELECT " + COLUMNS + " FROM assignment_rules WHERE instance_arn = :instance AND seq > :after"
            + " ORDER BY seq LIMIT :limit")
        .bind("instance", instanceArn)
        .bind("after", afterSeq)
        .bind("limit", limit)
        .map((rs, ctx) -> new Sequenced(rs.getLong("seq"), rule(rs, ctx)))
        .list();
  }

  @Override
  public List<AssignmentRule> all(Handle h) {
    return h.createQuery("SELECT " + COLUMNS + " FROM assignment_rules ORDER BY seq").map(JdbcRuleStore::rule).list();
  }

  @Override
  public void delete(Handle h, String ruleId) {
    h.createUpdate("DELETE FROM assignment_rules WHERE id = :id").bind("id", ruleId).execute();
  }

  @Override
  public void updateStatusReason(Handle h, String ruleId, String reason) {
    h.createUpdate("UPDATE assignment_rules SET status_reason = :reason WHERE id = :id")
        .bind("id", ruleId)
        .bind("reason", reason)
        .execute();
  }

  @Override
  public Optional<InstanceRef> instance(Handle h, String instanceArn) {
    return h.createQuery("SELECT instance_arn, owner_account_id, identity_store_id FROM sso_instances WHERE instance_arn = :arn")
        .bind("arn", instanceArn)
        .map((rs, ctx) -> new InstanceRef(rs.getString(1), rs.getString(2), rs.getString(3)))
        .findOne();
  }

  private static AssignmentRule rule(ResultSet rs, StatementContext ctx) throws SQLException {
    String parent = rs.getString("scope_parent_id");
    RuleScope scope = parent != null
        ? new RuleScope.OrganizationalUnit(parent)
        : new RuleScope.AccountTag(rs.getString("scope_tag_key"), rs.getString("scope_tag_value"));
    return new AssignmentRule(
        rs.getString("id"),
        rs.getString("instance_arn"),
        rs.getString("permission_set_arn"),
        PrincipalType.valueOf(rs.getString("principal_type")),
        rs.getString("principal_id"),
        scope,
        rs.getString("description"),
        rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
        rs.getString("status_reason"));
  }
}
