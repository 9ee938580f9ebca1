package io.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.storage.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every {@link IdentityStoreStore} keeps, run on H2 and on PostgreSQL. */
class IdentityStoreStoreContractTest {
  private static final String DATABASES = "io.gatehouse.server.testing.TestDatabases#all";
  private static final String STORE = "d-0123456789";
  private static final String OTHER_STORE = "d-abcdef0123";
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

  private final IdentityStoreStore store = new JdbcIdentityStoreStore();

  private <R> R tx(Database db, Function<Handle, R> body) {
    return db.inTransaction(body::apply);
  }

  private <T> java.util.Optional<T> find(Database db, Function<Handle, java.util.Optional<T>> body) {
    return db.inTransaction(body::apply);
  }

  private boolean yes(Database db, java.util.function.Predicate<Handle> body) {
    return db.inTransaction(body::test);
  }

  private <T> List<T> all(Database db, Function<Handle, List<T>> body) {
    return db.inTransaction(body::apply);
  }

  private <T> Set<T> set(Database db, Function<Handle, Set<T>> body) {
    return db.inTransaction(body::apply);
  }

  private void setUp(Database db) {
    tx(db, h -> {
      store.insertStore(h, STORE, "organization", T0);
      store.insertStore(h, OTHER_STORE, null, T0);
      return null;
    });
  }

  static User user(String storeId, String id, String userName, String email) {
    var attrs = new UserAttributes(userName, new Name(null, "Doe", "Jane", null, null, null), "Jane Doe", null, null,
        email == null ? null : List.of(new Email(email, "work", true)), null, null, null, null, null, null, null,
        null, null, null, null, null);
    return User.of(new User.Meta(storeId, id, null, "ENABLED", T0, "arn:aws:iam::123456789012:root", T0, null), attrs);
  }

  static Group group(String storeId, String id, String name) {
    return new Group(id, name, null, "a group", T0, T0, "me", "me", storeId);
  }

  static GroupMembership membership(String storeId, String id, String groupId, String userId) {
    return new GroupMembership(storeId, id, groupId, new MemberId(userId), T0, T0, "me", "me");
  }

  private static String id(int n) {
    return String.format("0123456789-00000000-0000-0000-0000-%012d", n);
  }

  @ParameterizedTest
  @MethodSource(DATABASES)
  void storesExistAndBootstrapSlotIsUnique(Supplier<Database> databases) {
    try (Database db = databases.get()) {
      setUp(db);
      assertThat(yes(db, h -> store.storeExists(h, STORE))).isTrue();
      assertThat(yes(db, h -> store.storeExists(h, "d-ffffffffff"))).isFalse();
      assertThat(find(db, h -> store.storeInSlot(h, "organization"))).contains(STORE);
      assertThatThrownBy(() -> tx(db, h -> {
        store.insertStore(h, "d-1111111111", "organization", T0);
        return null;
      })).isInstanceOf(Conflict.class);
    }
  }

