package io.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.testing.GatehouseTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.AlternateIdentifier;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;
import software.amazon.awssdk.services.identitystore.model.ConflictException;
import software.amazon.awssdk.services.identitystore.model.ConflictExceptionReason;
import software.amazon.awssdk.services.identitystore.model.CreateUserResponse;
import software.amazon.awssdk.services.identitystore.model.DescribeUserResponse;
import software.amazon.awssdk.services.identitystore.model.Filter;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ResourceType;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.identitystore.model.UserStatus;
import software.amazon.awssdk.services.identitystore.model.ValidationException;

/**
 * The identity store driven by the AWS SDK for Java v2 against an in-process server: signed
 * requests, the real wire protocol, and the SDK's own error types and paginators.
 */
abstract class IdentityStoreSdkTest {
  abstract GatehouseTestServer server();

  private IdentitystoreClient ids;
  private String store;

  @BeforeEach
  void client() {
    ids = server().client(IdentitystoreClient.builder());
    store = server().identityStoreId();
  }

  /** A name no other test in this server uses. */
  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private CreateUserResponse createUser(String userName) {
    return ids.createUser(b -> b.identityStoreId(store).userName(userName).displayName("Jane Doe")
        .name(n -> n.givenName("Jane").familyName("Doe"))
        .emails(e -> e.value(userName + "@example.com").type("work").primary(true)));
  }

