package io.gatehouse.server.identitystore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link IdentityStoreStore} on JDBC, in SQL that runs on H2 (MODE=PostgreSQL) and PostgreSQL.
 * Timestamps are stored as UTC wall-clock {@code TIMESTAMP}s; case-insensitive keys are lower-cased
 * (user names) or SHA-256 hashes of the lower-cased value (emails, group names).
 */
final class JdbcIdentityStoreStore implements IdentityStoreStore {
  /**
   * SQL states that mean another transaction got in the way: a foreign key whose row was just
   * deleted or just gained a child (23503; H2 says 23506 for a missing parent), serialization
   * failure (40001), deadlock (40P01), and H2's concurrent update (90131) and lock timeout (50200,
   * HYT00). AWS answers these with CONCURRENT_MODIFICATION.
   */
  private static final Set<String> CONCURRENCY_STATES =
      Set.of("23503", "23506", "40001", "40P01", "90131", "50200", "HYT00");
  private static final String USER_COLUMNS = "user_id, identity_store_id, user_status, external_ids, attributes, "
      + "created_at, created_by, updated_at, updated_by";
  private static final String GROUP_COLUMNS = "group_id, identity_store_id, display_name, description, external_ids, "
      + "created_at, created_by, updated_at, updated_by";
  private static final String MEMBERSHIP_COLUMNS = "membership_id, identity_store_id, group_id, user_id, "
      + "created_at, created_by, updated_at, updated_by";

  // --- identity stores

  @Override
  public boolean storeExists(Handle h, String identityStoreId) {
    return h.createQuery("SELECT 1 FROM idstore_stores WHERE identity_store_id = :id")
        .bind("id", identityStoreId).mapTo(Integer.class).findOne().isPresent();
  }

  @Override
  public Optional<String> storeInSlot(Handle h, String slot) {
    return h.createQuery("SELECT identity_store_id FROM idstore_stores WHERE slot = :slot")
        .bind("slot", slot).mapTo(String.class).findOne();
  }

  @Override
  public void insertStore(Handle h, String identityStoreId, String slot, Instant createdAt) {
    write(() -> h.createUpdate("INSERT INTO idstore_stores (identity_store_id, slot, created_at) VALUES (:id, :slot, :at)")
        .bind("id", identityStoreId).bind("slot", slot).bind("at", utc(createdAt)).execute());
  }

  // --- users

  @Override
  public void insertUser(Handle h, User u) {
    write(() -> h.createUpdate("INSERT INTO idstore_users (user_id, identity_store_id, user_name, user_name_key, "
            + "email_key, user_status, external_ids, attributes, created_at, created_by, updated_at, updated_by) "
            + "VALUES (:userId, :storeId, :userName, :userNameKey, :emailKey, :status, :externalIds, :attributes, "
            + ":createdAt, :createdBy, :updatedAt, :updatedBy)")
        .bind("userId", u.userId()).bind("storeId", u.identityStoreId())
        .bind("userName", u.userName()).bind("userNameKey", fold(u.userName()))
        .bind("emailKey", hashKey(u.attributes().emailValue())).bind("status", u.userStatus())
        .bind("externalIds", AttributeJson.writeExternalIds(u.externalIds()))
        .bind("attributes", AttributeJson.write(u.attributes()))
        .bind("createdAt", utc(u.createdAt())).bind("createdBy", u.createdBy())
        .bind("updatedAt", utc(u.updatedAt())).bind("updatedBy", u.updatedBy())
        .execute());
    insertExternalIds(h, u.identityStoreId(), ResourceType.USER, u.userId(), u.externalIds());
  }

  @Override
  public Optional<User> findUser(Handle h, String identityStoreId, String userId, boolean forUpdate) {
    return guarded(() -> h.createQuery("SELECT " + USER_COLUMNS + " FROM idstore_users WHERE identity_store_id = :storeId "
            + "AND user_id = :userId" + (forUpdate ? " FOR UPDATE" : ""))
        .bind("storeId", identityStoreId).bind("userId", userId)
        .map(JdbcIdentityStoreStore::user).findOne());
  }