  @ParameterizedTest
  @MethodSource(DATABASES)
  void userRoundTripsEveryAttribute(Supplier<Database> databases) {
    try (Database db = databases.get()) {
      setUp(db);
      var ext = io.gatehouse.server.identitystore.AttributeJson.MAPPER.createObjectNode().put("costCenter", "42");
      var attrs = new UserAttributes("jdoe", new Name("Dr Jane Q Doe", "Doe", "Jane", "Q", "Dr", "PhD"), "Jane Doe",
          "JD", "https://example.com/jd", List.of(new Email("jd@example.com", "work", true)),
          List.of(new Address("1 Main St", "Town", "Region", "12345", "US", "1 Main St, Town", "home", true)),
          List.of(new PhoneNumber("+1 555 0100", "mobile", false)), "Employee", "Engineer", "en-us", "en_US",
          "Europe/Berlin", List.of(new Photo("https://example.com/p.png", "photo", "Me", true)),
          "https://jd.example.com", "1990-01-31", List.of(new Role("Researcher", "work", true)),
          java.util.Map.of("aws:identitystore:enterprise", ext));
      User u = User.of(new User.Meta(STORE, id(1), List.of(new ExternalId("okta", "00u1")), "ENABLED", T0, "creator",
          T0.plusSeconds(5), "updater"), attrs);
      tx(db, h -> {
        store.insertUser(h, u);
        return null;
      });
      assertThat(find(db, h -> store.findUser(h, STORE, id(1), false))).contains(u);
      assertThat(find(db, h -> store.findUser(h, OTHER_STORE, id(1), false))).isEmpty();
      assertThat(find(db, h -> store.resourceIdByExternalId(h, STORE, ResourceType.USER, new ExternalId("okta", "00u1"))))
          .contains(id(1));
      assertThat(find(db, h -> store.resourceIdByExternalId(h, STORE, ResourceType.GROUP, new ExternalId("okta", "00u1"))))
          .isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource(DATABASES)
  void userNamesAndEmailsAreUniquePerStoreIgnoringCase(Supplier<Database> databases) {
    try (Database db = databases.get()) {
      setUp(db);
      tx(db, h -> {
        store.insertUser(h, user(STORE, id(1), "jdoe", "jd@example.com"));
        return null;
      });
      assertThatThrownBy(() -> tx(db, h -> {
        store.insertUser(h, user(STORE, id(2), "JDoe", null));
        return null;
      })).isInstanceOfSatisfying(Conflict.class, c -> {
        assertThat(c.reason()).isEqualTo(Conflict.Reason.UNIQUENESS_CONSTRAINT_VIOLATION);
        assertThat(c.getMessage()).isEqualTo("Duplicate UserName");
      });
      assertThatThrownBy(() -> tx(db, h -> {
        store.insertUser(h, user(STORE, id(3), "other", "JD@Example.com"));
        return null;
      })).isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.getMessage()).isEqualTo("Duplicate Email"));
      // the same name in another store, and users without email, are fine
      tx(db, h -> {
        store.insertUser(h, user(OTHER_STORE, "abcdef0123-00000000-0000-0000-0000-000000000001", "jdoe", "jd@example.com"));
        store.insertUser(h, user(STORE, id(4), "noemail1", null));
        store.insertUser(h, user(STORE, id(5), "noemail2", null));
        return null;
      });
      assertThat(find(db, h -> store.userIdByUserName(h, STORE, "JDOE"))).contains(id(1));
      assertThat(find(db, h -> store.userIdByEmail(h, STORE, "Jd@example.COM"))).contains(id(1));
      assertThat(find(db, h -> store.userIdByUserName(h, STORE, "nobody"))).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource(DATABASES)
  void updateMovesTheUniqueKeys(Supplier<Database> databases) {
    try (Database db = databases.get()) {
      setUp(db);
      tx(db, h -> {
        store.insertUser(h, user(STORE, id(1), "old", "old@example.com"));
        return null;
      });
      User renamed = user(STORE, id(1), "new", "new@example.com");
      tx(db, h -> {
        store.updateUser(h, renamed);
        return null;
      });
      assertThat(find(db, h -> store.findUser(h, STORE, id(1), true))).contains(renamed);
      assertThat(find(db, h -> store.userIdByUserName(h, STORE, "old"))).isEmpty();
      assertThat(find(db, h -> store.userIdByEmail(h, STORE, "new@example.com"))).contains(id(1));
      tx(db, h -> {
        store.insertUser(h, user(STORE, id(2), "old", "old@example.com")); // freed by the rename
        return null;
      });
    }
  }

  @ParameterizedTest
  @MethodSource(DATABASES)
  void usersPageInIdOrderAndFilterByName(Supplier<Database> databases) {
    try (Database db = databases.get()) {
      setUp(db);
      tx(db, h -> {
        for (int i = 5; i >= 1; i--) store.insertUser(h, user(STORE, id(i), "user" + i, null));
        store.insertUser(h, user(OTHER_STORE, "abcdef0123-00000000-0000-0000-0000-000000000009", "elsewhere", null));
        return null;
      });
      List<String> seen = new ArrayList<>();
      String after = null;
      int pages = 0;
      do {
        String a = after;
        Page<User> p = tx(db, h -> store.listUsers(h, STORE, null, a, 2));
        p.items().forEach(u -> seen.add(u.userId()));
        after = p.lastKey();
        pages++;
      } while (after != null);
      assertThat(seen).containsExactly(id(1), id(2), id(3), id(4), id(5));
      assertThat(pages).isEqualTo(3);
      assertThat(tx(db, h -> store.listUsers(h, STORE, null, null, 5)).lastKey()).isNull();
      assertThat(tx(db, h -> store.listUsers(h, STORE, "USER3", null, 100)).items())
          .extracting(User::userId).containsExactly(id(3));
    }
  }

  @ParameterizedTest
  @MethodSource(DATABASES)
  void groupsAreUniqueByDisplayNameAndPage(Supplier<Database> databases) {
    try (Database db = databases.get()) {
      setUp(db);
      tx(db, h -> {
        store.insertGroup(h, group(STORE, id(2), "Engineers"));
        store.insertGroup(h, group(STORE, id(1), "Admins"));
        store.insertGroup(h, group(OTHER_STORE, "abcdef0123-00000000-0000-0000-0000-000000000001", "Engineers"));
        return null;
      });
      assertThatThrownBy(() -> tx(db, h -> {
        store.insertGroup(h, group(STORE, id(3), "ENGINEERS"));
        return null;
      })).isInstanceOfSatisfying(Conflict.class, c -> assertThat(c.getMessage()).isEqualTo("Duplicate GroupDisplayName"));
      assertThat(find(db, h -> store.findGroup(h, STORE, id(2), false))).contains(group(STORE, id(2), "Engineers"));
      assertThat(find(db, h -> store.groupIdByDisplayName(h, STORE, "engineers"))).contains(id(2));
      Page<Group> first = tx(db, h -> store.listGroups(h, STORE, null, null, 1));
      assertThat(first.items()).extracting(Group::groupId).containsExactly(id(1));
      assertThat(first.lastKey()).isEqualTo(id(1));
      Page<Group> second = tx(db, h -> store.listGroups(h, STORE, null, first.lastKey(), 1));
      assertThat(second.items()).extracting(Group::groupId).containsExactly(id(2));
      assertThat(second.lastKey()).isNull();
      assertThat(tx(db, h -> store.listGroups(h, STORE, "admins", null, 10)).items()).hasSize(1);
      Group renamed = new Group(id(2), "Builders", List.of(new ExternalId("scim", "g-2")), null, T0, T0.plusSeconds(1),
          "me", "you", STORE);
      tx(db, h -> {
        store.updateGroup(h, renamed);
        return null;
      });
      assertThat(find(db, h -> store.findGroup(h, STORE, id(2), true))).contains(renamed);
      assertThat(find(db, h -> store.resourceIdByExternalId(h, STORE, ResourceType.GROUP, new ExternalId("scim", "g-2"))))
          .contains(id(2));
      assertThat(find(db, h -> store.groupIdByDisplayName(h, STORE, "Engineers"))).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource(DATABASES)
  void membershipsAreUniqueAndReadableBothWays(Supplier<Database> databases) {
    try (Database db = databases.get()) {
      setUp(db);
      tx(db, h -> {
        store.insertUser(h, user(STORE, id(1), "alice", null));
        store.insertUser(h, user(STORE, id(2), "bob", null));
        store.insertGroup(h, group(STORE, id(11), "g1"));
        store.insertGroup(h, group(STORE, id(12), "g2"));
        store.insertMembership(h, membership(STORE, id(21), id(11), id(1)));
        store.insertMembership(h, membership(STORE, id(22), id(11), id(2)));
        store.insertMembership(h, membership(STORE, id(23), id(12), id(1)));
        return null;
      });
      assertThatThrownBy(() -> tx(db, h -> {
        store.insertMembership(h, membership(STORE, id(24), id(11), id(1)));
        return null;
      })).isInstanceOfSatisfying(Conflict.class,
          c -> assertThat(c.reason()).isEqualTo(Conflict.Reason.UNIQUENESS_CONSTRAINT_VIOLATION));
      assertThat(find(db, h -> store.findMembership(h, STORE, id(22)))).contains(membership(STORE, id(22), id(11), id(2)));
      assertThat(find(db, h -> store.findMembership(h, STORE, id(12), id(1)))).map(GroupMembership::membershipId)
          .contains(id(23));
      assertThat(find(db, h -> store.findMembership(h, STORE, id(12), id(2)))).isEmpty();
      Page<GroupMembership> g1 = tx(db, h -> store.membershipsOfGroup(h, STORE, id(11), null, 1));
      assertThat(g1.items()).extracting(GroupMembership::membershipId).containsExactly(id(21));
      assertThat(tx(db, h -> store.membershipsOfGroup(h, STORE, id(11), g1.lastKey(), 1)).items())
          .extracting(GroupMembership::membershipId).containsExactly(id(22));
      assertThat(tx(db, h -> store.membershipsOfUser(h, STORE, id(1), null, 10)).items())
          .extracting(GroupMembership::groupId).containsExactly(id(11), id(12));
      assertThat(set(db, h -> store.groupsOfUserAmong(h, STORE, id(2), List.of(id(11), id(12), id(99)))))
          .isEqualTo(Set.of(id(11)));
      assertThat(all(db, h -> store.allMemberships(h, STORE))).hasSize(3);
      assertThat(all(db, h -> store.allMemberships(h, OTHER_STORE))).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource(DATABASES)
  void deletingAUserOrGroupDeletesItsMemberships(Supplier<Database> databases) {
    try (Database db = databases.get()) {
      setUp(db);
      tx(db, h -> {
        store.insertUser(h, User.of(new User.Meta(STORE, id(1), List.of(new ExternalId("idp", "u1")), "ENABLED", T0,
            null, T0, null), user(STORE, id(1), "alice", null).attributes()));
        store.insertUser(h, user(STORE, id(2), "bob", null));
        store.insertGroup(h, group(STORE, id(11), "g1"));
        store.insertGroup(h, group(STORE, id(12), "g2"));
        store.insertMembership(h, membership(STORE, id(21), id(11), id(1)));
        store.insertMembership(h, membership(STORE, id(22), id(11), id(2)));
        store.insertMembership(h, membership(STORE, id(23), id(12), id(2)));
        return null;
      });
      assertThat(yes(db, h -> store.deleteUser(h, STORE, id(1)))).isTrue();
      assertThat(yes(db, h -> store.deleteUser(h, STORE, id(1)))).isFalse();
      assertThat(find(db, h -> store.findMembership(h, STORE, id(21)))).isEmpty();
      assertThat(find(db, h -> store.resourceIdByExternalId(h, STORE, ResourceType.USER, new ExternalId("idp", "u1"))))
          .isEmpty();
      assertThat(yes(db, h -> store.deleteGroup(h, STORE, id(11)))).isTrue();
      assertThat(all(db, h -> store.allMemberships(h, STORE))).extracting(GroupMembership::membershipId)
          .containsExactly(id(23));
      assertThat(yes(db, h -> store.deleteMembership(h, STORE, id(23)))).isTrue();
      assertThat(yes(db, h -> store.deleteMembership(h, STORE, id(23)))).isFalse();
      assertThat(yes(db, h -> store.deleteGroup(h, OTHER_STORE, id(12)))).isFalse();
    }
  }
}
