package io.gatehouse.server.organizations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The {@link OrganizationStore} on JDBC, through one JDBI handle (one transaction). SQL is plain
 * enough for H2 in PostgreSQL mode and PostgreSQL alike. Instants are stored as UTC
 * {@code TIMESTAMP}s, independent of the JVM's time zone.
 */
final class JdbcOrganizationStore implements OrganizationStore {
  private final Handle handle;

  JdbcOrganizationStore(Handle handle) {
    this.handle = handle;
  }

  // --- organization and roots

  @Override
  public Optional<Organization> organization() {
    return handle.createQuery("SELECT id, feature_set, management_account_id, created_at FROM org_organization")
        .map((rs, ctx) -> new Organization(rs.getString("id"), FeatureSet.valueOf(rs.getString("feature_set")),
            rs.getString("management_account_id"), instant(rs, "created_at")))
        .findOne();
  }

  @Override
  public void lockOrganization() {
    try {
      handle.createQuery("SELECT id FROM org_organization FOR UPDATE").mapTo(String.class).list();
    } catch (JdbiException e) {
      if (isLockTimeout(e)) throw new OrganizationsErrors.ConcurrentModificationException();
      throw e;
    }
  }

  @Override
  public boolean insertOrganization(Organization o) {
    try {
      handle.createUpdate("INSERT INTO org_organization(id, feature_set, management_account_id, created_at)"
              + " VALUES (:id, :fs, :mgmt, :at)")
          .bind("id", o.id()).bind("fs", o.featureSet().name()).bind("mgmt", o.managementAccountId())
          .bind("at", utc(o.createdAt()))
          .execute();
      return true;
    } catch (JdbiException e) {
      if (isUniqueViolation(e)) return false;
      throw e;
    }
  }

  @Override
  public void insertRoot(Root root) {
    handle.createUpdate("INSERT INTO org_root(id, organization_id, name) VALUES (:id, :org, :name)")
        .bind("id", root.id()).bind("org", root.organizationId()).bind("name", root.name())
        .execute();
    for (OrganizationPolicyType t : root.enabledPolicyTypes()) enablePolicyType(root.id(), t);
  }

