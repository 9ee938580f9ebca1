package io.gatehouse.server.iam;

import static io.gatehouse.server.iam.IamFixture.ACCOUNT;
import static io.gatehouse.server.iam.IamFixture.OTHER_ACCOUNT;
import static io.gatehouse.server.iam.IamFixture.READ_S3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.core.AwsException;
import io.gatehouse.server.iam.IamErrors.EntityAlreadyExistsException;
import io.gatehouse.server.iam.IamErrors.LimitExceededException;
import io.gatehouse.server.iam.IamErrors.MalformedPolicyDocumentException;
import io.gatehouse.server.iam.IamErrors.NoSuchEntityException;
import io.gatehouse.server.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IAM's rules (quotas, namespaces per account, validation, the snapshot) on the services, without the wire. */
class IamServiceTest {
  static final IamQuotas SMALL = new IamQuotas(3, 3, 2, 3, 2, 2, 2, 2, 5, 2, 120, 200, 150, 150, 2048, 3);

  final IamFixture f = new IamFixture(TestDatabases.h2(), SMALL);

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void everyAccountHasItsOwnNamespace() {
    Identity a = f.role(ACCOUNT, "Deploy");
    Identity b = f.role(OTHER_ACCOUNT, "deploy");
    assertThat(a.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/Deploy");
    assertThat(b.arn()).isEqualTo("arn:aws:iam::" + OTHER_ACCOUNT + ":role/deploy");
    assertThatThrownBy(() -> f.role(ACCOUNT, "DEPLOY")).isInstanceOf(EntityAlreadyExistsException.class)
        .hasMessage("Role with name DEPLOY already exists.");
    assertThatThrownBy(() -> f.identities.get(OTHER_ACCOUNT, IdentityKind.ROLE, "Ghost"))
        .isInstanceOf(NoSuchEntityException.class).hasMessage("The role with name Ghost cannot be found.");
    // A user and a role may share a name: they are different kinds of entity.
    assertThat(f.user(ACCOUNT, "Deploy").arn()).endsWith(":user/Deploy");
  }

  @Test
  void rolesPerAccountQuota() {
    f.role(ACCOUNT, "r1");
    f.role(ACCOUNT, "r2");
    assertThatThrownBy(() -> f.role(ACCOUNT, "r3")).isInstanceOf(LimitExceededException.class)
        .hasMessage("Cannot exceed quota for RolesPerAccount: 2");
    assertThat(f.role(OTHER_ACCOUNT, "r3").name()).isEqualTo("r3");
  }

  @Test
  void attachedPoliciesPerRoleQuota() {
    f.role(ACCOUNT, "r");
    f.identities.attach(ACCOUNT, IdentityKind.ROLE, "r", "arn:aws:iam::aws:policy/ReadOnlyAccess");
    f.identities.attach(ACCOUNT, IdentityKind.ROLE, "r", "arn:aws:iam::aws:policy/SecurityAudit");
    // Attaching again is a no-op, as on AWS.
    f.identities.attach(ACCOUNT, IdentityKind.ROLE, "r", "arn:aws:iam::aws:policy/SecurityAudit");
    assertThatThrownBy(() -> f.identities.attach(ACCOUNT, IdentityKind.ROLE, "r", "arn:aws:iam::aws:policy/IAMFullAccess"))
        .isInstanceOf(LimitExceededException.class).hasMessage("Cannot exceed quota for PoliciesPerRole: 2");
  }

  @Test
  void anotherAccountsPolicyCannotBeAttached() {
    ManagedPolicy theirs = f.policies.create(OTHER_ACCOUNT, "theirs", null, null, READ_S3);
    f.role(ACCOUNT, "r");
    assertThatThrownBy(() -> f.identities.attach(ACCOUNT, IdentityKind.ROLE, "r", theirs.arn()))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessage("Policy " + theirs.arn() + " does not exist or is not attachable.");
  }

  @Test
  void inlinePolicySizeIsTheAggregatePerIdentityWithoutWhitespace() {
    f.role(ACCOUNT, "r");
    String doc = READ_S3; // 96 characters without whitespace
    assertThat(PolicyDocuments.size(doc)).isEqualTo(96);
    f.identities.putInlinePolicy(ACCOUNT, IdentityKind.ROLE, "r", "one", doc);
    // Replacing the same policy does not count it twice.
    f.identities.putInlinePolicy(ACCOUNT, IdentityKind.ROLE, "r", "ONE", doc.replace(",", " ,  "));
    assertThatThrownBy(() -> f.identities.putInlinePolicy(ACCOUNT, IdentityKind.ROLE, "r", "two", doc))
        .isInstanceOf(LimitExceededException.class).hasMessage("Maximum policy size of 150 bytes exceeded for role r");
    assertThat(f.identities.getInlinePolicy(ACCOUNT, IdentityKind.ROLE, "r", "one").name()).isEqualTo("ONE");
  }

  @Test
  void managedPolicySizeQuota() {
    String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\","
        + "\"s3:PutObject\",\"s3:ListBucket\"],\"Resource\":\"*\"}]}";
    assertThatThrownBy(() -> f.policies.create(ACCOUNT, "big", null, null, big))
        .isInstanceOf(LimitExceededException.class).hasMessage("Cannot exceed quota for PolicySize: 120");
  }

  @Test
  void findingsNameTheProblemAndItsLocation() {
    assertThatThrownBy(() -> f.policies.create(ACCOUNT, "p", null, null,
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}]}"))
        .isInstanceOf(MalformedPolicyDocumentException.class)
        .satisfies(e -> assertThat(((AwsException) e).code()).isEqualTo("MalformedPolicyDocumentException"))
        .hasMessageContaining("(line 1, column");
    // A trust policy needs a principal; an identity policy must not have one.
    assertThatThrownBy(() -> f.identities.create(ACCOUNT, new IdentityService.NewIdentity(IdentityKind.ROLE, "r", null,
        null, READ_S3, null, null, List.of()))).isInstanceOf(MalformedPolicyDocumentException.class);
  }

