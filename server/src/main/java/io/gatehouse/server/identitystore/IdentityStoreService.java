package io.gatehouse.server.identitystore;

import io.gatehouse.server.core.Ids;
import io.gatehouse.server.core.PageToken;
import io.gatehouse.server.storage.ChangeLog;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The identity store's rules: every operation checks that the identity store exists, each write
 * runs in one transaction that also appends to the change log (topic {@value #TOPIC}), deleting a
 * user or group deletes its memberships, and uniqueness is the database's to enforce.
 *
 * <p>{@code actor} is who asks (the caller's ARN), recorded as CreatedBy/UpdatedBy; it may be null.
 */
final class IdentityStoreService {
  static final String TOPIC = "identitystore";
  static final String BOOTSTRAP_SLOT = "organization";
  static final int MAX_PAGE = 100;
  private static final String ENABLED = "ENABLED";

  private final Database db;
  private final IdentityStoreStore store;
  private final Clock clock;
  /** Stores known to exist. No operation deletes a store, so a hit never goes stale; it saves a query per request. */
  private final Set<String> knownStores = ConcurrentHashMap.newKeySet();
  private final ReadCache cache = new ReadCache();

  IdentityStoreService(Database db, IdentityStoreStore store, Clock clock) {
    this.db = db;
    this.store = store;
    this.clock = clock;
  }

  /** Creates the organization's identity store unless it exists; safe when several servers start at once. */
  String bootstrap() {
    Optional<String> existing = db.withHandle(h -> store.storeInSlot(h, BOOTSTRAP_SLOT));
    if (existing.isPresent()) return existing.get();
    String id = "d-" + Ids.hex(10);
    try {
      db.inTransaction(h -> {
        store.insertStore(h, id, BOOTSTRAP_SLOT, now());
        ChangeLog.append(h, TOPIC);
        return null;
      });
      return id;
    } catch (Conflict raced) {
      return db.withHandle(h -> store.storeInSlot(h, BOOTSTRAP_SLOT)).orElseThrow(() -> raced);
    }
  }

  // --- users

  User createUser(String storeId, UserAttributes attributes, String actor) {
    UserAttributes checked = UserRules.check(attributes);
    return write(storeId, h -> {
      Instant now = now();
      User user = User.of(new User.Meta(storeId, newResourceId(storeId), null, ENABLED, now, actor, now, actor), checked);
      store.insertUser(h, user);
      return user;
    });
  }

  User describeUser(String storeId, String userId, List<String> extensions) {
    UserRules.checkExtensionNames(extensions);
    User user = cache.user(storeId, userId, () -> read(storeId, h -> store.findUser(h, storeId, userId, false)));
    if (user == null) throw new ResourceNotFound(ResourceType.USER, userId);
    return user.withExtensionsLimitedTo(extensions);
  }

  void updateUser(String storeId, String userId, List<AttributeOperation> operations, String actor) {
    write(storeId, h -> {
      User user = requireUser(h, storeId, userId, true);
      UserAttributes changed = UserRules.check(UserPatch.apply(user.attributes(), operations));
      User.Meta m = user.meta();
      store.updateUser(h, User.of(new User.Meta(storeId, userId, m.externalIds(), m.userStatus(), m.createdAt(),
          m.createdBy(), now(), actor), changed));
      return null;
    });
  }

  void deleteUser(String storeId, String userId) {
    write(storeId, h -> {
      // lock the user first: a membership being added waits for this delete (PostgreSQL's foreign
      // key check takes a share lock on the user) instead of slipping in between the two deletes
      requireUser(h, storeId, userId, true);
      store.deleteUser(h, storeId, userId);
      return null;
    });
  }

  Page<User> listUsers(String storeId, List<Filter> filters, List<String> extensions, Integer maxResults,
      String nextToken) {
    UserRules.checkExtensionNames(extensions);
    String userName = filterValue(filters, "UserName");
    String after = PageToken.decode(nextToken);
    int limit = limit(maxResults);
    Page<User> page = cache.userPage(new ReadCache.ListKey(storeId, userName, after, limit),
        () -> read(storeId, h -> store.listUsers(h, storeId, userName, after, limit)));
    return new Page<>(page.items().stream().map(u -> u.withExtensionsLimitedTo(extensions)).toList(), page.lastKey());
  }

  String getUserId(String storeId, AlternateIdentifier identifier) {
    return read(storeId, h -> {
      Optional<String> found;
      if (oneOf(identifier) instanceof ExternalId external) {
        found = store.resourceIdByExternalId(h, storeId, ResourceType.USER, external);
      } else {
        UniqueAttribute unique = identifier.uniqueAttribute();
        String value = uniqueValue(unique);
        found = switch (unique.attributePath().toLowerCase(Locale.ROOT)) {
          case "username" -> store.userIdByUserName(h, storeId, value);
          case "emails.value" -> store.userIdByEmail(h, storeId, value);
          default -> throw notUnique(unique.attributePath());
        };
      }
      return found.orElseThrow(() -> new ResourceNotFound(ResourceType.USER, null));
    });
  }

  // --- groups

  Group createGroup(String storeId, String displayName, String description, String actor) {
    UserRules.checkGroup(displayName, description);
    return write(storeId, h -> {
      Instant now = now();
      Group group = new Group(newResourceId(storeId), displayName, null, description, now, now, actor, actor, storeId);
      store.insertGroup(h, group);
      return group;
    });
  }

  Group describeGroup(String storeId, String groupId) {
    Group group = cache.group(storeId, groupId, () -> read(storeId, h -> store.findGroup(h, storeId, groupId, false)));
    if (group == null) throw new ResourceNotFound(ResourceType.GROUP, groupId);
    return group;
  }

  void updateGroup(String storeId, String groupId, List<AttributeOperation> operations, String actor) {
    write(storeId, h -> {
      Group g = requireGroup(h, storeId, groupId, true);
      String displayName = g.displayName();
      String description = g.description();
      for (AttributeOperation op : operations) {
        var value = op.valueOrNull();
        if (value != null && !value.isTextual()) {
          throw new Validation(op.attributePath() + ": The attribute " + op.attributePath() + " must be a string");
        }
        String text = value == null ? null : value.asText();
        switch (op.attributePath().toLowerCase(Locale.ROOT)) {
          case "displayname" -> displayName = text;
          case "description" -> description = text;
          default -> throw new Validation("Invalid attribute path " + op.attributePath()
              + ": no such attribute, or it cannot be updated");
        }
      }
      UserRules.checkGroup(displayName, description);
      store.updateGroup(h, new Group(groupId, displayName, g.externalIds(), description, g.createdAt(), now(),
          g.createdBy(), actor, storeId));
      return null;
    });
  }

  void deleteGroup(String storeId, String groupId) {
    write(storeId, h -> {
      requireGroup(h, storeId, groupId, true); // locked first, as in deleteUser
      store.deleteGroup(h, storeId, groupId);
      return null;
    });
  }

  Page<Group> listGroups(String storeId, List<Filter> filters, Integer maxResults, String nextToken) {
    String displayName = filterValue(filters, "DisplayName");
    String after = PageToken.decode(nextToken);
    int limit = limit(maxResults);
    return cache.groupPage(new ReadCache.ListKey(storeId, displayName, after, limit),
        () -> read(storeId, h -> store.listGroups(h, storeId, displayName, after, limit)));
  }

  String getGroupId(String storeId, AlternateIdentifier identifier) {
    return read(storeId, h -> {
      Optional<String> found;
      if (oneOf(identifier) instanceof ExternalId external) {
        found = store.resourceIdByExternalId(h, storeId, ResourceType.GROUP, external);
      } else {
        UniqueAttribute unique = identifier.uniqueAttribute();
        String value = uniqueValue(unique);
        if (!unique.attributePath().equalsIgnoreCase("displayName")) throw notUnique(unique.attributePath());
        found = store.groupIdByDisplayName(h, storeId, value);
      }
      return found.orElseThrow(() -> new ResourceNotFound(ResourceType.GROUP, null));
    });
  }

  // --- memberships

  GroupMembership createMembership(String storeId, String groupId, MemberId member, String actor) {
    String userId = userIdOf(member);
    return write(storeId, h -> {
      // Lock both rows (group first; deletes lock one row each, so no cycle): DeleteUser and
      // DeleteGroup lock theirs, so a membership can never commit after its user or group is gone.
      requireGroup(h, storeId, groupId, true);
      requireUser(h, storeId, userId, true);
      Instant now = now();
      GroupMembership m = new GroupMembership(storeId, newResourceId(storeId), groupId, new MemberId(userId), now, now,
          actor, actor);
      store.insertMembership(h, m);
      return m;
    });
  }

  GroupMembership describeMembership(String storeId, String membershipId) {
    return read(storeId, h -> store.findMembership(h, storeId, membershipId)
        .orElseThrow(() -> new ResourceNotFound(ResourceType.GROUP_MEMBERSHIP, membershipId)));
  }

  void deleteMembership(String storeId, String membershipId) {
    write(storeId, h -> {
      if (!store.deleteMembership(h, storeId, membershipId)) {
        throw new ResourceNotFound(ResourceType.GROUP_MEMBERSHIP, membershipId);
      }
      return null;
    });
  }

  String getMembershipId(String storeId, String groupId, MemberId member) {
    String userId = userIdOf(member);
    return read(storeId, h -> store.findMembership(h, storeId, groupId, userId)
        .map(GroupMembership::membershipId)
        .orElseThrow(() -> new ResourceNotFound(ResourceType.GROUP_MEMBERSHIP, null)));
  }

  Page<GroupMembership> listMemberships(String storeId, String groupId, Integer maxResults, String nextToken) {
    String after = PageToken.decode(nextToken);
    return read(storeId, h -> {
      requireGroup(h, storeId, groupId, false);
      return store.membershipsOfGroup(h, storeId, groupId, after, limit(maxResults));
    });
  }

  Page<GroupMembership> listMembershipsForMember(String storeId, MemberId member, Integer maxResults,
      String nextToken) {
    String userId = userIdOf(member);
    String after = PageToken.decode(nextToken);
    return read(storeId, h -> {
      requireUser(h, storeId, userId, false);
      return store.membershipsOfUser(h, storeId, userId, after, limit(maxResults));
    });
  }

  /** For each group asked about, in order and once each: is the user a member? Unknown groups answer false. */
  List<MembershipCheck> isMemberInGroups(String storeId, MemberId member, List<String> groupIds) {
    String userId = userIdOf(member);
    Set<String> asked = new LinkedHashSet<>(groupIds == null ? List.of() : groupIds);
    return read(storeId, h -> {
      requireUser(h, storeId, userId, false);
      Set<String> in = store.groupsOfUserAmong(h, storeId, userId, asked);
      List<MembershipCheck> results = new ArrayList<>(asked.size());
      for (String g : asked) results.add(new MembershipCheck(g, new MemberId(userId), in.contains(g)));
      return results;
    });
  }

  /** Another server changed the identity store (seen in the change log): what this one cached may be out of date. */
  void changedElsewhere() {
    cache.invalidate();
  }

  // --- reads for other features (SCIM, Identity Center): no change log, no exceptions for absence

  Optional<User> findUser(String storeId, String userId) {
    return db.withHandle(h -> store.findUser(h, storeId, userId, false));
  }

  Optional<Group> findGroup(String storeId, String groupId) {
    return db.withHandle(h -> store.findGroup(h, storeId, groupId, false));
  }

  List<GroupMembership> allMemberships(String storeId) {
    return db.withHandle(h -> store.allMemberships(h, storeId));
  }

  List<String> groupIdsOf(String storeId, String userId) {
    List<String> out = new ArrayList<>();
    String after = null;
    do {
      String a = after;
      Page<GroupMembership> p = db.withHandle(h -> store.membershipsOfUser(h, storeId, userId, a, MAX_PAGE));
      p.items().forEach(m -> out.add(m.groupId()));
      after = p.lastKey();
    } while (after != null);
    return out;
  }

  // --- plumbing

  private <R> R read(String storeId, Function<Handle, R> body) {
    return db.withHandle(h -> {
      requireStore(h, storeId);
      return body.apply(h);
    });
  }

  private <R> R write(String storeId, Function<Handle, R> body) {
    return db.inTransaction(h -> {
      requireStore(h, storeId);
      R result = body.apply(h);
      ChangeLog.append(h, TOPIC);
      h.afterCommit(cache::invalidate);
      return result;
    });
  }

  private void requireStore(Handle h, String storeId) {
    if (knownStores.contains(storeId)) return;
    if (!store.storeExists(h, storeId)) throw new ResourceNotFound(ResourceType.IDENTITY_STORE, storeId);
    knownStores.add(storeId);
  }

  private User requireUser(Handle h, String storeId, String userId, boolean forUpdate) {
    return store.findUser(h, storeId, userId, forUpdate)
        .orElseThrow(() -> new ResourceNotFound(ResourceType.USER, userId));
  }

  private Group requireGroup(Handle h, String storeId, String groupId, boolean forUpdate) {
    return store.findGroup(h, storeId, groupId, forUpdate)
        .orElseThrow(() -> new ResourceNotFound(ResourceType.GROUP, groupId));
  }

  /** AWS's id format: the store's ten hex digits, a dash, a random UUID (a bare UUID for legacy stores). */
  static String newResourceId(String storeId) {
    return storeId.startsWith("d-") ? storeId.substring(2) + "-" + Ids.uuid() : Ids.uuid();
  }

  private Instant now() {
    // millisecond precision: what both databases keep and what the wire's epoch seconds carry
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static int limit(Integer maxResults) {
    return maxResults == null ? MAX_PAGE : Math.max(1, Math.min(MAX_PAGE, maxResults));
  }

  /** The value of the one allowed filter, or null without filters. */
  private static String filterValue(List<Filter> filters, String allowedPath) {
    if (filters == null || filters.isEmpty()) return null;
    if (filters.size() > 1) throw new Validation("Only one filter is supported");
    Filter f = filters.get(0);
    if (f.attributePath() == null || !f.attributePath().equalsIgnoreCase(allowedPath)) {
      throw new Validation("Filtering by attribute path " + f.attributePath() + " is not supported; use "
          + allowedPath);
    }
    if (f.attributeValue() == null || f.attributeValue().isEmpty()) {
      throw new Validation("attribute value cannot be empty or null for attribute path " + f.attributePath());
    }
    return f.attributeValue();
  }

  /** The union's one member. */
  private static Object oneOf(AlternateIdentifier identifier) {
    boolean external = identifier != null && identifier.externalId() != null;
    boolean unique = identifier != null && identifier.uniqueAttribute() != null;
    if (external == unique) {
      throw new Validation("AlternateIdentifier must have exactly one of ExternalId and UniqueAttribute");
    }
    if (external) {
      ExternalId id = identifier.externalId();
      if (id.issuer() == null || id.id() == null) throw new Validation("ExternalId requires Issuer and Id");
      return id;
    }
    if (identifier.uniqueAttribute().attributePath() == null) throw new Validation("UniqueAttribute requires AttributePath");
    return identifier.uniqueAttribute();
  }

  private static String uniqueValue(UniqueAttribute unique) {
    var v = unique.attributeValue();
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
      throw new Validation("attribute value cannot be empty or null for attribute path " + unique.attributePath());
    }
    if (!v.isTextual()) throw new Validation("The value of attribute " + unique.attributePath() + " must be a string");
    return v.asText();
  }

  private static Validation notUnique(String path) {
    return new Validation("The attribute " + path + " is not a unique attribute");
  }

  private static String userIdOf(MemberId member) {
    if (member == null || member.userId() == null) throw new Validation("MemberId requires UserId");
    return member.userId();
  }
}
