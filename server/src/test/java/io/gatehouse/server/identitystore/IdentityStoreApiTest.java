package io.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gatehouse.server.awsprotocol.Operation;
import io.gatehouse.server.awsprotocol.OperationRegistry;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.core.RequestContext;
import io.gatehouse.server.identitystore.IdentityStoreShapes.*;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.TestDatabases;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API as the protocol layer sees it: every operation of the model is registered, input and
 * output records fit the model's shapes member by member (so nothing a client sends or expects is
 * silently dropped), and a scenario through the registered operations behaves as AWS does.
 */
class IdentityStoreApiTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Caller ROOT = Caller.root("123456789012", "AKIAEXAMPLE");

  private record Registered(Class<?> inputType, Operation<Object, Object> operation) {}

  private final Map<String, Registered> ops = new LinkedHashMap<>();
  private Database db;
  private IdentityStoreFeature feature;
  private String store;

  @BeforeEach
  void start() {
    db = TestDatabases.h2();
    feature = new IdentityStoreFeature(db, Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"),
        ZoneOffset.UTC));
    store = feature.bootstrap();
    assertThat(feature.api().service()).isEqualTo("identitystore");
    feature.api().register(new OperationRegistry() {
      @Override
      @SuppressWarnings("unchecked")
      public <I, O> void add(String name, Class<I> inputType, Operation<I, O> operation) {
        assertThat(ops.put(name, new Registered(inputType, (Operation<Object, Object>) operation)))
            .as("%s registered twice", name).isNull();
      }
    });
  }

  @AfterEach
  void stop() {
    db.close();
  }

  private Object call(String operation, Object input) {
    Registered r = ops.get(operation);
    assertThat(r.inputType()).isEqualTo(input.getClass());
    Object out = r.operation().invoke(
        new RequestContext("req-1", "identitystore", operation, ROOT, "us-east-1", "127.0.0.1", Instant.now(), null), input);
    JsonNode model = model();
    JsonNode outputShape = model.path("operations").path(operation).path("output");
    if (out != null) assertFits(out.getClass(), outputShape.path("shape").asText(), operation + " output");
    return out;
  }

  private static JsonNode model;

  private static synchronized JsonNode model() {
    if (model == null) model = readModel();
    return model;
  }

  private static JsonNode readModel() {
    try (InputStream in = IdentityStoreApiTest.class.getResourceAsStream("/aws-models/identitystore/service-2.json")) {
      assertThat(in).as("the identitystore model on the classpath").isNotNull();
      return new ObjectMapper().readTree(in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void registersEveryOperationOfTheModelWithInputRecordsThatFitItsShapes() {
    JsonNode model = model();
    List<String> names = new ArrayList<>();
    model.path("operations").fieldNames().forEachRemaining(names::add);
    assertThat(ops.keySet()).containsExactlyInAnyOrderElementsOf(names).hasSize(19);
    for (String name : names) {
      assertFits(ops.get(name).inputType(), model.path("operations").path(name).path("input").path("shape").asText(),
          name + " input");
      assertEveryMemberIsAComponent(ops.get(name).inputType(),
          model.path("operations").path(name).path("input").path("shape").asText(), name + " input");
    }
  }

  @Test
  void domainRecordsCarryEveryMemberOfTheirShapes() {
    assertEveryMemberIsAComponent(User.class, "User", "User");
    assertEveryMemberIsAComponent(User.class, "DescribeUserResponse", "DescribeUser output");
    assertEveryMemberIsAComponent(Group.class, "Group", "Group");
    assertEveryMemberIsAComponent(Group.class, "DescribeGroupResponse", "DescribeGroup output");
    assertEveryMemberIsAComponent(GroupMembership.class, "GroupMembership", "GroupMembership");
    assertEveryMemberIsAComponent(GroupMembership.class, "DescribeGroupMembershipResponse", "DescribeGroupMembership");
    assertEveryMemberIsAComponent(MembershipCheck.class, "GroupMembershipExistenceResult", "IsMemberInGroups result");
  }

  @Test
  void aScenarioThroughTheRegisteredOperations() {
    var created = (CreateUserResponse) call("CreateUser", new CreateUserRequest(store, "jdoe",
        new Name(null, "Doe", "Jane", null, null, null), "Jane Doe", null, null,
        List.of(new Email("jane@example.com", "work", true)), null, null, null, null, null, null, null, null, null,
        null, null, null));
    assertThat(created.identityStoreId()).isEqualTo(store);
    var user = (User) call("DescribeUser", new DescribeUserRequest(store, created.userId(), null));
    assertThat(user.userName()).isEqualTo("jdoe");
    assertThat(user.createdBy()).isEqualTo(ROOT.arn());

    assertThat(call("UpdateUser", new UpdateUserRequest(store, created.userId(),
        List.of(new AttributeOperation("displayName", JSON.textNode("J. Doe")))))).isNull();
    var found = (GetUserIdResponse) call("GetUserId", new GetUserIdRequest(store,
        new AlternateIdentifier(null, new UniqueAttribute("emails.value", JSON.textNode("jane@example.com")))));
    assertThat(found.userId()).isEqualTo(created.userId());

    var group = (CreateGroupResponse) call("CreateGroup", new CreateGroupRequest(store, "Engineers", "builders"));
    assertThat(call("UpdateGroup", new UpdateGroupRequest(store, group.groupId(),
        List.of(new AttributeOperation("description", JSON.textNode("makers")))))).isNull();
    assertThat(((Group) call("DescribeGroup", new DescribeGroupRequest(store, group.groupId()))).description())
        .isEqualTo("makers");
    assertThat(((GetGroupIdResponse) call("GetGroupId", new GetGroupIdRequest(store,
        new AlternateIdentifier(null, new UniqueAttribute("displayName", JSON.textNode("Engineers")))))).groupId())
        .isEqualTo(group.groupId());
    var groups = (ListGroupsResponse) call("ListGroups", new ListGroupsRequest(store, null, null, null));
    assertThat(groups.groups()).extracting(Group::groupId).containsExactly(group.groupId());
    assertThat(groups.nextToken()).isNull();

    var member = new MemberId(created.userId());
    var membership = (CreateGroupMembershipResponse) call("CreateGroupMembership",
        new CreateGroupMembershipRequest(store, group.groupId(), member));
    assertThat(((GroupMembership) call("DescribeGroupMembership",
        new DescribeGroupMembershipRequest(store, membership.membershipId()))).memberId()).isEqualTo(member);
    assertThat(((GetGroupMembershipIdResponse) call("GetGroupMembershipId",
        new GetGroupMembershipIdRequest(store, group.groupId(), member))).membershipId())
        .isEqualTo(membership.membershipId());
    assertThat(((GroupMembershipsPage) call("ListGroupMemberships",
        new ListGroupMembershipsRequest(store, group.groupId(), null, null))).groupMemberships()).hasSize(1);
    assertThat(((GroupMembershipsPage) call("ListGroupMembershipsForMember",
        new ListGroupMembershipsForMemberRequest(store, member, null, null))).groupMemberships()).hasSize(1);
    assertThat(((IsMemberInGroupsResponse) call("IsMemberInGroups",
        new IsMemberInGroupsRequest(store, member, List.of(group.groupId())))).results())
        .containsExactly(new MembershipCheck(group.groupId(), member, true));

    // a second user makes ListUsers page
    call("CreateUser", new CreateUserRequest(store, "asmith", new Name(null, "Smith", "Ann", null, null, null),
        "Ann Smith", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
    var page1 = (ListUsersResponse) call("ListUsers", new ListUsersRequest(store, null, 1, null, null));
    assertThat(page1.users()).hasSize(1);
    assertThat(page1.nextToken()).isNotNull().matches("[-a-zA-Z0-9+=/:_]*");
    var page2 = (ListUsersResponse) call("ListUsers", new ListUsersRequest(store, null, 1, page1.nextToken(), null));
    assertThat(page2.users()).hasSize(1).doesNotContainAnyElementsOf(page1.users());
    assertThat(page2.nextToken()).isNull();

    assertThat(call("DeleteGroupMembership", new DeleteGroupMembershipRequest(store, membership.membershipId())))
        .isNull();
    assertThat(call("DeleteGroup", new DeleteGroupRequest(store, group.groupId()))).isNull();
    assertThat(call("DeleteUser", new DeleteUserRequest(store, created.userId()))).isNull();
    assertThatThrownBy(() -> call("DescribeUser", new DescribeUserRequest(store, created.userId(), null)))
        .isInstanceOf(ResourceNotFound.class);
  }

  @Test
  void otherFeaturesReadUsersGroupsAndMembershipsWithoutWriting() {
    var u = (CreateUserResponse) call("CreateUser", new CreateUserRequest(store, "reader",
        new Name(null, "R", "E", null, null, null), "Reader", null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null));
    var g1 = (CreateGroupResponse) call("CreateGroup", new CreateGroupRequest(store, "one", null));
    var g2 = (CreateGroupResponse) call("CreateGroup", new CreateGroupRequest(store, "two", null));
    call("CreateGroupMembership", new CreateGroupMembershipRequest(store, g1.groupId(), new MemberId(u.userId())));
    call("CreateGroupMembership", new CreateGroupMembershipRequest(store, g2.groupId(), new MemberId(u.userId())));
    long changes = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM change_log").mapTo(Long.class).one());

    assertThat(feature.user(store, u.userId())).map(User::userName).contains("reader");
    assertThat(feature.user(store, g1.groupId())).isEmpty();
    assertThat(feature.group(store, g2.groupId())).map(Group::displayName).contains("two");
    assertThat(feature.groupIdsOf(store, u.userId())).containsExactlyInAnyOrder(g1.groupId(), g2.groupId());
    assertThat(feature.memberships(store)).extracting(GroupMembership::groupId)
        .containsExactlyInAnyOrder(g1.groupId(), g2.groupId());
    assertThat(feature.memberships("d-0000000000")).isEmpty();
    long after = db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM change_log").mapTo(Long.class).one());
    assertThat(after).isEqualTo(changes);
  }

  // --- model conformance

  /** Every component of {@code type} is a member of {@code shapeName} (recursively for nested records). */
  private static void assertFits(Class<?> type, String shapeName, String where) {
    if (!type.isRecord() || shapeName.isEmpty()) return;
    JsonNode shape = model().path("shapes").path(shapeName);
    Map<String, JsonNode> members = members(shape);
    for (RecordComponent c : type.getRecordComponents()) {
      JsonNode member = members.get(c.getName().toLowerCase(Locale.ROOT));
      assertThat(member).as("%s: component %s of %s is a member of %s", where, c.getName(), type.getSimpleName(),
          shapeName).isNotNull();
      String memberShape = member.path("shape").asText();
      assertThat(Character.toUpperCase(c.getName().charAt(0)) + c.getName().substring(1))
          .as("%s: component name of %s", where, memberShape).isEqualTo(exactName(shape, c.getName()));
      Class<?> nested = nestedRecord(c.getGenericType());
      if (nested != null) {
        JsonNode ms = model().path("shapes").path(memberShape);
        String target = ms.path("type").asText().equals("list") ? ms.path("member").path("shape").asText() : memberShape;
        assertFits(nested, target, where + "." + c.getName());
      }
    }
  }

  private static void assertEveryMemberIsAComponent(Class<?> type, String shapeName, String where) {
    Map<String, JsonNode> members = members(model().path("shapes").path(shapeName));
    List<String> components = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) components.add(c.getName().toLowerCase(Locale.ROOT));
    assertThat(components).as("%s: members of %s held by %s", where, shapeName, type.getSimpleName())
        .containsAll(members.keySet());
  }

  private static Map<String, JsonNode> members(JsonNode shape) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = shape.path("members").fields(); it.hasNext(); ) {
      var e = it.next();
      m.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
    }
    return m;
  }

  private static String exactName(JsonNode shape, String component) {
    for (Iterator<String> it = shape.path("members").fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (n.equalsIgnoreCase(component)) return n;
    }
    return null;
  }

  private static Class<?> nestedRecord(Type t) {
    if (t instanceof Class<?> c) return c.isRecord() ? c : null;
    if (t instanceof ParameterizedType p && p.getRawType() == List.class) return nestedRecord(p.getActualTypeArguments()[0]);
    return null;
  }
}