  @Test
  void tagsAreCaseInsensitiveAndCapped() {
    f.user(ACCOUNT, "u");
    f.identities.tag(ACCOUNT, IdentityKind.USER, "u", List.of(new Tag("Team", "a"), new Tag("env", "b")));
    f.identities.tag(ACCOUNT, IdentityKind.USER, "u", List.of(new Tag("team", "c")));
    assertThat(f.identities.listTags(ACCOUNT, IdentityKind.USER, "u", null, null).items())
        .containsExactly(new Tag("env", "b"), new Tag("team", "c"));
    assertThatThrownBy(() -> f.identities.tag(ACCOUNT, IdentityKind.USER, "u", List.of(new Tag("x", "1"), new Tag("X", "2"))))
        .isInstanceOf(IamErrors.InvalidInputException.class);
    assertThatThrownBy(() -> f.identities.tag(ACCOUNT, IdentityKind.USER, "u", List.of(new Tag("x", "1"), new Tag("y", "2"))))
        .isInstanceOf(LimitExceededException.class);
  }

  @Test
  void renamingAUserMovesItsKeysToTheNewArn() {
    Identity u = f.user(ACCOUNT, "old");
    CredentialService.NewKey key = f.credentials.createAccessKey(ACCOUNT, "old");
    f.identities.rename(ACCOUNT, IdentityKind.USER, "old", "new", "/team/");
    assertThat(f.credentials.lastUsed(ACCOUNT, key.key().accessKeyId()).key().ownerArn())
        .isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/team/new");
    assertThat(f.credentials.lastUsed(ACCOUNT, key.key().accessKeyId()).userName()).isEqualTo("new");
    assertThat(f.identities.byId(u.id()).orElseThrow().name()).isEqualTo("new");
    assertThatThrownBy(() -> f.credentials.lastUsed(OTHER_ACCOUNT, key.key().accessKeyId()))
        .isInstanceOf(NoSuchEntityException.class);
  }

  @Test
  void paginationWithMarkers() {
    for (String n : List.of("b", "a", "c")) f.user(OTHER_ACCOUNT, n);
    Page<Identity> first = f.identities.list(OTHER_ACCOUNT, IdentityKind.USER, null, null, 2);
    assertThat(first.items()).extracting(Identity::name).containsExactly("a", "b");
    assertThat(first.truncated()).isTrue();
    Page<Identity> second = f.identities.list(OTHER_ACCOUNT, IdentityKind.USER, null, first.marker(), 2);
    assertThat(second.items()).extracting(Identity::name).containsExactly("c");
    assertThat(second.truncated()).isFalse();
  }