  @Override
  public void updateUser(Handle h, User u) {
    write(() -> h.createUpdate("UPDATE idstore_users SET user_name = :userName, user_name_key = :userNameKey, "
            + "email_key = :emailKey, user_status = :status, external_ids = :externalIds, attributes = :attributes, "
            + "updated_at = :updatedAt, updated_by = :updatedBy WHERE identity_store_id = :storeId AND user_id = :userId")
        .bind("userId", u.userId()).bind("storeId", u.identityStoreId())
        .bind("userName", u.userName()).bind("userNameKey", fold(u.userName()))
        .bind("emailKey", hashKey(u.attributes().emailValue())).bind("status", u.userStatus())
        .bind("externalIds", AttributeJson.writeExternalIds(u.externalIds()))
        .bind("attributes", AttributeJson.write(u.attributes()))
        .bind("updatedAt", utc(u.updatedAt())).bind("updatedBy", u.updatedBy())
        .execute());
    deleteExternalIds(h, u.userId());
    insertExternalIds(h, u.identityStoreId(), ResourceType.USER, u.userId(), u.externalIds());
  }

  @Override
  public boolean deleteUser(Handle h, String identityStoreId, String userId) {
    return guarded(() -> {
      h.createUpdate("DELETE FROM idstore_memberships WHERE identity_store_id = :storeId AND user_id = :userId")
          .bind("storeId", identityStoreId).bind("userId", userId).execute();
      deleteExternalIds(h, userId);
      return h.createUpdate("DELETE FROM idstore_users WHERE identity_store_id = :storeId AND user_id = :userId")
          .bind("storeId", identityStoreId).bind("userId", userId).execute() > 0;
    });
  }

  @Override
  public Optional<String> userIdByUserName(Handle h, String identityStoreId, String userName) {
    return h.createQuery("SELECT user_id FROM idstore_users WHERE identity_store_id = :storeId AND user_name_key = :key")
        .bind("storeId", identityStoreId).bind("key", fold(userName)).mapTo(String.class).findOne();
  }

  @Override
  public Optional<String> userIdByEmail(Handle h, String identityStoreId, String email) {
    return h.createQuery("SELECT user_id FROM idstore_users WHERE identity_store_id = :storeId AND email_key = :key")
        .bind("storeId", identityStoreId).bind("key", hashKey(email)).mapTo(String.class).findOne();
  }

  @Override
  public Page<User> listUsers(Handle h, String identityStoreId, String userName, String afterId, int limit) {
    Query q = h.createQuery("SELECT " + USER_COLUMNS + " FROM idstore_users WHERE identity_store_id = :storeId"
            + (userName != null ? " AND user_name_key = :key" : "")
            + (afterId != null ? " AND user_id > :after" : "")
            + " ORDER BY user_id LIMIT :limit")
        .bind("storeId", identityStoreId).bind("limit", limit + 1);
    if (userName != null) q.bind("key", fold(userName));
    if (afterId != null) q.bind("after", afterId);
    return page(q.map(JdbcIdentityStoreStore::user).list(), limit, User::userId);
  }

  // --- groups

  @Override
  public void insertGroup(Handle h, Group g) {
    write(() -> h.createUpdate("INSERT INTO idstore_groups (group_id, identity_store_id, display_name, display_name_key, "
            + "description, external_ids, created_at, created_by, updated_at, updated_by) VALUES (:groupId, :storeId, "
            + ":displayName, :key, :description, :externalIds, :createdAt, :createdBy, :updatedAt, :updatedBy)")
        .bind("groupId", g.groupId()).bind("storeId", g.identityStoreId())
        .bind("displayName", g.displayName()).bind("key", hashKey(g.displayName()))
        .bind("description", g.description()).bind("externalIds", AttributeJson.writeExternalIds(g.externalIds()))
        .bind("createdAt", utc(g.createdAt())).bind("createdBy", g.createdBy())
        .bind("updatedAt", utc(g.updatedAt())).bind("updatedBy", g.updatedBy())
        .execute());
    insertExternalIds(h, g.identityStoreId(), ResourceType.GROUP, g.groupId(), g.externalIds());
  }