  @Test
  void userLifecycle() {
    String userName = unique("jdoe");
    Instant before = server().clock().instant().minusSeconds(1);
    CreateUserResponse created = createUser(userName);
    assertThat(created.identityStoreId()).isEqualTo(store);
    assertThat(created.userId()).startsWith(store.substring(2) + "-");

    DescribeUserResponse user = ids.describeUser(b -> b.identityStoreId(store).userId(created.userId()));
    assertThat(user.userName()).isEqualTo(userName);
    assertThat(user.displayName()).isEqualTo("Jane Doe");
    assertThat(user.name().givenName()).isEqualTo("Jane");
    assertThat(user.emails()).singleElement().satisfies(e -> {
      assertThat(e.value()).isEqualTo(userName + "@example.com");
      assertThat(e.primary()).isTrue();
    });
    assertThat(user.userStatus()).isEqualTo(UserStatus.ENABLED);
    assertThat(user.createdAt()).isAfter(before);
    assertThat(user.createdBy()).isEqualTo("arn:aws:iam::" + server().managementAccountId() + ":root");

    server().clock().advance(Duration.ofMinutes(1));
    ids.updateUser(b -> b.identityStoreId(store).userId(created.userId()).operations(
        AttributeOperation.builder().attributePath("displayName").attributeValue(Document.fromString("J. Doe")).build(),
        AttributeOperation.builder().attributePath("name.familyName").attributeValue(Document.fromString("Roe")).build(),
        AttributeOperation.builder().attributePath("addresses").attributeValue(Document.listBuilder()
            .addDocument(Document.mapBuilder().putString("locality", "Berlin").putBoolean("primary", true).build())
            .build()).build()));
    DescribeUserResponse updated = ids.describeUser(b -> b.identityStoreId(store).userId(created.userId()));
    assertThat(updated.displayName()).isEqualTo("J. Doe");
    assertThat(updated.name().familyName()).isEqualTo("Roe");
    assertThat(updated.addresses()).singleElement().satisfies(a -> assertThat(a.locality()).isEqualTo("Berlin"));
    assertThat(updated.updatedAt()).isAfter(updated.createdAt());

    assertThat(ids.getUserId(b -> b.identityStoreId(store).alternateIdentifier(AlternateIdentifier.builder()
        .uniqueAttribute(u -> u.attributePath("userName").attributeValue(Document.fromString(userName.toUpperCase())))
        .build())).userId()).isEqualTo(created.userId());

    ids.deleteUser(b -> b.identityStoreId(store).userId(created.userId()));
    assertThatThrownBy(() -> ids.describeUser(b -> b.identityStoreId(store).userId(created.userId())))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
          assertThat(e.resourceType()).isEqualTo(ResourceType.USER);
          assertThat(e.resourceId()).isEqualTo(created.userId());
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.requestIdValue()).isNotBlank(); // the modeled RequestId member (it shadows the SDK's own requestId())
        });
  }

  @Test
  void duplicatesConflictAndBadInputIsAValidationError() {
    String userName = unique("dup");
    createUser(userName);
    assertThatThrownBy(() -> ids.createUser(b -> b.identityStoreId(store).userName(userName.toUpperCase())
        .displayName("X").name(n -> n.givenName("X").familyName("Y"))))
        .isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.reason()).isEqualTo(ConflictExceptionReason.UNIQUENESS_CONSTRAINT_VIOLATION));
    assertThatThrownBy(() -> ids.createUser(b -> b.identityStoreId(store).userName(unique("noname")).displayName("X")))
        .isInstanceOf(ValidationException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> ids.createUser(b -> b.identityStoreId("d-!").userName("x")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> ids.listUsers(b -> b.identityStoreId("d-0000000000")))
        .isInstanceOfSatisfying(ResourceNotFoundException.class,
            e -> assertThat(e.resourceType()).isEqualTo(ResourceType.IDENTITY_STORE));
    String group = unique("grp");
    ids.createGroup(b -> b.identityStoreId(store).displayName(group));
    assertThatThrownBy(() -> ids.createGroup(b -> b.identityStoreId(store).displayName(group.toUpperCase())))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void paginatorsWalkEveryPage() {
    String prefix = unique("page");
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) created.add(createUser(prefix + "-" + i).userId());
    List<String> listed = ids.listUsersPaginator(b -> b.identityStoreId(store).maxResults(2)).users().stream()
        .map(User::userId).toList();
    assertThat(listed).containsAll(created).doesNotHaveDuplicates();
    assertThat(ids.listUsers(b -> b.identityStoreId(store).filters(Filter.builder().attributePath("UserName")
        .attributeValue(prefix + "-3").build())).users()).extracting(User::userId).containsExactly(created.get(3));
  }

  @Test
  void groupsAndMemberships() {
    String userId = createUser(unique("member")).userId();
    String g1 = ids.createGroup(b -> b.identityStoreId(store).displayName(unique("g1")).description("first")).groupId();
    String g2 = ids.createGroup(b -> b.identityStoreId(store).displayName(unique("g2"))).groupId();
    MemberId member = MemberId.fromUserId(userId);
    String m1 = ids.createGroupMembership(b -> b.identityStoreId(store).groupId(g1).memberId(member)).membershipId();
    assertThatThrownBy(() -> ids.createGroupMembership(b -> b.identityStoreId(store).groupId(g1).memberId(member)))
        .isInstanceOf(ConflictException.class);
    assertThat(ids.describeGroupMembership(b -> b.identityStoreId(store).membershipId(m1)).memberId().userId())
        .isEqualTo(userId);
    assertThat(ids.getGroupMembershipId(b -> b.identityStoreId(store).groupId(g1).memberId(member)).membershipId())
        .isEqualTo(m1);
    assertThat(ids.isMemberInGroups(b -> b.identityStoreId(store).memberId(member).groupIds(g1, g2)).results())
        .extracting(r -> r.groupId() + "=" + r.membershipExists()).containsExactly(g1 + "=true", g2 + "=false");
    assertThat(ids.listGroupMembershipsForMemberPaginator(b -> b.identityStoreId(store).memberId(member))
        .groupMemberships().stream().map(GroupMembership::groupId).toList()).containsExactly(g1);
    assertThat(ids.listGroupMemberships(b -> b.identityStoreId(store).groupId(g1)).groupMemberships()).hasSize(1);

    ids.updateGroup(b -> b.identityStoreId(store).groupId(g1).operations(AttributeOperation.builder()
        .attributePath("description").attributeValue(Document.fromString("renamed")).build()));
    assertThat(ids.describeGroup(b -> b.identityStoreId(store).groupId(g1)).description()).isEqualTo("renamed");
    assertThat(ids.getGroupId(b -> b.identityStoreId(store).alternateIdentifier(AlternateIdentifier.builder()
        .uniqueAttribute(u -> u.attributePath("displayName").attributeValue(Document.fromString(
            ids.describeGroup(d -> d.identityStoreId(store).groupId(g2)).displayName()))).build())).groupId())
        .isEqualTo(g2);

    ids.deleteGroup(b -> b.identityStoreId(store).groupId(g1));
    assertThatThrownBy(() -> ids.describeGroupMembership(b -> b.identityStoreId(store).membershipId(m1)))
        .isInstanceOfSatisfying(ResourceNotFoundException.class,
            e -> assertThat(e.resourceType()).isEqualTo(ResourceType.GROUP_MEMBERSHIP));
    assertThat(ids.listGroupMembershipsForMember(b -> b.identityStoreId(store).memberId(member)).groupMemberships())
        .isEmpty();
  }

  static final class OnH2 extends IdentityStoreSdkTest {
    @RegisterExtension static final GatehouseTestServer SERVER = GatehouseTestServer.h2();

    @Override
    GatehouseTestServer server() {
      return SERVER;
    }
  }

  static final class OnPostgres extends IdentityStoreSdkTest {
    @RegisterExtension static final GatehouseTestServer SERVER = GatehouseTestServer.postgres();

    @Override
    GatehouseTestServer server() {
      return SERVER;
    }
  }
}