  @Test
  void snapshotGathersEveryPolicyInForce() {
    String account = ACCOUNT;
    ManagedPolicy mine = f.policies.create(account, "mine", "/team/", null, READ_S3);
    f.user(account, "u");
    f.group(account, "g");
    f.identities.addUserToGroup(account, "g", "u");
    f.identities.putInlinePolicy(account, IdentityKind.USER, "u", "own", READ_S3);
    f.identities.attach(account, IdentityKind.GROUP, "g", mine.arn());
    f.identities.putInlinePolicy(account, IdentityKind.GROUP, "g", "groupwide", READ_S3);
    f.identities.putBoundary(account, IdentityKind.USER, "u", "arn:aws:iam::aws:policy/ReadOnlyAccess");
    f.identities.tag(account, IdentityKind.USER, "u", List.of(new Tag("dept", "eng")));
    Identity role = f.role(account, "r");
    f.identities.attach(account, IdentityKind.ROLE, "r", "arn:aws:iam::aws:policy/AdministratorAccess");
    f.identities.updateRole(account, "r", null, 7200);

    assertThat(f.feature.snapshot().principals()).isEmpty();
    f.feature.reload();
    IamSnapshot s = f.feature.snapshot();

    IamSnapshot.Principal u = s.principal("arn:aws:iam::" + account + ":user/u").orElseThrow();
    assertThat(u.type()).isEqualTo("user");
    assertThat(u.identityPolicies()).extracting(IamSnapshot.PolicyDocument::kind, IamSnapshot.PolicyDocument::name,
            p -> p.viaGroupArn() != null)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(IamSnapshot.PolicyKind.INLINE, "own", false),
            org.assertj.core.groups.Tuple.tuple(IamSnapshot.PolicyKind.INLINE, "groupwide", true),
            org.assertj.core.groups.Tuple.tuple(IamSnapshot.PolicyKind.CUSTOMER_MANAGED, "mine", true));
    assertThat(u.permissionsBoundary()).hasValueSatisfying(b -> {
      assertThat(b.kind()).isEqualTo(IamSnapshot.PolicyKind.AWS_MANAGED);
      assertThat(b.document()).contains("\"Effect\":\"Allow\"");
    });
    assertThat(u.tags()).containsEntry("dept", "eng");

    IamSnapshot.RoleTrust trust = s.role(role.arn()).orElseThrow();
    assertThat(trust.maxSessionDuration()).isEqualTo(7200);
    assertThat(trust.trustPolicy()).isEqualTo(IamFixture.TRUST);
    assertThat(s.principalById(role.id()).orElseThrow().identityPolicies()).singleElement()
        .satisfies(p -> assertThat(p.arn()).isEqualTo("arn:aws:iam::aws:policy/AdministratorAccess"));
    // Groups are not principals.
    assertThat(s.principal("arn:aws:iam::" + account + ":group/g")).isEmpty();

    // The compiled policies are ready for the engine: the group's and the user's allow s3:GetObject,
    // and the ReadOnlyAccess boundary allows it too; nothing allows iam:CreateUser.
    assertThat(u.identityPolicies()).allSatisfy(p -> assertThat(p.policy()).isNotNull());
    io.gatehouse.policy.PolicySet set = io.gatehouse.policy.PolicySet.builder()
        .identityPolicies(u.identityPolicies().stream().map(IamSnapshot.PolicyDocument::policy).toList())
        .permissionsBoundary(u.permissionsBoundary().orElseThrow().policy()).build();
    io.gatehouse.policy.Authorizer engine = io.gatehouse.policy.Authorizer.aws();
    assertThat(engine.authorize(io.gatehouse.policy.AuthorizationRequest.builder().principal(u.arn())
        .action("s3:GetObject").resource("arn:aws:s3:::bucket/key").build(), set).isAllowed()).isTrue();
    assertThat(engine.authorize(io.gatehouse.policy.AuthorizationRequest.builder().principal(u.arn())
        .action("iam:CreateUser").resource("arn:aws:iam::" + account + ":user/x").build(), set).isAllowed()).isFalse();
    assertThat(trust.trust()).isNotNull();

    // A new default version is what the next snapshot carries.
    String denyAll = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    f.policies.createVersion("arn:aws:iam::" + account + ":root", account, mine.arn(), denyAll, true);
    f.feature.reload();
    assertThat(f.feature.snapshot().principal(u.arn()).orElseThrow().identityPolicies())
        .filteredOn(p -> "mine".equals(p.name())).singleElement()
        .satisfies(p -> assertThat(p.document()).isEqualTo(denyAll));
  }

  @Test
  void concurrentCreatesOfOneNameYieldOneEntity() throws Exception {
    int writers = 6;
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(writers)) {
      for (int i = 0; i < writers; i++) {
        String name = i % 2 == 0 ? "Same" : "SAME";
        results.add(pool.submit(() -> {
          start.await();
          try {
            f.group(ACCOUNT, name);
            return "created";
          } catch (EntityAlreadyExistsException e) {
            return "exists";
          }
        }));
      }
      start.countDown();
      List<String> outcomes = new java.util.ArrayList<>();
      for (var r : results) outcomes.add(r.get());
      assertThat(outcomes).containsOnlyOnce("created").filteredOn("exists"::equals).hasSize(writers - 1);
    }
    assertThat(f.identities.list(ACCOUNT, IdentityKind.GROUP, null, null, null).items()).hasSize(1);
  }
}