  @Override
  public Optional<Group> findGroup(Handle h, String identityStoreId, String groupId, boolean forUpdate) {
    return guarded(() -> h.createQuery("SELECT " + GROUP_COLUMNS + " FROM idstore_groups WHERE identity_store_id = :storeId "
            + "AND group_id = :groupId" + (forUpdate ? " FOR UPDATE" : ""))
        .bind("storeId", identityStoreId).bind("groupId", groupId)
        .map(JdbcIdentityStoreStore::group).findOne());
  }

  @Override
  public void updateGroup(Handle h, Group g) {
    write(() -> h.createUpdate("UPDATE idstore_groups SET display_name = :displayName, display_name_key = :key, "
            + "description = :description, external_ids = :externalIds, updated_at = :updatedAt, updated_by = :updatedBy "
            + "WHERE identity_store_id = :storeId AND group_id = :groupId")
        .bind("groupId", g.groupId()).bind("storeId", g.identityStoreId())
        .bind("displayName", g.displayName()).bind("key", hashKey(g.displayName()))
        .bind("description", g.description()).bind("externalIds", AttributeJson.writeExternalIds(g.externalIds()))
        .bind("updatedAt", utc(g.updatedAt())).bind("updatedBy", g.updatedBy())
        .execute());
    deleteExternalIds(h, g.groupId());
    insertExternalIds(h, g.identityStoreId(), ResourceType.GROUP, g.groupId(), g.externalIds());
  }

  @Override
  public boolean deleteGroup(Handle h, String identityStoreId, String groupId) {
    return guarded(() -> {
      h.createUpdate("DELETE FROM idstore_memberships WHERE identity_store_id = :storeId AND group_id = :groupId")
          .bind("storeId", identityStoreId).bind("groupId", groupId).execute();
      deleteExternalIds(h, groupId);
      return h.createUpdate("DELETE FROM idstore_groups WHERE identity_store_id = :storeId AND group_id = :groupId")
          .bind("storeId", identityStoreId).bind("groupId", groupId).execute() > 0;
    });
  }

  @Override
  public Optional<String> groupIdByDisplayName(Handle h, String identityStoreId, String displayName) {
    return h.createQuery("SELECT group_id FROM idstore_groups WHERE identity_store_id = :storeId AND display_name_key = :key")
        .bind("storeId", identityStoreId).bind("key", hashKey(displayName)).mapTo(String.class).findOne();
  }

  @Override
  public Page<Group> listGroups(Handle h, String identityStoreId, String displayName, String afterId, int limit) {
    Query q = h.createQuery("SELECT " + GROUP_COLUMNS + " FROM idstore_groups WHERE identity_store_id = :storeId"
            + (displayName != null ? " AND display_name_key = :key" : "")
            + (afterId != null ? " AND group_id > :after" : "")
            + " ORDER BY group_id LIMIT :limit")
        .bind("storeId", identityStoreId).bind("limit", limit + 1);
    if (displayName != null) q.bind("key", hashKey(displayName));
    if (afterId != null) q.bind("after", afterId);
    return page(q.map(JdbcIdentityStoreStore::group).list(), limit, Group::groupId);
  }

  // --- external ids

  @Override
  public Optional<String> resourceIdByExternalId(Handle h, String identityStoreId, ResourceType type, ExternalId id) {
    return h.createQuery("SELECT resource_id FROM idstore_external_ids WHERE identity_store_id = :storeId "
            + "AND resource_type = :type AND issuer = :issuer AND external_id = :id")
        .bind("storeId", identityStoreId).bind("type", type.name()).bind("issuer", id.issuer()).bind("id", id.id())
        .mapTo(String.class).findOne();
  }

