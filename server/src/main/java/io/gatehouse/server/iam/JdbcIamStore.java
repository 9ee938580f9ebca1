package io.gatehouse.server.iam;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link IamStore} in SQL that runs on H2 (PostgreSQL mode) and PostgreSQL; times are UTC. */
final class JdbcIamStore implements IamStore {
  private static final String IDENTITY_COLUMNS = "id, account_id, kind, name, path, description, trust_policy, "
      + "max_session_duration, permissions_boundary, created_at";
  private static final String POLICY_COLUMNS = "id, account_id, name, path, description, default_version, "
      + "next_version, created_at, updated_at";

  private final Handle h;

  JdbcIamStore(Handle handle) {
    this.h = handle;
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public void lockAccount(String accountId) {
    h.createUpdate("INSERT INTO iam_account (account_id) VALUES (:a) ON CONFLICT DO NOTHING").bind("a", accountId).execute();
    h.createQuery("SELECT account_id FROM iam_account WHERE account_id = :a FOR UPDATE").bind("a", accountId)
        .mapTo(String.class).list();
  }

  @Override
  public Optional<Identity> identity(String accountId, IdentityKind kind, String name) {
    return h.createQuery("SELECT " + IDENTITY_COLUMNS + " FROM iam_identity WHERE account_id = :a AND kind = :k AND name_key = :n")
        .bind("a", accountId).bind("k", kind.name()).bind("n", key(name))
        .map(JdbcIamStore::identityRow).findOne();
  }

  @Override
  public Optional<Identity> identityById(String id) {
    return h.createQuery("SELECT " + IDENTITY_COLUMNS + " FROM iam_identity WHERE id = :id").bind("id", id)
        .map(JdbcIamStore::identityRow).findOne();
  }

  @Override
  public List<Identity> identities(String accountId, IdentityKind kind) {
    return h.createQuery("SELECT " + IDENTITY_COLUMNS + " FROM iam_identity WHERE account_id = :a AND kind = :k ORDER BY name_key")
        .bind("a", accountId).bind("k", kind.name())
        .map(JdbcIamStore::identityRow).list();
  }

  @Override
  public List<Identity> allIdentities() {
    return h.createQuery("SELECT " + IDENTITY_COLUMNS + " FROM iam_identity ORDER BY account_id, kind, name_key")
        .map(JdbcIamStore::identityRow).list();
  }

  @Override
  public int countIdentities(String accountId, IdentityKind kind) {
    return h.createQuery("SELECT COUNT(*) FROM iam_identity WHERE account_id = :a AND kind = :k")
        .bind("a", accountId).bind("k", kind.name()).mapTo(Integer.class).one();
  }

  @Override
  public void insertIdentity(Identity i) {
    h.createUpdate("INSERT INTO iam_identity (" + IDENTITY_COLUMNS + ", name_key) VALUES (:id, :a, :k, :name, :path, "
            + ":description, :trust, :maxSession, :boundary, :created, :nameKey)")
        .bind("id", i.id()).bind("a", i.accountId()).bind("k", i.kind().name()).bind("name", i.name())
        .bind("path", i.path()).bind("description", i.description()).bind("trust", i.trustPolicy())
        .bind("maxSession", i.maxSessionDuration()).bind("boundary", i.permissionsBoundary())
        .bind("created", utc(i.createdAt())).bind("nameKey", key(i.name()))
        .execute();
  }

  @Override
  public void updateIdentity(Identity i) {
    h.createUpdate("UPDATE iam_identity SET name = :name, name_key = :nameKey, path = :path, description = :description, "
            + "trust_policy = :trust, max_session_duration = :maxSession, permissions_boundary = :boundary WHERE id = :id")
        .bind("id", i.id()).bind("name", i.name()).bind("nameKey", key(i.name())).bind("path", i.path())
        .bind("description", i.description()).bind("trust", i.trustPolicy()).bind("maxSession", i.maxSessionDuration())
        .bind("boundary", i.permissionsBoundary())
        .execute();
  }

  @Override
  public void deleteIdentity(String id) {
    // Children first: the cascades would do it, but explicit deletes keep both databases' plans simple.
    for (String table : List.of("iam_tag", "iam_inline_policy", "iam_attachment")) {
      h.createUpdate("DELETE FROM " + table + " WHERE identity_id = :id").bind("id", id).execute();
    }
    h.createUpdate("DELETE FROM iam_group_member WHERE group_id = :id OR user_id = :id").bind("id", id).execute();
    h.createUpdate("DELETE FROM iam_login_profile WHERE user_id = :id").bind("id", id).execute();
    h.createUpdate("DELETE FROM iam_identity WHERE id = :id").bind("id", id).execute();
  }

  @Override
  public List<Tag> tags(String identityId) {
    return h.createQuery("SELECT tag_key, tag_value FROM iam_tag WHERE identity_id = :id ORDER BY key_lower")
        .bind("id", identityId)
        .map((rs, ctx) -> new Tag(rs.getString("tag_key"), rs.getString("tag_value"))).list();
  }

  @Override
  public List<Owned<Tag>> allTags() {
    return h.createQuery("SELECT identity_id, tag_key, tag_value FROM iam_tag ORDER BY identity_id, key_lower")
        .map((rs, ctx) -> new Owned<>(rs.getString(1), new Tag(rs.getString(2), rs.getString(3)))).list();
  }

  @Override
  public List<Owned<InlinePolicy>> allInlinePolicies() {
    return h.createQuery("SELECT identity_id, name, document FROM iam_inline_policy ORDER BY identity_id, name_key")
        .map((rs, ctx) -> new Owned<>(rs.getString(1), new InlinePolicy(rs.getString(2), rs.getString(3)))).list();
  }

  @Override
  public void putTag(String identityId, Tag tag) {
    deleteTag(identityId, tag.key());
    h.createUpdate("INSERT INTO iam_tag (identity_id, tag_key, key_lower, tag_value) VALUES (:id, :k, :kl, :v)")
        .bind("id", identityId).bind("k", tag.key()).bind("kl", key(tag.key())).bind("v", tag.value()).execute();
  }

  @Override
  public void deleteTag(String identityId, String tagKey) {
    h.createUpdate("DELETE FROM iam_tag WHERE identity_id = :id AND key_lower = :kl")
        .bind("id", identityId).bind("kl", key(tagKey)).execute();
  }

  @Override
  public List<InlinePolicy> inlinePolicies(String identityId) {
    return h.createQuery("SELECT name, document FROM iam_inline_policy WHERE identity_id = :id ORDER BY name_key")
        .bind("id", identityId)
        .map((rs, ctx) -> new InlinePolicy(rs.getString("name"), rs.getString("document"))).list();
  }

  @Override
  public Optional<InlinePolicy> inlinePolicy(String identityId, String name) {
    return h.createQuery("SELECT name, document FROM iam_inline_policy WHERE identity_id = :id AND name_key = :n")
        .bind("id", identityId).bind("n", key(name))
        .map((rs, ctx) -> new InlinePolicy(rs.getString("name"), rs.getString("document"))).findOne();
  }

  @Override
  public void putInlinePolicy(String identityId, InlinePolicy policy) {
    deleteInlinePolicy(identityId, policy.name());
    h.createUpdate("INSERT INTO iam_inline_policy (identity_id, name, name_key, document) VALUES (:id, :n, :nk, :d)")
        .bind("id", identityId).bind("n", policy.name()).bind("nk", key(policy.name())).bind("d", policy.document())
        .execute();
  }

  @Override
  public boolean deleteInlinePolicy(String identityId, String name) {
    return h.createUpdate("DELETE FROM iam_inline_policy WHERE identity_id = :id AND name_key = :n")
        .bind("id", identityId).bind("n", key(name)).execute() > 0;
  }

  @Override
  public boolean addMember(String groupId, String userId) {
    return h.createUpdate("INSERT INTO iam_group_member (group_id, user_id) VALUES (:g, :u) ON CONFLICT DO NOTHING")
        .bind("g", groupId).bind("u", userId).execute() > 0;
  }

  @Override
  public boolean removeMember(String groupId, String userId) {
    return h.createUpdate("DELETE FROM iam_group_member WHERE group_id = :g AND user_id = :u")
        .bind("g", groupId).bind("u", userId).execute() > 0;
  }

  @Override
  public List<String> groupIdsOf(String userId) {
    return h.createQuery("SELECT group_id FROM iam_group_member WHERE user_id = :u ORDER BY group_id")
        .bind("u", userId).mapTo(String.class).list();
  }

  @Override
  public List<String> memberIdsOf(String groupId) {
    return h.createQuery("SELECT user_id FROM iam_group_member WHERE group_id = :g ORDER BY user_id")
        .bind("g", groupId).mapTo(String.class).list();
  }

  @Override
  public List<Owned<String>> allMemberships() {
    return h.createQuery("SELECT user_id, group_id FROM iam_group_member ORDER BY user_id, group_id")
        .map((rs, ctx) -> new Owned<>(rs.getString(1), rs.getString(2))).list();
  }

  @Override
  public List<String> attachedArns(String identityId) {
    return h.createQuery("SELECT policy_arn FROM iam_attachment WHERE identity_id = :id ORDER BY attached_at, policy_arn")
        .bind("id", identityId).mapTo(String.class).list();
  }

  @Override
  public boolean attach(String identityId, String policyArn, Instant at) {
    return h.createUpdate("INSERT INTO iam_attachment (identity_id, policy_arn, attached_at) VALUES (:id, :arn, :at) "
            + "ON CONFLICT DO NOTHING")
        .bind("id", identityId).bind("arn", policyArn).bind("at", utc(at)).execute() > 0;
  }

  @Override
  public boolean detach(String identityId, String policyArn) {
    return h.createUpdate("DELETE FROM iam_attachment WHERE identity_id = :id AND policy_arn = :arn")
        .bind("id", identityId).bind("arn", policyArn).execute() > 0;
  }

  @Override
  public List<String> identitiesAttachedTo(String policyArn) {
    return h.createQuery("SELECT identity_id FROM iam_attachment WHERE policy_arn = :arn ORDER BY identity_id")
        .bind("arn", policyArn).mapTo(String.class).list();
  }

  @Override
  public List<Owned<String>> allAttachments() {
    return h.createQuery("SELECT identity_id, policy_arn FROM iam_attachment ORDER BY attached_at, policy_arn")
        .map((rs, ctx) -> new Owned<>(rs.getString(1), rs.getString(2))).list();
  }

  @Override
  public int attachmentCount(String accountId, String policyArn) {
    return h.createQuery("SELECT COUNT(*) FROM iam_attachment t JOIN iam_identity i ON i.id = t.identity_id "
            + "WHERE i.account_id = :a AND t.policy_arn = :arn")
        .bind("a", accountId).bind("arn", policyArn).mapTo(Integer.class).one();
  }

  @Override
  public java.util.Map<String, Integer> attachmentCounts(String accountId) {
    java.util.Map<String, Integer> out = new java.util.HashMap<>();
    h.createQuery("SELECT t.policy_arn, COUNT(*) AS n FROM iam_attachment t JOIN iam_identity i ON i.id = t.identity_id "
            + "WHERE i.account_id = :a GROUP BY t.policy_arn")
        .bind("a", accountId)
        .map((rs, ctx) -> out.put(rs.getString(1), rs.getInt(2))).list();
    return out;
  }

  @Override
  public java.util.Map<String, Integer> boundaryUsageCounts(String accountId) {
    java.util.Map<String, Integer> out = new java.util.HashMap<>();
    h.createQuery("SELECT permissions_boundary, COUNT(*) AS n FROM iam_identity WHERE account_id = :a "
            + "AND permissions_boundary IS NOT NULL GROUP BY permissions_boundary")
        .bind("a", accountId)
        .map((rs, ctx) -> out.put(rs.getString(1), rs.getInt(2))).list();
    return out;
  }

  @Override
  public int boundaryUsageCount(String accountId, String policyArn) {
    return h.createQuery("SELECT COUNT(*) FROM iam_identity WHERE account_id = :a AND permissions_boundary = :arn")
        .bind("a", accountId).bind("arn", policyArn).mapTo(Integer.class).one();
  }

  @Override
  public Optional<ManagedPolicy> policy(String accountId, String name) {
    return h.createQuery("SELECT " + POLICY_COLUMNS + " FROM iam_policy WHERE account_id = :a AND name_key = :n")
        .bind("a", accountId).bind("n", key(name)).map(JdbcIamStore::policyRow).findOne();
  }

  @Override
  public List<ManagedPolicy> policies(String accountId) {
    return h.createQuery("SELECT " + POLICY_COLUMNS + " FROM iam_policy WHERE account_id = :a ORDER BY name_key")
        .bind("a", accountId).map(JdbcIamStore::policyRow).list();
  }

  @Override
  public List<ManagedPolicy> allPolicies() {
    return h.createQuery("SELECT " + POLICY_COLUMNS + " FROM iam_policy ORDER BY account_id, name_key")
        .map(JdbcIamStore::policyRow).list();
  }

  @Override
  public int countPolicies(String accountId) {
    return h.createQuery("SELECT COUNT(*) FROM iam_policy WHERE account_id = :a").bind("a", accountId)
        .mapTo(Integer.class).one();
  }

  @Override
  public void insertPolicy(ManagedPolicy p) {
    h.createUpdate("INSERT INTO iam_policy (" + POLICY_COLUMNS + ", name_key) VALUES (:id, :a, :name, :path, "
            + ":description, :dv, :nv, :created, :updated, :nameKey)")
        .bind("id", p.id()).bind("a", p.accountId()).bind("name", p.name()).bind("path", p.path())
        .bind("description", p.description()).bind("dv", p.defaultVersion()).bind("nv", p.nextVersion())
        .bind("created", utc(p.createdAt())).bind("updated", utc(p.updatedAt())).bind("nameKey", key(p.name()))
        .execute();
  }

  @Override
  public void updatePolicy(ManagedPolicy p) {
    h.createUpdate("UPDATE iam_policy SET default_version = :dv, next_version = :nv, updated_at = :updated WHERE id = :id")
        .bind("id", p.id()).bind("dv", p.defaultVersion()).bind("nv", p.nextVersion()).bind("updated", utc(p.updatedAt()))
        .execute();
  }

  @Override
  public void deletePolicy(String policyId) {
    h.createUpdate("DELETE FROM iam_policy_version WHERE policy_id = :id").bind("id", policyId).execute();
    h.createUpdate("DELETE FROM iam_policy_tag WHERE policy_id = :id").bind("id", policyId).execute();
    h.createUpdate("DELETE FROM iam_policy WHERE id = :id").bind("id", policyId).execute();
  }

  @Override
  public List<Tag> policyTags(String policyId) {
    return h.createQuery("SELECT tag_key, tag_value FROM iam_policy_tag WHERE policy_id = :id ORDER BY key_lower")
        .bind("id", policyId)
        .map((rs, ctx) -> new Tag(rs.getString("tag_key"), rs.getString("tag_value"))).list();
  }

  @Override
  public void putPolicyTag(String policyId, Tag tag) {
    deletePolicyTag(policyId, tag.key());
    h.createUpdate("INSERT INTO iam_policy_tag (policy_id, tag_key, key_lower, tag_value) VALUES (:id, :k, :kl, :v)")
        .bind("id", policyId).bind("k", tag.key()).bind("kl", key(tag.key())).bind("v", tag.value()).execute();
  }

  @Override
  public void deletePolicyTag(String policyId, String tagKey) {
    h.createUpdate("DELETE FROM iam_policy_tag WHERE policy_id = :id AND key_lower = :kl")
        .bind("id", policyId).bind("kl", key(tagKey)).execute();
  }

  @Override
  public List<PolicyVersion> versions(String policyId) {
    return h.createQuery("SELECT version_id, document, created_at FROM iam_policy_version WHERE policy_id = :id "
            + "ORDER BY created_at DESC, version_id DESC")
        .bind("id", policyId).map(JdbcIamStore::versionRow).list();
  }

  @Override
  public Optional<PolicyVersion> version(String policyId, String versionId) {
    return h.createQuery("SELECT version_id, document, created_at FROM iam_policy_version WHERE policy_id = :id AND version_id = :v")
        .bind("id", policyId).bind("v", versionId).map(JdbcIamStore::versionRow).findOne();
  }

  @Override
  public void insertVersion(String policyId, PolicyVersion v) {
    h.createUpdate("INSERT INTO iam_policy_version (policy_id, version_id, document, created_at) VALUES (:id, :v, :d, :at)")
        .bind("id", policyId).bind("v", v.versionId()).bind("d", v.document()).bind("at", utc(v.createdAt())).execute();
  }

  @Override
  public boolean deleteVersion(String policyId, String versionId) {
    return h.createUpdate("DELETE FROM iam_policy_version WHERE policy_id = :id AND version_id = :v")
        .bind("id", policyId).bind("v", versionId).execute() > 0;
  }

  @Override
  public Optional<LoginProfile> loginProfile(String userId) {
    return h.createQuery("SELECT user_id, password_hash, password_reset_required, created_at FROM iam_login_profile "
            + "WHERE user_id = :u")
        .bind("u", userId)
        .map((rs, ctx) -> new LoginProfile(rs.getString("user_id"), rs.getString("password_hash"),
            rs.getBoolean("password_reset_required"), instant(rs.getObject("created_at", LocalDateTime.class))))
        .findOne();
  }

  @Override
  public void putLoginProfile(LoginProfile p) {
    deleteLoginProfile(p.userId());
    h.createUpdate("INSERT INTO iam_login_profile (user_id, password_hash, password_reset_required, created_at) "
            + "VALUES (:u, :hash, :reset, :at)")
        .bind("u", p.userId()).bind("hash", p.passwordHash()).bind("reset", p.passwordResetRequired())
        .bind("at", utc(p.createdAt())).execute();
  }

  @Override
  public boolean deleteLoginProfile(String userId) {
    return h.createUpdate("DELETE FROM iam_login_profile WHERE user_id = :u").bind("u", userId).execute() > 0;
  }

  @Override
  public Optional<PasswordPolicy> passwordPolicy(String accountId) {
    return h.createQuery("SELECT * FROM iam_password_policy WHERE account_id = :a").bind("a", accountId)
        .map((rs, ctx) -> new PasswordPolicy(rs.getInt("minimum_password_length"), rs.getBoolean("require_symbols"),
            rs.getBoolean("require_numbers"), rs.getBoolean("require_uppercase_characters"),
            rs.getBoolean("require_lowercase_characters"), rs.getBoolean("allow_users_to_change_password"),
            rs.getObject("max_password_age", Integer.class), rs.getObject("password_reuse_prevention", Integer.class),
            rs.getBoolean("hard_expiry")))
        .findOne();
  }

  @Override
  public void putPasswordPolicy(String accountId, PasswordPolicy p) {
    deletePasswordPolicy(accountId);
    h.createUpdate("INSERT INTO iam_password_policy (account_id, minimum_password_length, require_symbols, "
            + "require_numbers, require_uppercase_characters, require_lowercase_characters, "
            + "allow_users_to_change_password, max_password_age, password_reuse_prevention, hard_expiry) "
            + "VALUES (:a, :min, :sym, :num, :up, :low, :change, :age, :reuse, :hard)")
        .bind("a", accountId).bind("min", p.minimumPasswordLength()).bind("sym", p.requireSymbols())
        .bind("num", p.requireNumbers()).bind("up", p.requireUppercaseCharacters())
        .bind("low", p.requireLowercaseCharacters()).bind("change", p.allowUsersToChangePassword())
        .bind("age", p.maxPasswordAge()).bind("reuse", p.passwordReusePrevention()).bind("hard", p.hardExpiry())
        .execute();
  }

  @Override
  public boolean deletePasswordPolicy(String accountId) {
    return h.createUpdate("DELETE FROM iam_password_policy WHERE account_id = :a").bind("a", accountId).execute() > 0;
  }

  @Override
  public Optional<String> alias(String accountId) {
    return h.createQuery("SELECT alias FROM iam_account WHERE account_id = :a AND alias IS NOT NULL")
        .bind("a", accountId).mapTo(String.class).findOne();
  }

  @Override
  public Optional<String> aliasOwner(String alias) {
    return h.createQuery("SELECT account_id FROM iam_account WHERE alias = :alias").bind("alias", alias)
        .mapTo(String.class).findOne();
  }

  @Override
  public void setAlias(String accountId, String alias) {
    h.createUpdate("UPDATE iam_account SET alias = :alias WHERE account_id = :a").bind("a", accountId)
        .bind("alias", alias).execute();
  }

  private static Identity identityRow(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Identity(IdentityKind.valueOf(rs.getString("kind")), rs.getString("id"), rs.getString("account_id"),
        rs.getString("name"), rs.getString("path"), rs.getString("description"), rs.getString("trust_policy"),
        rs.getObject("max_session_duration", Integer.class), rs.getString("permissions_boundary"),
        instant(rs.getObject("created_at", LocalDateTime.class)));
  }

  private static ManagedPolicy policyRow(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ManagedPolicy(rs.getString("id"), rs.getString("account_id"), rs.getString("name"), rs.getString("path"),
        rs.getString("description"), rs.getString("default_version"), rs.getInt("next_version"),
        instant(rs.getObject("created_at", LocalDateTime.class)), instant(rs.getObject("updated_at", LocalDateTime.class)));
  }

  private static PolicyVersion versionRow(ResultSet rs, StatementContext ctx) throws SQLException {
    return new PolicyVersion(rs.getString("version_id"), rs.getString("document"),
        instant(rs.getObject("created_at", LocalDateTime.class)));
  }

  private static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(LocalDateTime utc) {
    return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
  }
}