  @Override
  public Optional<Root> root(String rootId) {
    record Row(String organizationId, String name) {}
    return handle.createQuery("SELECT organization_id, name FROM org_root WHERE id = :id")
        .bind("id", rootId)
        .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2)))
        .findOne()
        .map(row -> new Root(rootId, row.organizationId(), row.name(), enabledTypes(rootId)));
  }

  private Set<OrganizationPolicyType> enabledTypes(String rootId) {
    Set<OrganizationPolicyType> types = EnumSet.noneOf(OrganizationPolicyType.class);
    handle.createQuery("SELECT policy_type FROM org_root_policy_type WHERE root_id = :id")
        .bind("id", rootId)
        .mapTo(String.class)
        .forEach(t -> types.add(OrganizationPolicyType.valueOf(t)));
    return types;
  }

  @Override
  public Slice<Root> roots(Keyset page) {
    Slice<String> ids = slice(handle.createQuery("SELECT seq, id FROM org_root WHERE seq > :after ORDER BY seq LIMIT :n"),
        page, (rs, ctx) -> rs.getString("id"));
    return ids.map(id -> root(id).orElseThrow());
  }

  @Override
  public void enablePolicyType(String rootId, OrganizationPolicyType type) {
    handle.createUpdate("INSERT INTO org_root_policy_type(root_id, policy_type, status) VALUES (:root, :type, 'ENABLED')")
        .bind("root", rootId).bind("type", type.name())
        .execute();
  }

  @Override
  public void disablePolicyType(String rootId, OrganizationPolicyType type) {
    handle.createUpdate("DELETE FROM org_root_policy_type WHERE root_id = :root AND policy_type = :type")
        .bind("root", rootId).bind("type", type.name())
        .execute();
  }

  // --- organizational units

  private static final String OU_COLUMNS = "seq, id, root_id, parent_id, name, depth, lineage, created_at";
  private static final RowMapper<OrganizationalUnit> OU = (rs, ctx) -> new OrganizationalUnit(
      rs.getString("id"), rs.getString("root_id"), rs.getString("parent_id"), rs.getString("name"),
      rs.getInt("depth"), rs.getString("lineage"), instant(rs, "created_at"));

  @Override
  public void insertOrganizationalUnit(OrganizationalUnit ou) {
    handle.createUpdate("INSERT INTO org_ou(id, root_id, parent_id, name, depth, lineage, created_at)"
            + " VALUES (:id, :root, :parent, :name, :depth, :lineage, :at)")
        .bind("id", ou.id()).bind("root", ou.rootId()).bind("parent", ou.parentId()).bind("name", ou.name())
        .bind("depth", ou.depth()).bind("lineage", ou.lineage()).bind("at", utc(ou.createdAt()))
        .execute();
  }

  @Override
  public Optional<OrganizationalUnit> organizationalUnit(String ouId) {
    return handle.createQuery("SELECT " + OU_COLUMNS + " FROM org_ou WHERE id = :id")
        .bind("id", ouId).map(OU).findOne();
  }

  @Override
  public Optional<OrganizationalUnit> organizationalUnitByName(String parentId, String name) {
    return handle.createQuery("SELECT " + OU_COLUMNS + " FROM org_ou WHERE parent_id = :parent AND name = :name")
        .bind("parent", parentId).bind("name", name).map(OU).findOne();
  }

  @Override
  public void renameOrganizationalUnit(String ouId, String name) {
    handle.createUpdate("UPDATE org_ou SET name = :name WHERE id = :id").bind("id", ouId).bind("name", name).execute();
  }

  @Override
  public void deleteOrganizationalUnit(String ouId) {
    handle.createUpdate("DELETE FROM org_ou WHERE id = :id").bind("id", ouId).execute();
  }

  @Override
  public Slice<OrganizationalUnit> organizationalUnitsForParent(String parentId, Keyset page) {
    return slice(handle.createQuery("SELECT " + OU_COLUMNS
            + " FROM org_ou WHERE parent_id = :parent AND seq > :after ORDER BY seq LIMIT :n")
        .bind("parent", parentId), page, OU);
  }

  @Override
  public List<OrganizationalUnit> allOrganizationalUnits() {
    return handle.createQuery("SELECT " + OU_COLUMNS + " FROM org_ou ORDER BY seq").map(OU).list();
  }

  @Override
  public long countOrganizationalUnits() {
    return handle.createQuery("SELECT COUNT(*) FROM org_ou").mapTo(Long.class).one();
  }

  @Override
  public boolean hasChildren(String parentId) {
    return handle.createQuery("SELECT (SELECT COUNT(*) FROM org_ou WHERE parent_id = :p)"
            + " + (SELECT COUNT(*) FROM org_account WHERE parent_id = :p)")
        .bind("p", parentId).mapTo(Long.class).one() > 0;
  }

  // --- accounts

  /** Accounts joined with their parent OU for its lineage (an account under the root has none). */
  private static final String ACCOUNT_COLUMNS =
      "a.seq, a.id, a.name, a.email, a.parent_id, a.status, a.joined_method, a.joined_at, a.closed_at,"
          + " COALESCE(o.lineage, a.parent_id) AS parent_lineage";
  private static final String ACCOUNTS = " FROM org_account a LEFT JOIN org_ou o ON o.id = a.parent_id";
  private static final RowMapper<Account> ACCOUNT = (rs, ctx) -> new Account(
      rs.getString("id"), rs.getString("name"), rs.getString("email"), rs.getString("parent_id"),
      AccountStatus.valueOf(rs.getString("status")), rs.getString("joined_method"), instant(rs, "joined_at"),
      instant(rs, "closed_at"), rs.getString("parent_lineage"));

  @Override
  public void insertAccount(Account a) {
    handle.createUpdate("INSERT INTO org_account(id, name, email, email_key, parent_id, status, joined_method, joined_at, closed_at)"
            + " VALUES (:id, :name, :email, :key, :parent, :status, :method, :joined, :closed)")
        .bind("id", a.id()).bind("name", a.name()).bind("email", a.email()).bind("key", emailKey(a.email()))
        .bind("parent", a.parentId()).bind("status", a.status().name()).bind("method", a.joinedMethod())
        .bind("joined", utc(a.joinedAt())).bind("closed", utc(a.closedAt()))
        .execute();
  }

  @Override
  public Optional<Account> account(String accountId) {
    return handle.createQuery("SELECT " + ACCOUNT_COLUMNS + ACCOUNTS + " WHERE a.id = :id")
        .bind("id", accountId).map(ACCOUNT).findOne();
  }

  @Override
  public boolean emailInUse(String email) {
    return handle.createQuery("SELECT COUNT(*) FROM org_account WHERE email_key = :key")
        .bind("key", emailKey(email)).mapTo(Long.class).one() > 0;
  }

  @Override
  public void moveAccount(String accountId, String parentId) {
    handle.createUpdate("UPDATE org_account SET parent_id = :parent WHERE id = :id")
        .bind("id", accountId).bind("parent", parentId).execute();
  }

  @Override
  public void updateAccountStatus(String accountId, AccountStatus status, Instant closedAt) {
    handle.createUpdate("UPDATE org_account SET status = :status, closed_at = :closed WHERE id = :id")
        .bind("id", accountId).bind("status", status.name()).bind("closed", utc(closedAt)).execute();
  }

  @Override
  public Slice<Account> accounts(Keyset page) {
    return slice(handle.createQuery("SELECT " + ACCOUNT_COLUMNS
        + ACCOUNTS + " WHERE a.seq > :after ORDER BY a.seq LIMIT :n"), page, ACCOUNT);
  }

  @Override
  public Slice<Account> accountsForParent(String parentId, Keyset page) {
    return slice(handle.createQuery("SELECT " + ACCOUNT_COLUMNS
            + ACCOUNTS + " WHERE a.parent_id = :parent AND a.seq > :after ORDER BY a.seq LIMIT :n")
        .bind("parent", parentId), page, ACCOUNT);
  }

  @Override
  public List<Account> allAccounts() {
    return handle.createQuery("SELECT " + ACCOUNT_COLUMNS + ACCOUNTS + " ORDER BY a.seq").map(ACCOUNT).list();
  }

  @Override
  public long countAccounts() {
    return handle.createQuery("SELECT COUNT(*) FROM org_account").mapTo(Long.class).one();
  }

  // --- account creation requests

  private static final String CREATION_COLUMNS =
      "seq, id, account_name, state, requested_at, completed_at, account_id, failure_reason";
  private static final RowMapper<AccountCreation> CREATION = (rs, ctx) -> new AccountCreation(
      rs.getString("id"), rs.getString("account_name"), rs.getString("state"), instant(rs, "requested_at"),
      instant(rs, "completed_at"), rs.getString("account_id"), rs.getString("failure_reason"));

  @Override
  public void insertAccountCreation(AccountCreation c) {
    handle.createUpdate("INSERT INTO org_create_account_status(id, account_name, state, requested_at, completed_at, account_id, failure_reason)"
            + " VALUES (:id, :name, :state, :requested, :completed, :account, :reason)")
        .bind("id", c.id()).bind("name", c.accountName()).bind("state", c.state())
        .bind("requested", utc(c.requestedAt())).bind("completed", utc(c.completedAt()))
        .bind("account", c.accountId()).bind("reason", c.failureReason())
        .execute();
  }

  @Override
  public Optional<AccountCreation> accountCreation(String requestId) {
    return handle.createQuery("SELECT " + CREATION_COLUMNS + " FROM org_create_account_status WHERE id = :id")
        .bind("id", requestId).map(CREATION).findOne();
  }

  @Override
  public Slice<AccountCreation> accountCreations(Set<String> states, Keyset page) {
    if (states.isEmpty()) {
      return slice(handle.createQuery("SELECT " + CREATION_COLUMNS
          + " FROM org_create_account_status WHERE seq > :after ORDER BY seq LIMIT :n"), page, CREATION);
    }
    return slice(handle.createQuery("SELECT " + CREATION_COLUMNS
            + " FROM org_create_account_status WHERE state IN (<states>) AND seq > :after ORDER BY seq LIMIT :n")
        .bindList("states", List.copyOf(states)), page, CREATION);
  }

  // --- policies

  private static final String POLICY_COLUMNS = "p.seq, p.id, p.policy_type, p.name, p.description, p.content, p.aws_managed";
  private static final RowMapper<Policy> POLICY = (rs, ctx) -> new Policy(
      rs.getString("id"), OrganizationPolicyType.valueOf(rs.getString("policy_type")), rs.getString("name"),
      rs.getString("description"), rs.getString("content"), rs.getBoolean("aws_managed"));

  @Override
  public void insertPolicy(Policy p) {
    handle.createUpdate("INSERT INTO org_policy(id, policy_type, name, description, content, aws_managed)"
            + " VALUES (:id, :type, :name, :description, :content, :managed)")
        .bind("id", p.id()).bind("type", p.type().name()).bind("name", p.name())
        .bind("description", p.description()).bind("content", p.content()).bind("managed", p.awsManaged())
        .execute();
  }

  @Override
  public void upsertManagedPolicy(Policy p) {
    if (policy(p.id()).isPresent()) {
      updatePolicy(p);
    } else {
      insertPolicy(p);
    }
  }

  @Override
  public Optional<Policy> policy(String policyId) {
    return handle.createQuery("SELECT " + POLICY_COLUMNS + " FROM org_policy p WHERE p.id = :id")
        .bind("id", policyId).map(POLICY).findOne();
  }

  @Override
  public Optional<Policy> policyByName(OrganizationPolicyType type, String name) {
    return handle.createQuery("SELECT " + POLICY_COLUMNS + " FROM org_policy p WHERE p.policy_type = :type AND p.name = :name")
        .bind("type", type.name()).bind("name", name).map(POLICY).findOne();
  }

  @Override
  public void updatePolicy(Policy p) {
    handle.createUpdate("UPDATE org_policy SET name = :name, description = :description, content = :content WHERE id = :id")
        .bind("id", p.id()).bind("name", p.name()).bind("description", p.description()).bind("content", p.content())
        .execute();
  }

  @Override
  public void deletePolicy(String policyId) {
    deleteTags(policyId);
    handle.createUpdate("DELETE FROM org_policy WHERE id = :id").bind("id", policyId).execute();
  }

  @Override
  public Slice<Policy> policies(OrganizationPolicyType type, Keyset page) {
    return slice(handle.createQuery("SELECT " + POLICY_COLUMNS
            + " FROM org_policy p WHERE p.policy_type = :type AND p.seq > :after ORDER BY p.seq LIMIT :n")
        .bind("type", type.name()), page, POLICY);
  }

  @Override
  public long countCustomerPolicies(OrganizationPolicyType type) {
    return handle.createQuery("SELECT COUNT(*) FROM org_policy WHERE policy_type = :type AND aws_managed = FALSE")
        .bind("type", type.name()).mapTo(Long.class).one();
  }

  // --- attachments

  @Override
  public void attach(PolicyAttachment a) {
    handle.createUpdate("INSERT INTO org_policy_attachment(policy_id, policy_type, target_id, target_type)"
            + " VALUES (:policy, :type, :target, :targetType)")
        .bind("policy", a.policyId()).bind("type", a.policyType().name()).bind("target", a.targetId())
        .bind("targetType", a.targetType().name())
        .execute();
  }

  @Override
  public void detach(String policyId, String targetId) {
    handle.createUpdate("DELETE FROM org_policy_attachment WHERE policy_id = :policy AND target_id = :target")
        .bind("policy", policyId).bind("target", targetId).execute();
  }

  @Override
  public boolean attached(String policyId, String targetId) {
    return handle.createQuery("SELECT COUNT(*) FROM org_policy_attachment WHERE policy_id = :policy AND target_id = :target")
        .bind("policy", policyId).bind("target", targetId).mapTo(Long.class).one() > 0;
  }

  @Override
  public boolean policyInUse(String policyId) {
    return handle.createQuery("SELECT COUNT(*) FROM org_policy_attachment WHERE policy_id = :policy")
        .bind("policy", policyId).mapTo(Long.class).one() > 0;
  }

  @Override
  public long countAttached(String targetId, OrganizationPolicyType type) {
    return handle.createQuery("SELECT COUNT(*) FROM org_policy_attachment WHERE target_id = :target AND policy_type = :type")
        .bind("target", targetId).bind("type", type.name()).mapTo(Long.class).one();
  }

  @Override
  public Slice<Policy> policiesForTarget(String targetId, OrganizationPolicyType type, Keyset page) {
    return slice(handle.createQuery("SELECT a.seq AS page_seq, " + POLICY_COLUMNS
            + " FROM org_policy_attachment a JOIN org_policy p ON p.id = a.policy_id"
            + " WHERE a.target_id = :target AND a.policy_type = :type AND a.seq > :after ORDER BY a.seq LIMIT :n")
        .bind("target", targetId).bind("type", type.name()), page, "page_seq", POLICY);
  }

  private static final RowMapper<PolicyAttachment> ATTACHMENT = (rs, ctx) -> new PolicyAttachment(
      rs.getString("policy_id"), OrganizationPolicyType.valueOf(rs.getString("policy_type")),
      rs.getString("target_id"), TargetType.valueOf(rs.getString("target_type")));

  @Override
  public Slice<PolicyAttachment> targetsForPolicy(String policyId, Keyset page) {
    return slice(handle.createQuery("SELECT seq, policy_id, policy_type, target_id, target_type"
            + " FROM org_policy_attachment WHERE policy_id = :policy AND seq > :after ORDER BY seq LIMIT :n")
        .bind("policy", policyId), page, ATTACHMENT);
  }

  @Override
  public List<AttachedPolicyRow> allAttachments() {
    return handle.createQuery("SELECT a.policy_id, a.policy_type, a.target_id, a.target_type, " + POLICY_COLUMNS
            + " FROM org_policy_attachment a JOIN org_policy p ON p.id = a.policy_id ORDER BY a.seq")
        .map((rs, ctx) -> new AttachedPolicyRow(ATTACHMENT.map(rs, ctx), POLICY.map(rs, ctx)))
        .list();
  }

  @Override
  public void detachAllFromTarget(String targetId) {
    handle.createUpdate("DELETE FROM org_policy_attachment WHERE target_id = :target").bind("target", targetId).execute();
  }

  @Override
  public void detachAllOfType(OrganizationPolicyType type) {
    handle.createUpdate("DELETE FROM org_policy_attachment WHERE policy_type = :type").bind("type", type.name()).execute();
  }

  // --- tags

  @Override
  public void insertTags(String resourceId, List<Tag> tags) {
    for (Tag t : tags) {
      handle.createUpdate("INSERT INTO org_tag(resource_id, tag_key, tag_value) VALUES (:id, :key, :value)")
          .bind("id", resourceId).bind("key", t.key()).bind("value", t.value())
          .execute();
    }
  }

  @Override
  public List<Tag> tags(String resourceId) {
    return handle.createQuery("SELECT tag_key, tag_value FROM org_tag WHERE resource_id = :id ORDER BY tag_key")
        .bind("id", resourceId)
        .map((rs, ctx) -> new Tag(rs.getString(1), rs.getString(2)))
        .list();
  }

  @Override
  public java.util.Map<String, List<Tag>> allAccountTags() {
    return handle.createQuery("SELECT t.resource_id, t.tag_key, t.tag_value FROM org_tag t"
            + " JOIN org_account a ON a.id = t.resource_id ORDER BY t.resource_id, t.tag_key")
        .map((rs, ctx) -> java.util.Map.entry(rs.getString(1), new Tag(rs.getString(2), rs.getString(3))))
        .list().stream()
        .collect(java.util.stream.Collectors.groupingBy(java.util.Map.Entry::getKey,
            java.util.stream.Collectors.mapping(java.util.Map.Entry::getValue, java.util.stream.Collectors.toList())));
  }

  @Override
  public void deleteTags(String resourceId) {
    handle.createUpdate("DELETE FROM org_tag WHERE resource_id = :id").bind("id", resourceId).execute();
  }

  @Override
  public void deleteTags(String resourceId, Collection<String> keys) {
    if (keys.isEmpty()) return;
    handle.createUpdate("DELETE FROM org_tag WHERE resource_id = :id AND tag_key IN (<keys>)")
        .bind("id", resourceId).bindList("keys", List.copyOf(keys)).execute();
  }

  // --- helpers

  /** Runs a keyset query (with :after and :n) and cuts one page; the query selects the row's seq. */
  private static <T> Slice<T> slice(Query query, Keyset page, RowMapper<T> mapper) {
    return slice(query, page, "seq", mapper);
  }

  private static <T> Slice<T> slice(Query query, Keyset page, String seqColumn, RowMapper<T> mapper) {
    record Row<T>(long seq, T item) {}
    List<Row<T>> rows = query.bind("after", page.afterSeq()).bind("n", page.limit() + 1)
        .map((rs, ctx) -> new Row<>(rs.getLong(seqColumn), mapper.map(rs, ctx)))
        .list();
    List<T> items = new ArrayList<>(Math.min(rows.size(), page.limit()));
    for (int i = 0; i < rows.size() && i < page.limit(); i++) items.add(rows.get(i).item());
    Long next = rows.size() > page.limit() ? rows.get(page.limit() - 1).seq() : null;
    return new Slice<>(items, next);
  }

  private static String emailKey(String email) {
    return email.toLowerCase(Locale.ROOT);
  }

  private static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  private static boolean isUniqueViolation(JdbiException e) {
    return "23505".equals(sqlState(e));
  }

  /** H2 reports a lock timeout as HYT00, PostgreSQL (with lock_timeout) as 55P03. */
  private static boolean isLockTimeout(JdbiException e) {
    String state = sqlState(e);
    return "HYT00".equals(state) || "55P03".equals(state) || "40001".equals(state);
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) return sql.getSQLState();
    }
    return null;
  }
}