  private static void insertExternalIds(Handle h, String storeId, ResourceType type, String resourceId,
      List<ExternalId> ids) {
    if (ids == null) return;
    for (ExternalId id : ids) {
      write(() -> h.createUpdate("INSERT INTO idstore_external_ids (identity_store_id, resource_type, issuer, "
              + "external_id, resource_id) VALUES (:storeId, :type, :issuer, :id, :resourceId)")
          .bind("storeId", storeId).bind("type", type.name()).bind("issuer", id.issuer()).bind("id", id.id())
          .bind("resourceId", resourceId).execute());
    }
  }

  private static void deleteExternalIds(Handle h, String resourceId) {
    h.createUpdate("DELETE FROM idstore_external_ids WHERE resource_id = :id").bind("id", resourceId).execute();
  }

  // --- memberships

  @Override
  public void insertMembership(Handle h, GroupMembership m) {
    write(() -> h.createUpdate("INSERT INTO idstore_memberships (" + MEMBERSHIP_COLUMNS + ") VALUES (:membershipId, "
            + ":storeId, :groupId, :userId, :createdAt, :createdBy, :updatedAt, :updatedBy)")
        .bind("membershipId", m.membershipId()).bind("storeId", m.identityStoreId())
        .bind("groupId", m.groupId()).bind("userId", m.memberId().userId())
        .bind("createdAt", utc(m.createdAt())).bind("createdBy", m.createdBy())
        .bind("updatedAt", utc(m.updatedAt())).bind("updatedBy", m.updatedBy())
        .execute());
  }

  @Override
  public Optional<GroupMembership> findMembership(Handle h, String identityStoreId, String membershipId) {
    return h.createQuery("SELECT " + MEMBERSHIP_COLUMNS + " FROM idstore_memberships WHERE identity_store_id = :storeId "
            + "AND membership_id = :id")
        .bind("storeId", identityStoreId).bind("id", membershipId)
        .map(JdbcIdentityStoreStore::membership).findOne();
  }

  @Override
  public Optional<GroupMembership> findMembership(Handle h, String identityStoreId, String groupId, String userId) {
    return h.createQuery("SELECT " + MEMBERSHIP_COLUMNS + " FROM idstore_memberships WHERE identity_store_id = :storeId "
            + "AND group_id = :groupId AND user_id = :userId")
        .bind("storeId", identityStoreId).bind("groupId", groupId).bind("userId", userId)
        .map(JdbcIdentityStoreStore::membership).findOne();
  }

  @Override
  public boolean deleteMembership(Handle h, String identityStoreId, String membershipId) {
    return h.createUpdate("DELETE FROM idstore_memberships WHERE identity_store_id = :storeId AND membership_id = :id")
        .bind("storeId", identityStoreId).bind("id", membershipId).execute() > 0;
  }

  @Override
  public Page<GroupMembership> membershipsOfGroup(Handle h, String identityStoreId, String groupId, String afterId,
      int limit) {
    return membershipsBy(h, identityStoreId, "group_id", groupId, afterId, limit);
  }

  @Override
  public Page<GroupMembership> membershipsOfUser(Handle h, String identityStoreId, String userId, String afterId,
      int limit) {
    return membershipsBy(h, identityStoreId, "user_id", userId, afterId, limit);
  }

  private static Page<GroupMembership> membershipsBy(Handle h, String storeId, String column, String value,
      String afterId, int limit) {
    Query q = h.createQuery("SELECT " + MEMBERSHIP_COLUMNS + " FROM idstore_memberships WHERE " + column + " = :value "
            + "AND identity_store_id = :storeId" + (afterId != null ? " AND membership_id > :after" : "")
            + " ORDER BY membership_id LIMIT :limit")
        .bind("value", value).bind("storeId", storeId).bind("limit", limit + 1);
    if (afterId != null) q.bind("after", afterId);
    return page(q.map(JdbcIdentityStoreStore::membership).list(), limit, GroupMembership::membershipId);
  }

