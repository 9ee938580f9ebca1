package io.gatehouse.server.permissionsets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link PermissionSetStore} on the V7 tables; timestamps are stored as UTC. */
final class JdbcPermissionSetStore implements PermissionSetStore {
  private static final String COLUMNS = "permission_set_arn, instance_arn, name, description, session_seconds,"
      + " relay_state, inline_policy, boundary_policy_arn, boundary_policy_name, boundary_policy_path, created_date, revision";

  // Orders are Java's (by UTF-16 code unit), not the database collation's, so that both backends agree.
  static final Comparator<CustomerManagedPolicyReference> CUSTOMER_ORDER =
      Comparator.comparing(CustomerManagedPolicyReference::path).thenComparing(CustomerManagedPolicyReference::name);

  @Override
  public void lockInstance(Handle h, String instanceArn) {
    // The instance row is Identity Center's; it is only locked here, never written.
    h.createQuery("SELECT instance_arn FROM sso_instances WHERE instance_arn = :arn FOR UPDATE")
        .bind("arn", instanceArn)
        .mapTo(String.class)
        .findOne();
  }

  @Override
  public int count(Handle h, String instanceArn) {
    return h.createQuery("SELECT COUNT(*) FROM sso_permission_set WHERE instance_arn = :instance")
        .bind("instance", instanceArn)
        .mapTo(Integer.class)
        .one();
  }

  @Override
  public boolean nameTaken(Handle h, String instanceArn, String name) {
    return h.createQuery("SELECT COUNT(*) FROM sso_permission_set WHERE instance_arn = :instance AND name = :name")
        .bind("instance", instanceArn)
        .bind("name", name)
        .mapTo(Integer.class)
        .one() > 0;
  }

  @Override
  public Optional<PermissionSet> find(Handle h, String permissionSetArn, boolean forUpdate) {
    Optional<Row> row = h.createQuery("SELECT " + COLUMNS + " FROM sso_permission_set WHERE permission_set_arn = :arn"
            + (forUpdate ? " FOR UPDATE" : ""))
        .bind("arn", permissionSetArn)
        .map(JdbcPermissionSetStore::row)
        .findOne();
    return row.map(r -> r.with(managedPolicies(h, permissionSetArn), customerPolicies(h, permissionSetArn)));
  }

  private List<String> managedPolicies(Handle h, String arn) {
    return h.createQuery("SELECT policy_arn FROM sso_permission_set_managed_policy WHERE permission_set_arn = :arn"
            + " ORDER BY policy_arn")
        .bind("arn", arn)
        .mapTo(String.class)
        .stream().sorted().toList();
  }

  private List<CustomerManagedPolicyReference> customerPolicies(Handle h, String arn) {
    return h.createQuery("SELECT policy_name, policy_path FROM sso_permission_set_customer_policy"
            + " WHERE permission_set_arn = :arn ORDER BY policy_path, policy_name")
        .bind("arn", arn)
        .map((rs, ctx) -> new CustomerManagedPolicyReference(rs.getString("policy_name"), rs.getString("policy_path")))
        .stream().sorted(CUSTOMER_ORDER).toList();
  }

  @Override
  public List<String> listArns(Handle h, String instanceArn, String afterArn, int limit) {
    return h.createQuery("SELECT permission_set_arn FROM sso_permission_set WHERE instance_arn = :instance"
            + " AND permission_set_arn > :after ORDER BY permission_set_arn LIMIT :limit")
        .bind("instance", instanceArn)
        .bind("after", afterArn == null ? "" : afterArn)
        .bind("limit", limit)
        .mapTo(String.class)
        .list();
  }

  @Override
  public void insert(Handle h, PermissionSet s) {
    if (!s.managedPolicyArns().isEmpty() || !s.customerManagedPolicies().isEmpty()) {
      throw new IllegalArgumentException("a new permission set has no policies attached");
    }
    h.createUpdate("INSERT INTO sso_permission_set(" + COLUMNS + ") VALUES (:arn, :instance, :name, :description,"
            + " :seconds, :relay, :inline, :bArn, :bName, :bPath, :created, :revision)")
        .bind("arn", s.permissionSetArn())
        .bind("instance", s.instanceArn())
        .bind("name", s.name())
        .bind("created", LocalDateTime.ofInstant(s.createdDate(), ZoneOffset.UTC))
        .bindMap(ownColumns(s))
        .execute();
  }

  @Override
  public void update(Handle h, PermissionSet s) {
    int n = h.createUpdate("UPDATE sso_permission_set SET description = :description, session_seconds = :seconds,"
            + " relay_state = :relay, inline_policy = :inline, boundary_policy_arn = :bArn, boundary_policy_name = :bName,"
            + " boundary_policy_path = :bPath, revision = :revision WHERE permission_set_arn = :arn")
        .bind("arn", s.permissionSetArn())
        .bindMap(ownColumns(s))
        .execute();
    if (n != 1) throw new IllegalStateException("no permission set " + s.permissionSetArn());
  }

