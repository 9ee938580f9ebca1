package io.gatehouse.server.identitystore;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Where users, groups and memberships live. Every method runs on the caller's handle, so the
 * service decides the transaction. Writes enforce uniqueness (UserName and email per store,
 * case-insensitively; group DisplayName per store; one membership per group and user) and throw
 * {@link Conflict} when it would break. Pages are keyset pages ordered by id: pass the previous
 * page's {@link Page#lastKey()} as {@code afterId}.
 */
public interface IdentityStoreStore {

  // identity stores
  boolean storeExists(Handle h, String identityStoreId);

  Optional<String> storeInSlot(Handle h, String slot);

  /** @throws Conflict when the slot is taken (another server bootstrapped first) */
  void insertStore(Handle h, String identityStoreId, String slot, Instant createdAt);

  // users
  void insertUser(Handle h, User user);

  /** @param forUpdate lock the row until the transaction ends (read-modify-write) */
  Optional<User> findUser(Handle h, String identityStoreId, String userId, boolean forUpdate);

  void updateUser(Handle h, User user);

  /** Deletes the user, its memberships and its external ids. @return false if there was no such user */
  boolean deleteUser(Handle h, String identityStoreId, String userId);

  Optional<String> userIdByUserName(Handle h, String identityStoreId, String userName);

  Optional<String> userIdByEmail(Handle h, String identityStoreId, String email);

  /** @param userName null for all users, else only the user with this name (case-insensitive) */
  Page<User> listUsers(Handle h, String identityStoreId, String userName, String afterId, int limit);

  // groups
  void insertGroup(Handle h, Group group);

  Optional<Group> findGroup(Handle h, String identityStoreId, String groupId, boolean forUpdate);

  void updateGroup(Handle h, Group group);

  /** Deletes the group, its memberships and its external ids. @return false if there was no such group */
  boolean deleteGroup(Handle h, String identityStoreId, String groupId);

  Optional<String> groupIdByDisplayName(Handle h, String identityStoreId, String displayName);

  /** @param displayName null for all groups, else only the group with this name (case-insensitive) */
  Page<Group> listGroups(Handle h, String identityStoreId, String displayName, String afterId, int limit);

  // external ids
  Optional<String> resourceIdByExternalId(Handle h, String identityStoreId, ResourceType type, ExternalId externalId);

  // memberships
  void insertMembership(Handle h, GroupMembership membership);

  Optional<GroupMembership> findMembership(Handle h, String identityStoreId, String membershipId);

  Optional<GroupMembership> findMembership(Handle h, String identityStoreId, String groupId, String userId);

  boolean deleteMembership(Handle h, String identityStoreId, String membershipId);

  Page<GroupMembership> membershipsOfGroup(Handle h, String identityStoreId, String groupId, String afterId, int limit);

  Page<GroupMembership> membershipsOfUser(Handle h, String identityStoreId, String userId, String afterId, int limit);

  /** Which of {@code groupIds} the user belongs to, in one query. */
  Set<String> groupsOfUserAmong(Handle h, String identityStoreId, String userId, Collection<String> groupIds);

  /** Every membership of the store, in id order: what a snapshot of group memberships is built from. */
  List<GroupMembership> allMemberships(Handle h, String identityStoreId);
}
