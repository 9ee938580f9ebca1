package io.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gatehouse.server.core.PageToken;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The identity store's rules, through its service, on H2. */
class IdentityStoreServiceTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String ME = "arn:aws:iam::123456789012:root";

  private Database db;
  private SettableClock clock;
  private IdentityStoreService service;
  private String store;

  @BeforeEach
  void start() {
    db = TestDatabases.h2();
    clock = new SettableClock(Instant.parse("2026-03-01T10:00:00.123456Z"));
    service = new IdentityStoreService(db, new JdbcIdentityStoreStore(), clock);
    store = service.bootstrap();
  }

  @AfterEach
  void stop() {
    db.close();
  }

  static UserAttributes person(String userName, String email) {
    return new UserAttributes(userName, new Name(null, "Doe", "Jane", null, null, null), "Jane Doe", null, null,
        email == null ? null : List.of(new Email(email, "work", true)), null, null, null, null, null, null, null,
        null, null, null, null, null);
  }

  private User newUser(String userName) {
    return service.createUser(store, person(userName, null), ME);
  }

  private static AttributeOperation op(String path, JsonNode value) {
    return new AttributeOperation(path, value);
  }

  private long changes() {
    return db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM change_log WHERE topic = 'identitystore'")
        .mapTo(Long.class).one());
  }

  @Nested
  class Bootstrap {
    @Test
    void createsOneStoreWithAnAwsStyleIdAndIsIdempotent() {
      assertThat(store).matches("d-[0-9a-f]{10}");
      assertThat(service.bootstrap()).isEqualTo(store);
      assertThat(new IdentityStoreService(db, new JdbcIdentityStoreStore(), clock).bootstrap()).isEqualTo(store);
    }

    @Test
    void idsOfUsersGroupsAndMembershipsCarryTheStoreDigits() {
      String hex = store.substring(2);
      User u = newUser("jdoe");
      Group g = service.createGroup(store, "Engineers", null, ME);
      GroupMembership m = service.createMembership(store, g.groupId(), new MemberId(u.userId()), ME);
      String format = hex + "-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
      assertThat(List.of(u.userId(), g.groupId(), m.membershipId())).allMatch(id -> id.matches(format));
    }

    @Test
    void anUnknownIdentityStoreIsNotFound() {
      String unknown = "d-ffffffffff";
      List<Runnable> calls = List.of(
          () -> service.createUser(unknown, person("x", null), ME),
          () -> service.describeUser(unknown, store.substring(2) + "-00000000-0000-0000-0000-000000000000", null),
          () -> service.listUsers(unknown, null, null, null, null),
          () -> service.createGroup(unknown, "g", null, ME),
          () -> service.listGroups(unknown, null, null, null),
          () -> service.deleteMembership(unknown, "00000000-0000-0000-0000-000000000000"));
      for (Runnable call : calls) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ResourceNotFound.class, e -> {
          assertThat(e.resourceType()).isEqualTo(ResourceType.IDENTITY_STORE);
          assertThat(e.code()).isEqualTo("ResourceNotFoundException");
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.fields()).containsEntry("ResourceType", "IDENTITY_STORE").containsEntry("ResourceId", unknown);
        });
      }
    }
  }

  @Nested
  class Users {
    @Test
    void createThenDescribeReturnsEveryAttributeWithTimestampsAndCreator() {
      var attrs = new UserAttributes("jdoe", new Name("Jane Doe", "Doe", "Jane", null, "Dr", null), "Jane Doe", "JD",
          null, List.of(new Email("jane@example.com", "work", true)), null,
          List.of(new PhoneNumber("+1 555 0100", "work", true)), "Employee", null, null, null, "UTC", null, null,
          null, null, null);
      User created = service.createUser(store, attrs, ME);
      User read = service.describeUser(store, created.userId(), null);
      assertThat(read).isEqualTo(created);
      assertThat(read.attributes()).isEqualTo(attrs);
      assertThat(read.userStatus()).isEqualTo("ENABLED");
      assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123Z"));
      assertThat(read.updatedAt()).isEqualTo(read.createdAt());
      assertThat(read.createdBy()).isEqualTo(ME);
    }

    @Test
    void userNamesAreUniqueIgnoringCase() {
      newUser("jdoe");
      assertThatThrownBy(() -> newUser("JDoe")).isInstanceOfSatisfying(Conflict.class, e -> {
        assertThat(e.code()).isEqualTo("ConflictException");
        assertThat(e.fields()).containsEntry("Reason", "UNIQUENESS_CONSTRAINT_VIOLATION");
      });
    }

    @Test
    void emailsAreUniqueIgnoringCase() {
      service.createUser(store, person("a", "jane@example.com"), ME);
      assertThatThrownBy(() -> service.createUser(store, person("b", "JANE@example.com"), ME))
          .isInstanceOf(Conflict.class);
    }

    @Test
    void identityCenterRequiresUserNameDisplayNameAndGivenAndFamilyName() {
      UserAttributes ok = person("jdoe", null);
      var noUserName = new UserAttributes(null, ok.name(), ok.displayName(), null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null);
      var noDisplayName = new UserAttributes("jdoe", ok.name(), null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null, null);
      var noName = new UserAttributes("jdoe", null, "Jane", null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null);
      var noFamilyName = new UserAttributes("jdoe", new Name(null, null, "Jane", null, null, null), "Jane", null, null,
          null, null, null, null, null, null, null, null, null, null, null, null, null);
      assertThatThrownBy(() -> service.createUser(store, noUserName, ME)).isInstanceOf(Validation.class)
          .hasMessage("userName is a required attribute");
      assertThatThrownBy(() -> service.createUser(store, noDisplayName, ME)).isInstanceOf(Validation.class)
          .hasMessage("displayname: The attribute displayname is required");
      assertThatThrownBy(() -> service.createUser(store, noName, ME)).isInstanceOf(Validation.class)
          .hasMessage("name: The attribute name is required");
      assertThatThrownBy(() -> service.createUser(store, noFamilyName, ME)).isInstanceOf(Validation.class)
          .hasMessage("familyname: The attribute familyname is required");
      var nothing = new UserAttributes("jdoe", null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null);
      assertThatThrownBy(() -> service.createUser(store, nothing, ME)).isInstanceOf(Validation.class)
          .hasMessage("displayname: The attribute displayname is required, name: The attribute name is required");
    }

    @Test
    void reservedNamesAreRejected() {
      assertThatThrownBy(() -> newUser("Administrator")).isInstanceOf(Validation.class);
      assertThatThrownBy(() -> newUser("awsadministrators")).isInstanceOf(Validation.class);
      assertThatThrownBy(() -> service.createGroup(store, "AWSAdministrators", null, ME))
          .isInstanceOf(Validation.class);
    }

    @Test
    void anUnknownUserIsNotFoundWithItsId() {
      String id = store.substring(2) + "-00000000-0000-0000-0000-000000000001";
      for (Runnable call : List.<Runnable>of(() -> service.describeUser(store, id, null),
          () -> service.deleteUser(store, id),
          () -> service.updateUser(store, id, List.of(op("displayName", JSON.textNode("x"))), ME))) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ResourceNotFound.class, e -> {
          assertThat(e.resourceType()).isEqualTo(ResourceType.USER);
          assertThat(e.fields()).containsEntry("ResourceType", "USER").containsEntry("ResourceId", id);
        });
      }
    }

    @Test
    void deleteRemovesTheUserAndItsMemberships() {
      User u = newUser("jdoe");
      Group g = service.createGroup(store, "g", null, ME);
      GroupMembership m = service.createMembership(store, g.groupId(), new MemberId(u.userId()), ME);
      service.deleteUser(store, u.userId());
      assertThatThrownBy(() -> service.describeUser(store, u.userId(), null)).isInstanceOf(ResourceNotFound.class);
      assertThatThrownBy(() -> service.describeMembership(store, m.membershipId()))
          .isInstanceOfSatisfying(ResourceNotFound.class,
              e -> assertThat(e.resourceType()).isEqualTo(ResourceType.GROUP_MEMBERSHIP));
      assertThat(service.listMemberships(store, g.groupId(), null, null).items()).isEmpty();
      newUser("jdoe"); // the name is free again
    }

    @Test
    void extensionsAreStoredAndReturnedOnlyWhenAskedFor() {
      var enterprise = JSON.objectNode().put("costCenter", "4711").put("department", "R&D");
      enterprise.putObject("manager").put("value", "boss");
      UserAttributes p = person("jdoe", null);
      var attrs = new UserAttributes(p.userName(), p.name(), p.displayName(), null, null, null, null, null, null, null,
          null, null, null, null, null, null, null, Map.of("aws:identitystore:enterprise", enterprise));
      User u = service.createUser(store, attrs, ME);
      assertThat(service.describeUser(store, u.userId(), null).extensions()).isNull();
      assertThat(service.describeUser(store, u.userId(), List.of("aws:identitystore:enterprise")).extensions())
          .containsEntry("aws:identitystore:enterprise", enterprise);
      assertThat(service.listUsers(store, null, List.of("aws:identitystore:enterprise"), null, null).items().get(0)
          .extensions()).containsKey("aws:identitystore:enterprise");
      assertThatThrownBy(() -> service.describeUser(store, u.userId(), List.of("aws:identitystore:other")))
          .isInstanceOf(Validation.class);
      var bad = new UserAttributes(p.userName() + "2", p.name(), p.displayName(), null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, Map.of("aws:identitystore:custom", enterprise));
      assertThatThrownBy(() -> service.createUser(store, bad, ME)).isInstanceOf(Validation.class);
    }

    @Test
    void photosAreLimitedToThreeWithOnePrimary() {
      UserAttributes p = person("jdoe", null);
      var two = List.of(new Photo("a.png", null, null, true), new Photo("b.png", null, null, true));
      var attrs = new UserAttributes(p.userName(), p.name(), p.displayName(), null, null, null, null, null, null, null,
          null, null, null, two, null, null, null, null);
      assertThatThrownBy(() -> service.createUser(store, attrs, ME)).isInstanceOf(Validation.class)
          .hasMessageContaining("primary");
    }
  }

  @Nested
  class UpdateUser {
    @Test
    void replacesSetsAndRemovesAttributesAndStampsTheUpdate() {
      User u = service.createUser(store, person("jdoe", "jane@example.com"), "creator");
      clock.advance(Duration.ofMinutes(5));
      var emails = JSON.arrayNode();
      emails.addObject().put("value", "jd@example.org").put("type", "home").put("primary", true);
      service.updateUser(store, u.userId(), List.of(
          op("displayName", JSON.textNode("J. Doe")),
          op("name.givenName", JSON.textNode("Janet")),
          op("nickName", JSON.textNode("JJ")),
          op("emails", emails),
          op("aws:identitystore:enterprise.costCenter", JSON.textNode("42"))), "updater");
      User after = service.describeUser(store, u.userId(), List.of("aws:identitystore:enterprise"));
      assertThat(after.displayName()).isEqualTo("J. Doe");
      assertThat(after.name()).isEqualTo(new Name(null, "Doe", "Janet", null, null, null));
      assertThat(after.nickName()).isEqualTo("JJ");
      assertThat(after.emails()).containsExactly(new Email("jd@example.org", "home", true));
      assertThat(after.extensions().get("aws:identitystore:enterprise").get("costCenter").asText()).isEqualTo("42");
      assertThat(after.createdAt()).isEqualTo(u.createdAt());
      assertThat(after.createdBy()).isEqualTo("creator");
      assertThat(after.updatedAt()).isEqualTo(u.createdAt().plus(Duration.ofMinutes(5)));
      assertThat(after.updatedBy()).isEqualTo("updater");

      service.updateUser(store, u.userId(), List.of(op("nickName", null), op("emails", JSON.nullNode())), ME);
      User cleared = service.describeUser(store, u.userId(), null);
      assertThat(cleared.nickName()).isNull();
      assertThat(cleared.emails()).isNull();
      // the old email is free for someone else now
      service.createUser(store, person("other", "jane@example.com"), ME);
    }

    @Test
    void pathsMatchIgnoringCase() {
      User u = newUser("jdoe");
      service.updateUser(store, u.userId(), List.of(op("DisplayName", JSON.textNode("X")),
          op("Name.FamilyName", JSON.textNode("Roe"))), ME);
      User after = service.describeUser(store, u.userId(), null);
      assertThat(after.displayName()).isEqualTo("X");
      assertThat(after.name().familyName()).isEqualTo("Roe");
    }

    @Test
    void multiValuedAttributesCanOnlyBeReplacedWhole() {
      User u = service.createUser(store, person("jdoe", "jane@example.com"), ME);
      assertThatThrownBy(() -> service.updateUser(store, u.userId(),
          List.of(op("emails.value", JSON.textNode("x@example.com"))), ME))
          .isInstanceOf(Validation.class)
          .hasMessage("Unsupported update operation on multi-value attribute emails, please provide full "
              + "replacement of Multi-Value attribute types");
    }

    @Test
    void rejectsUnknownPathsWrongTypesAndRemovingRequiredAttributes() {
      User u = newUser("jdoe");
      List<List<AttributeOperation>> bad = List.of(
          List.of(op("userId", JSON.textNode("x"))),
          List.of(op("shoeSize", JSON.textNode("42"))),
          List.of(op("name.nickName", JSON.textNode("x"))),
          List.of(op("displayName", JSON.numberNode(42))),
          List.of(op("emails", JSON.textNode("jd@example.com"))),
          List.of(op("emails", JSON.arrayNode().add(JSON.objectNode().put("valu", "x")))),
          List.of(op("displayName", JSON.textNode(""))),
          List.of(op("userName", null)),
          List.of(op("name.givenName", null)),
          List.of(op("foo:bar:baz", JSON.objectNode())));
      for (List<AttributeOperation> ops : bad) {
        assertThatThrownBy(() -> service.updateUser(store, u.userId(), ops, ME)).as(ops.toString())
            .isInstanceOf(Validation.class);
      }
      assertThat(service.describeUser(store, u.userId(), null)).isEqualTo(u);
    }

    @Test
    void renamingOntoAnotherUsersNameConflictsAndChangesNothing() {
      newUser("taken");
      User u = newUser("jdoe");
      long before = changes();
      assertThatThrownBy(() -> service.updateUser(store, u.userId(), List.of(op("userName", JSON.textNode("TAKEN"))),
          ME)).isInstanceOf(Conflict.class);
      assertThat(service.describeUser(store, u.userId(), null)).isEqualTo(u);
      assertThat(changes()).isEqualTo(before);
    }
  }

  @Nested
  class ListAndFind {
    @Test
    void listUsersPagesThroughEveryUserOnce() {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 7; i++) ids.add(newUser("user" + i).userId());
      List<String> seen = new ArrayList<>();
      String token = null;
      do {
        Page<User> page = service.listUsers(store, null, null, 3, token);
        assertThat(page.items().size()).isLessThanOrEqualTo(3);
        page.items().forEach(u -> seen.add(u.userId()));
        token = page.lastKey() == null ? null : PageToken.encode(page.lastKey());
      } while (token != null);
      assertThat(seen).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
    }

    @Test
    void listUsersFiltersByUserNameOnly() {
      User u = newUser("jdoe");
      newUser("other");
      assertThat(service.listUsers(store, List.of(new Filter("UserName", "JDOE")), null, null, null).items())
          .containsExactly(u);
      assertThatThrownBy(() -> service.listUsers(store, List.of(new Filter("DisplayName", "x")), null, null, null))
          .isInstanceOf(Validation.class);
    }

    @Test
    void aTokenTheServerNeverIssuedIsRejected() {
      assertThatThrownBy(() -> service.listUsers(store, null, null, null, "not base64!"))
          .isInstanceOf(PageToken.InvalidPageTokenException.class);
    }

    @Test
    void getUserIdByUserNameOrEmail() {
      User u = service.createUser(store, person("jdoe", "jane@example.com"), ME);
      assertThat(service.getUserId(store, unique("userName", "JDoe"))).isEqualTo(u.userId());
      assertThat(service.getUserId(store, unique("emails.value", "jane@example.com"))).isEqualTo(u.userId());
      assertThatThrownBy(() -> service.getUserId(store, unique("userName", "nobody")))
          .isInstanceOfSatisfying(ResourceNotFound.class, e -> assertThat(e.resourceType()).isEqualTo(ResourceType.USER));
      assertThatThrownBy(() -> service.getUserId(store, unique("displayName", "Jane Doe")))
          .isInstanceOf(Validation.class).hasMessage("The attribute displayName is not a unique attribute");
      assertThatThrownBy(() -> service.getUserId(store, new AlternateIdentifier(null,
          new UniqueAttribute("userName", JSON.numberNode(1))))).isInstanceOf(Validation.class);
      assertThatThrownBy(() -> service.getUserId(store, new AlternateIdentifier(null, null)))
          .isInstanceOf(Validation.class);
      assertThatThrownBy(() -> service.getUserId(store, new AlternateIdentifier(new ExternalId("okta", "1"), null)))
          .isInstanceOf(ResourceNotFound.class);
    }

    private AlternateIdentifier unique(String path, String value) {
      return new AlternateIdentifier(null, new UniqueAttribute(path, JSON.textNode(value)));
    }
  }

  @Nested
  class Groups {
    @Test
    void createDescribeUpdateDelete() {
      Group g = service.createGroup(store, "Engineers", "builders", ME);
      assertThat(service.describeGroup(store, g.groupId())).isEqualTo(g);
      clock.advance(Duration.ofSeconds(30));
      service.updateGroup(store, g.groupId(), List.of(op("displayName", JSON.textNode("Builders")),
          op("description", null)), "updater");
      Group after = service.describeGroup(store, g.groupId());
      assertThat(after.displayName()).isEqualTo("Builders");
      assertThat(after.description()).isNull();
      assertThat(after.updatedAt()).isEqualTo(g.createdAt().plusSeconds(30));
      assertThat(after.updatedBy()).isEqualTo("updater");
      service.deleteGroup(store, g.groupId());
      assertThatThrownBy(() -> service.describeGroup(store, g.groupId()))
          .isInstanceOfSatisfying(ResourceNotFound.class, e -> {
            assertThat(e.resourceType()).isEqualTo(ResourceType.GROUP);
            assertThat(e.resourceId()).isEqualTo(g.groupId());
          });
      assertThatThrownBy(() -> service.deleteGroup(store, g.groupId())).isInstanceOf(ResourceNotFound.class);
    }

    @Test
    void displayNamesAreUniqueIgnoringCase() {
      Group a = service.createGroup(store, "Engineers", null, ME);
      Group b = service.createGroup(store, "Sales", null, ME);
      assertThatThrownBy(() -> service.createGroup(store, "engineers", null, ME)).isInstanceOfSatisfying(Conflict.class,
          e -> assertThat(e.reason()).isEqualTo(Conflict.Reason.UNIQUENESS_CONSTRAINT_VIOLATION));
      assertThatThrownBy(() -> service.updateGroup(store, b.groupId(),
          List.of(op("displayName", JSON.textNode("ENGINEERS"))), ME)).isInstanceOf(Conflict.class);
      assertThat(service.describeGroup(store, a.groupId())).isEqualTo(a);
    }

    @Test
    void updateRejectsUnknownPathsAndRemovingTheName() {
      Group g = service.createGroup(store, "Engineers", null, ME);
      for (var ops : List.of(List.of(op("members", JSON.textNode("x"))), List.of(op("displayName", null)),
          List.of(op("description", JSON.numberNode(3))))) {
        assertThatThrownBy(() -> service.updateGroup(store, g.groupId(), ops, ME)).isInstanceOf(Validation.class);
      }
      assertThatThrownBy(() -> service.createGroup(store, null, null, ME)).isInstanceOf(Validation.class);
    }

    @Test
    void listAndFindGroups() {
      Group a = service.createGroup(store, "Engineers", null, ME);
      service.createGroup(store, "Sales", null, ME);
      service.createGroup(store, "Support", null, ME);
      Page<Group> first = service.listGroups(store, null, 2, null);
      assertThat(first.items()).hasSize(2);
      Page<Group> second = service.listGroups(store, null, 2, PageToken.encode(first.lastKey()));
      assertThat(second.items()).hasSize(1);
      assertThat(second.lastKey()).isNull();
      assertThat(service.listGroups(store, List.of(new Filter("DisplayName", "engineers")), null, null).items())
          .containsExactly(a);
      assertThatThrownBy(() -> service.listGroups(store, List.of(new Filter("UserName", "x")), null, null))
          .isInstanceOf(Validation.class);
      assertThat(service.getGroupId(store, new AlternateIdentifier(null,
          new UniqueAttribute("displayName", JSON.textNode("ENGINEERS"))))).isEqualTo(a.groupId());
      assertThatThrownBy(() -> service.getGroupId(store, new AlternateIdentifier(null,
          new UniqueAttribute("displayName", JSON.textNode("nobody")))))
          .isInstanceOfSatisfying(ResourceNotFound.class, e -> assertThat(e.resourceType()).isEqualTo(ResourceType.GROUP));
      assertThatThrownBy(() -> service.getGroupId(store, new AlternateIdentifier(null,
          new UniqueAttribute("description", JSON.textNode("x"))))).isInstanceOf(Validation.class);
    }
  }

  @Nested
  class Memberships {
    @Test
    void createDescribeFindListAndDelete() {
      User u = newUser("jdoe");
      Group g1 = service.createGroup(store, "g1", null, ME);
      Group g2 = service.createGroup(store, "g2", null, ME);
      Group g3 = service.createGroup(store, "g3", null, ME);
      GroupMembership m1 = service.createMembership(store, g1.groupId(), new MemberId(u.userId()), ME);
      GroupMembership m2 = service.createMembership(store, g2.groupId(), new MemberId(u.userId()), ME);
      assertThat(service.describeMembership(store, m1.membershipId())).isEqualTo(m1);
      assertThat(m1.memberId()).isEqualTo(new MemberId(u.userId()));
      assertThat(service.getMembershipId(store, g2.groupId(), new MemberId(u.userId()))).isEqualTo(m2.membershipId());
      assertThat(service.listMemberships(store, g1.groupId(), null, null).items()).containsExactly(m1);
      assertThat(service.listMembershipsForMember(store, new MemberId(u.userId()), null, null).items())
          .containsExactlyInAnyOrder(m1, m2);
      assertThat(service.isMemberInGroups(store, new MemberId(u.userId()),
          List.of(g1.groupId(), g3.groupId(), g2.groupId())))
          .containsExactly(new MembershipCheck(g1.groupId(), new MemberId(u.userId()), true),
              new MembershipCheck(g3.groupId(), new MemberId(u.userId()), false),
              new MembershipCheck(g2.groupId(), new MemberId(u.userId()), true));
      service.deleteMembership(store, m1.membershipId());
      assertThatThrownBy(() -> service.deleteMembership(store, m1.membershipId()))
          .isInstanceOfSatisfying(ResourceNotFound.class,
              e -> assertThat(e.resourceType()).isEqualTo(ResourceType.GROUP_MEMBERSHIP));
      assertThatThrownBy(() -> service.getMembershipId(store, g1.groupId(), new MemberId(u.userId())))
          .isInstanceOf(ResourceNotFound.class);
    }

    @Test
    void aUserIsInAGroupOnce() {
      User u = newUser("jdoe");
      Group g = service.createGroup(store, "g", null, ME);
      service.createMembership(store, g.groupId(), new MemberId(u.userId()), ME);
      assertThatThrownBy(() -> service.createMembership(store, g.groupId(), new MemberId(u.userId()), ME))
          .isInstanceOfSatisfying(Conflict.class,
              e -> assertThat(e.reason()).isEqualTo(Conflict.Reason.UNIQUENESS_CONSTRAINT_VIOLATION));
    }

    @Test
    void unknownGroupsAndUsersAreNotFound() {
      User u = newUser("jdoe");
      Group g = service.createGroup(store, "g", null, ME);
      String missing = store.substring(2) + "-00000000-0000-0000-0000-000000000000";
      assertThatThrownBy(() -> service.createMembership(store, missing, new MemberId(u.userId()), ME))
          .isInstanceOfSatisfying(ResourceNotFound.class, e -> assertThat(e.resourceType()).isEqualTo(ResourceType.GROUP));
      assertThatThrownBy(() -> service.createMembership(store, g.groupId(), new MemberId(missing), ME))
          .isInstanceOfSatisfying(ResourceNotFound.class, e -> assertThat(e.resourceType()).isEqualTo(ResourceType.USER));
      assertThatThrownBy(() -> service.listMemberships(store, missing, null, null))
          .isInstanceOf(ResourceNotFound.class);
      assertThatThrownBy(() -> service.listMembershipsForMember(store, new MemberId(missing), null, null))
          .isInstanceOf(ResourceNotFound.class);
      assertThatThrownBy(() -> service.isMemberInGroups(store, new MemberId(missing), List.of(g.groupId())))
          .isInstanceOf(ResourceNotFound.class);
      assertThatThrownBy(() -> service.createMembership(store, g.groupId(), new MemberId(null), ME))
          .isInstanceOf(Validation.class);
    }

    @Test
    void deletingAGroupDeletesItsMemberships() {
      User u = newUser("jdoe");
      Group g = service.createGroup(store, "g", null, ME);
      service.createMembership(store, g.groupId(), new MemberId(u.userId()), ME);
      service.deleteGroup(store, g.groupId());
      assertThat(service.listMembershipsForMember(store, new MemberId(u.userId()), null, null).items()).isEmpty();
    }

    @Test
    void membershipsPageByGroupAndByMember() {
      Group g = service.createGroup(store, "g", null, ME);
      for (int i = 0; i < 5; i++) {
        service.createMembership(store, g.groupId(), new MemberId(newUser("u" + i).userId()), ME);
      }
      List<String> seen = new ArrayList<>();
      String token = null;
      do {
        Page<GroupMembership> p = service.listMemberships(store, g.groupId(), 2, token);
        p.items().forEach(m -> seen.add(m.membershipId()));
        token = p.lastKey() == null ? null : PageToken.encode(p.lastKey());
      } while (token != null);
      assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    }
  }

  @Nested
  class ChangeLogAndTransactions {
    @Test
    void everyWriteAppendsToTheChangeLogAndReadsDoNot() {
      long start = changes();
      User u = newUser("jdoe");
      Group g = service.createGroup(store, "g", null, ME);
      GroupMembership m = service.createMembership(store, g.groupId(), new MemberId(u.userId()), ME);
      service.updateUser(store, u.userId(), List.of(op("title", JSON.textNode("Boss"))), ME);
      service.updateGroup(store, g.groupId(), List.of(op("description", JSON.textNode("d"))), ME);
      assertThat(changes()).isEqualTo(start + 5);
      service.describeUser(store, u.userId(), null);
      service.listUsers(store, null, null, null, null);
      service.isMemberInGroups(store, new MemberId(u.userId()), List.of(g.groupId()));
      assertThat(changes()).isEqualTo(start + 5);
      service.deleteMembership(store, m.membershipId());
      service.deleteGroup(store, g.groupId());
      service.deleteUser(store, u.userId());
      assertThat(changes()).isEqualTo(start + 8);
    }

    @Test
    void aRejectedWriteLeavesNoTrace() {
      newUser("jdoe");
      long start = changes();
      assertThatThrownBy(() -> newUser("JDOE")).isInstanceOf(Conflict.class);
      assertThatThrownBy(() -> service.deleteUser(store, store.substring(2) + "-00000000-0000-0000-0000-000000000000"))
          .isInstanceOf(ResourceNotFound.class);
      assertThat(changes()).isEqualTo(start);
      assertThat(service.listUsers(store, null, null, null, null).items()).hasSize(1);
    }
  }

  /** A clock tests move by hand. */
  static final class SettableClock extends Clock {
    private Instant now;

    SettableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