  private static Map<String, Object> ownColumns(PermissionSet s) {
    var m = new HashMap<String, Object>();
    m.put("description", s.description());
    m.put("seconds", s.sessionDuration().toSeconds());
    m.put("relay", s.relayState());
    m.put("inline", s.inlinePolicy());
    PermissionsBoundary b = s.permissionsBoundary();
    CustomerManagedPolicyReference ref = b == null ? null : b.customerManagedPolicyReference();
    m.put("bArn", b == null ? null : b.managedPolicyArn());
    m.put("bName", ref == null ? null : ref.name());
    m.put("bPath", ref == null ? null : ref.path());
    m.put("revision", s.revision());
    return m;
  }

  @Override
  public void delete(Handle h, String permissionSetArn) {
    // Children first: the cascade would do it, but explicit deletes keep the order plain on both databases.
    for (String table : List.of("sso_permission_set_managed_policy", "sso_permission_set_customer_policy", "sso_permission_set")) {
      h.createUpdate("DELETE FROM " + table + " WHERE permission_set_arn = :arn").bind("arn", permissionSetArn).execute();
    }
  }

  @Override
  public void attachManagedPolicy(Handle h, String permissionSetArn, String policyArn) {
    h.createUpdate("INSERT INTO sso_permission_set_managed_policy(permission_set_arn, policy_arn) VALUES (:arn, :policy)")
        .bind("arn", permissionSetArn)
        .bind("policy", policyArn)
        .execute();
  }

  @Override
  public boolean detachManagedPolicy(Handle h, String permissionSetArn, String policyArn) {
    return h.createUpdate("DELETE FROM sso_permission_set_managed_policy WHERE permission_set_arn = :arn AND policy_arn = :policy")
        .bind("arn", permissionSetArn)
        .bind("policy", policyArn)
        .execute() > 0;
  }

  @Override
  public void attachCustomerPolicy(Handle h, String permissionSetArn, CustomerManagedPolicyReference ref) {
    h.createUpdate("INSERT INTO sso_permission_set_customer_policy(permission_set_arn, policy_path, policy_name)"
            + " VALUES (:arn, :path, :name)")
        .bind("arn", permissionSetArn)
        .bind("path", ref.path())
        .bind("name", ref.name())
        .execute();
  }

  @Override
  public boolean detachCustomerPolicy(Handle h, String permissionSetArn, CustomerManagedPolicyReference ref) {
    return h.createUpdate("DELETE FROM sso_permission_set_customer_policy WHERE permission_set_arn = :arn"
            + " AND policy_path = :path AND policy_name = :name")
        .bind("arn", permissionSetArn)
        .bind("path", ref.path())
        .bind("name", ref.name())
        .execute() > 0;
  }

  @Override
  public List<Tag> tags(Handle h, String resourceArn) {
    return h.createQuery("SELECT tag_key, tag_value FROM sso_tag WHERE resource_arn = :arn ORDER BY tag_key")
        .bind("arn", resourceArn)
        .map((rs, ctx) -> new Tag(rs.getString("tag_key"), rs.getString("tag_value")))
        .stream().sorted(Comparator.comparing(Tag::key)).toList();
  }

  @Override
  public void putTag(Handle h, String resourceArn, Tag tag) {
    int n = h.createUpdate("UPDATE sso_tag SET tag_value = :value WHERE resource_arn = :arn AND tag_key = :key")
        .bind("arn", resourceArn)
        .bind("key", tag.key())
        .bind("value", tag.value())
        .execute();
    if (n == 0) {
      h.createUpdate("INSERT INTO sso_tag(resource_arn, tag_key, tag_value) VALUES (:arn, :key, :value)")
          .bind("arn", resourceArn)
          .bind("key", tag.key())
          .bind("value", tag.value())
          .execute();
    }
  }

  @Override
  public void removeTag(Handle h, String resourceArn, String key) {
    h.createUpdate("DELETE FROM sso_tag WHERE resource_arn = :arn AND tag_key = :key")
        .bind("arn", resourceArn)
        .bind("key", key)
        .execute();
  }

  @Override
  public void removeTags(Handle h, String resourceArn) {
    h.createUpdate("DELETE FROM sso_tag WHERE resource_arn = :arn").bind("arn", resourceArn).execute();
  }

  /** The set's own row, before its policy lists are read. */
  private record Row(String arn, String instanceArn, String name, String description, long seconds, String relayState,
      String inlinePolicy, PermissionsBoundary boundary, Instant created, long revision) {
    PermissionSet with(List<String> managed, List<CustomerManagedPolicyReference> customer) {
      return new PermissionSet(instanceArn, arn, name, description, Duration.ofSeconds(seconds), relayState, created,
          managed, customer, inlinePolicy, boundary, revision);
    }
  }

  private static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
    String bArn = rs.getString("boundary_policy_arn");
    String bName = rs.getString("boundary_policy_name");
    PermissionsBoundary boundary = bArn != null ? new PermissionsBoundary(bArn, null)
        : bName != null ? new PermissionsBoundary(null, new CustomerManagedPolicyReference(bName, rs.getString("boundary_policy_path")))
        : null;
    return new Row(rs.getString("permission_set_arn"), rs.getString("instance_arn"), rs.getString("name"),
        rs.getString("description"), rs.getLong("session_seconds"), rs.getString("relay_state"),
        rs.getString("inline_policy"), boundary,
        rs.getObject("created_date", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getLong("revision"));
  }
}