  @Override
  public Set<String> groupsOfUserAmong(Handle h, String identityStoreId, String userId, Collection<String> groupIds) {
    if (groupIds.isEmpty()) return Set.of();
    return new HashSet<>(h.createQuery("SELECT group_id FROM idstore_memberships WHERE user_id = :userId "
            + "AND identity_store_id = :storeId AND group_id IN (<groupIds>)")
        .bind("userId", userId).bind("storeId", identityStoreId).bindList("groupIds", List.copyOf(groupIds))
        .mapTo(String.class).list());
  }

  @Override
  public List<GroupMembership> allMemberships(Handle h, String identityStoreId) {
    return h.createQuery("SELECT " + MEMBERSHIP_COLUMNS + " FROM idstore_memberships WHERE identity_store_id = :storeId "
            + "ORDER BY membership_id")
        .bind("storeId", identityStoreId).map(JdbcIdentityStoreStore::membership).list();
  }

  // --- mapping

  private static User user(ResultSet rs, StatementContext ctx) throws SQLException {
    var meta = new User.Meta(rs.getString("identity_store_id"), rs.getString("user_id"),
        AttributeJson.readExternalIds(rs.getString("external_ids")), rs.getString("user_status"),
        instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"), rs.getString("updated_by"));
    return User.of(meta, AttributeJson.readAttributes(rs.getString("attributes")));
  }

  private static Group group(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Group(rs.getString("group_id"), rs.getString("display_name"),
        AttributeJson.readExternalIds(rs.getString("external_ids")), rs.getString("description"),
        instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("created_by"), rs.getString("updated_by"),
        rs.getString("identity_store_id"));
  }

  private static GroupMembership membership(ResultSet rs, StatementContext ctx) throws SQLException {
    return new GroupMembership(rs.getString("identity_store_id"), rs.getString("membership_id"),
        rs.getString("group_id"), new MemberId(rs.getString("user_id")), instant(rs, "created_at"),
        instant(rs, "updated_at"), rs.getString("created_by"), rs.getString("updated_by"));
  }

  private static <T> Page<T> page(List<T> rows, int limit, java.util.function.Function<T, String> key) {
    if (rows.size() <= limit) return new Page<>(rows, null);
    List<T> items = new ArrayList<>(rows.subList(0, limit));
    return new Page<>(items, key.apply(items.get(limit - 1)));
  }

  private static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime t = rs.getObject(column, LocalDateTime.class);
    return t == null ? null : t.toInstant(ZoneOffset.UTC);
  }

  static String fold(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  /** SHA-256 hex of the lower-cased value: a fixed-size, case-insensitive unique key. */
  static String hashKey(String value) {
    if (value == null) return null;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(fold(value).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Runs a write, turning constraint violations into the conflicts AWS reports. */
  private static void write(Runnable statement) {
    guarded(() -> {
      statement.run();
      return null;
    });
  }

  /** Runs a statement, turning constraint violations and lost races into the conflicts AWS reports. */
  private static <T> T guarded(java.util.function.Supplier<T> statement) {
    try {
      return statement.get();
    } catch (UnableToExecuteStatementException e) {
      if (!(e.getCause() instanceof SQLException sql)) throw e;
      String state = sql.getSQLState();
      String text = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
      if ("23505".equals(state)) throw Conflict.uniqueness(duplicateMessage(text));
      if (CONCURRENCY_STATES.contains(state)) {
        throw new Conflict(Conflict.Reason.CONCURRENT_MODIFICATION,
            "The requested resource was being concurrently modified by another request.");
      }
      throw e;
    }
  }

  private static String duplicateMessage(String constraintText) {
    if (constraintText.contains("idstore_users_user_name_uq")) return "Duplicate UserName";
    if (constraintText.contains("idstore_users_email_uq")) return "Duplicate Email";
    if (constraintText.contains("idstore_groups_display_name_uq")) return "Duplicate GroupDisplayName";
    if (constraintText.contains("idstore_memberships_uq")) return "Member is already in the group";
    if (constraintText.contains("idstore_external_ids_pk")) return "Duplicate ExternalId";
    if (constraintText.contains("idstore_stores")) return "Identity store slot is taken";
    return "Duplicate value for a unique attribute";
  }
}
