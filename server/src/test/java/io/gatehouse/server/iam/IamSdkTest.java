package io.gatehouse.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.testing.GatehouseTestServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicyViolationException;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.StatusType;

/**
 * IAM driven by the AWS SDK for Java v2 against an in-process server: the query protocol, the
 * SDK's typed errors, URL-encoded documents, and access keys that sign requests at once.
 */
abstract class IamSdkTest {
  static final String TRUST = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
  static final String READ_S3 = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
  static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
  /** Every call is authorized: a user needs iam:GetUser even on itself. */
  static final String GET_SELF = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"arn:aws:iam::*:user/${aws:username}"}]}""";

  abstract GatehouseTestServer server();

  IamClient iam;

  @BeforeEach
  void client() {
    iam = server().client(IamClient.builder());
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String decoded(String urlEncoded) {
    return URLDecoder.decode(urlEncoded, StandardCharsets.UTF_8);
  }

  @Test
  void roleLifecycle() {
    String name = unique("deploy");
    String account = server().managementAccountId();
    var created = iam.createRole(b -> b.roleName(name).path("/ci/").assumeRolePolicyDocument(TRUST)
        .description("deploys").maxSessionDuration(7200).tags(t -> t.key("team").value("platform"))).role();
    assertThat(created.arn()).isEqualTo("arn:aws:iam::" + account + ":role/ci/" + name);
    assertThat(created.roleId()).startsWith("AROA").hasSize(20);
    assertThat(created.maxSessionDuration()).isEqualTo(7200);

    GetRoleResponse got = iam.getRole(b -> b.roleName(name.toUpperCase()));
    assertThat(got.role().roleName()).isEqualTo(name);
    assertThat(decoded(got.role().assumeRolePolicyDocument())).isEqualTo(TRUST);
    assertThat(got.role().tags()).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo("platform"));

    assertThat(iam.listRoles(b -> b.pathPrefix("/ci/")).roles()).extracting(r -> r.roleName()).contains(name);
    assertThat(iam.listRoles(b -> b.pathPrefix("/nope/")).roles()).isEmpty();

    iam.updateRole(b -> b.roleName(name).maxSessionDuration(43200).description("still deploys"));
    assertThat(iam.getRole(b -> b.roleName(name)).role().maxSessionDuration()).isEqualTo(43200);

    assertThatThrownBy(() -> iam.createRole(b -> b.roleName(name.toUpperCase()).assumeRolePolicyDocument(TRUST)))
        .isInstanceOf(EntityAlreadyExistsException.class)
        .satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(409));

    iam.putRolePolicy(b -> b.roleName(name).policyName("read").policyDocument(READ_S3));
    iam.attachRolePolicy(b -> b.roleName(name).policyArn(ADMIN));
    assertThatThrownBy(() -> iam.deleteRole(b -> b.roleName(name))).isInstanceOf(DeleteConflictException.class)
        .hasMessageContaining("Cannot delete entity, must delete policies first.");
    iam.deleteRolePolicy(b -> b.roleName(name).policyName("read"));
    assertThatThrownBy(() -> iam.deleteRole(b -> b.roleName(name))).isInstanceOf(DeleteConflictException.class)
        .hasMessageContaining("must detach all policies first");
    assertThat(iam.listAttachedRolePolicies(b -> b.roleName(name)).attachedPolicies())
        .singleElement().satisfies(p -> assertThat(p.policyName()).isEqualTo("AdministratorAccess"));
    iam.detachRolePolicy(b -> b.roleName(name).policyArn(ADMIN));
    assertThat(iam.listInstanceProfilesForRole(b -> b.roleName(name)).instanceProfiles()).isEmpty();
    iam.deleteRole(b -> b.roleName(name));

    assertThatThrownBy(() -> iam.getRole(b -> b.roleName(name))).isInstanceOf(NoSuchEntityException.class)
        .hasMessageContaining("The role with name " + name + " cannot be found.")
        .satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(404));
  }

  @Test
  void malformedDocumentsCarryTheEnginesFindings() {
    String name = unique("bad");
    assertThatThrownBy(() -> iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\"")))
        .isInstanceOf(MalformedPolicyDocumentException.class)
        .satisfies(e -> assertThat(((IamException) e).awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument"));
    iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(TRUST));
    assertThatThrownBy(() -> iam.putRolePolicy(b -> b.roleName(name).policyName("p").policyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}")))
        .isInstanceOf(MalformedPolicyDocumentException.class)
        .hasMessageContaining("Statement[0].Effect");
    assertThatThrownBy(() -> iam.updateAssumeRolePolicy(b -> b.roleName(name).policyDocument(READ_S3)))
        .isInstanceOf(MalformedPolicyDocumentException.class);
  }

  @Test
  void managedPolicyVersions() {
    String name = unique("pol");
    var policy = iam.createPolicy(b -> b.policyName(name).policyDocument(READ_S3).description("reads")).policy();
    String arn = policy.arn();
    assertThat(arn).isEqualTo("arn:aws:iam::" + server().managementAccountId() + ":policy/" + name);
    assertThat(policy.policyId()).startsWith("ANPA");
    assertThat(policy.defaultVersionId()).isEqualTo("v1");

    for (int i = 2; i <= 5; i++) {
      boolean asDefault = i == 3;
      assertThat(iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(READ_S3).setAsDefault(asDefault))
          .policyVersion().versionId()).isEqualTo("v" + i);
    }
    assertThatThrownBy(() -> iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(READ_S3)))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("up to 5 versions");
    assertThat(iam.getPolicy(b -> b.policyArn(arn)).policy().defaultVersionId()).isEqualTo("v3");
    assertThat(iam.listPolicyVersions(b -> b.policyArn(arn)).versions()).extracting(v -> v.versionId())
        .containsExactly("v5", "v4", "v3", "v2", "v1");
    assertThatThrownBy(() -> iam.deletePolicyVersion(b -> b.policyArn(arn).versionId("v3")))
        .isInstanceOf(DeleteConflictException.class).hasMessageContaining("default version");
    iam.setDefaultPolicyVersion(b -> b.policyArn(arn).versionId("v5"));
    var v5 = iam.getPolicyVersion(b -> b.policyArn(arn).versionId("v5")).policyVersion();
    assertThat(v5.isDefaultVersion()).isTrue();
    assertThat(decoded(v5.document())).isEqualTo(READ_S3);

    String user = unique("alice");
    iam.createUser(b -> b.userName(user));
    iam.attachUserPolicy(b -> b.userName(user).policyArn(arn));
    assertThat(iam.listEntitiesForPolicy(b -> b.policyArn(arn)).policyUsers()).extracting(u -> u.userName()).containsExactly(user);
    assertThat(iam.getPolicy(b -> b.policyArn(arn)).policy().attachmentCount()).isEqualTo(1);
    assertThat(iam.listPolicies(b -> b.scope(PolicyScopeType.LOCAL).onlyAttached(true)).policies())
        .extracting(p -> p.arn()).contains(arn);
    assertThatThrownBy(() -> iam.deletePolicy(b -> b.policyArn(arn))).isInstanceOf(DeleteConflictException.class)
        .hasMessageContaining("attached to entities");
    iam.detachUserPolicy(b -> b.userName(user).policyArn(arn));
    assertThatThrownBy(() -> iam.deletePolicy(b -> b.policyArn(arn))).isInstanceOf(DeleteConflictException.class)
        .hasMessageContaining("more than one version");
    for (String v : new String[] {"v1", "v2", "v3", "v4"}) iam.deletePolicyVersion(b -> b.policyArn(arn).versionId(v));
    iam.deletePolicy(b -> b.policyArn(arn));
    assertThatThrownBy(() -> iam.getPolicy(b -> b.policyArn(arn))).isInstanceOf(NoSuchEntityException.class);
  }

  @Test
  void awsManagedPoliciesAreRealAndReadOnly() {
    var admin = iam.getPolicy(b -> b.policyArn(ADMIN)).policy();
    assertThat(admin.policyName()).isEqualTo("AdministratorAccess");
    var doc = iam.getPolicyVersion(b -> b.policyArn(ADMIN).versionId(admin.defaultVersionId())).policyVersion();
    assertThat(decoded(doc.document())).contains("\"Action\":\"*\"", "\"Effect\":\"Allow\"");
    for (String name : new String[] {"PowerUserAccess", "ReadOnlyAccess", "job-function/ViewOnlyAccess", "SecurityAudit",
        "AWSSupportAccess", "IAMFullAccess", "IAMReadOnlyAccess"}) {
      assertThat(iam.getPolicy(b -> b.policyArn("arn:aws:iam::aws:policy/" + name)).policy().arn()).endsWith(name);
    }
    assertThat(iam.listPolicies(b -> b.scope(PolicyScopeType.AWS).maxItems(1000)).policies()).hasSizeGreaterThan(900);
    assertThatThrownBy(() -> iam.deletePolicy(b -> b.policyArn(ADMIN))).isInstanceOf(IamException.class)
        .satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(403));
    assertThatThrownBy(() -> iam.createPolicyVersion(b -> b.policyArn(ADMIN).policyDocument(READ_S3)))
        .isInstanceOf(IamException.class)
        .satisfies(e -> assertThat(((IamException) e).awsErrorDetails().errorCode()).isEqualTo("AccessDenied"));
  }

  @Test
  void accessKeysSignRequestsAtOnce() {
    String user = unique("bob");
    iam.createUser(b -> b.userName(user).tags(t -> t.key("dept").value("eng")));
    iam.putUserPolicy(b -> b.userName(user).policyName("self").policyDocument(GET_SELF));
    AccessKey key = iam.createAccessKey(b -> b.userName(user)).accessKey();
    assertThat(key.accessKeyId()).startsWith("AKIA").hasSize(20);
    assertThat(key.status()).isEqualTo(StatusType.ACTIVE);

    // Not server().client(...): that one signs with the root's key.
    IamClient signedByBob = IamClient.builder().endpointOverride(server().endpoint())
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
        .build();
    try (signedByBob) {
      var me = signedByBob.getUser().user();
      assertThat(me.userName()).isEqualTo(user);
      assertThat(me.arn()).isEqualTo("arn:aws:iam::" + server().managementAccountId() + ":user/" + user);

      iam.createAccessKey(b -> b.userName(user));
      assertThatThrownBy(() -> iam.createAccessKey(b -> b.userName(user))).isInstanceOf(LimitExceededException.class)
          .hasMessageContaining("AccessKeysPerUser: 2");
      assertThat(iam.listAccessKeys(b -> b.userName(user)).accessKeyMetadata()).hasSize(2);
      assertThat(iam.getAccessKeyLastUsed(b -> b.accessKeyId(key.accessKeyId())).userName()).isEqualTo(user);

      iam.updateAccessKey(b -> b.userName(user).accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
      assertThatThrownBy(signedByBob::getUser).isInstanceOf(IamException.class)
          .satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(403));
    }

    assertThatThrownBy(() -> iam.deleteUser(b -> b.userName(user))).isInstanceOf(DeleteConflictException.class)
        .hasMessageContaining("access keys");
    for (var k : iam.listAccessKeys(b -> b.userName(user)).accessKeyMetadata()) {
      iam.deleteAccessKey(b -> b.userName(user).accessKeyId(k.accessKeyId()));
    }
    iam.deleteUserPolicy(b -> b.userName(user).policyName("self"));
    iam.deleteUser(b -> b.userName(user));
  }

  @Test
  void groupsMembershipAndLoginProfiles() {
    String user = unique("carol");
    String group = unique("devs");
    iam.createUser(b -> b.userName(user));
    var g = iam.createGroup(b -> b.groupName(group)).group();
    assertThat(g.groupId()).startsWith("AGPA");
    iam.addUserToGroup(b -> b.groupName(group).userName(user));
    assertThat(iam.getGroup(b -> b.groupName(group)).users()).extracting(u -> u.userName()).containsExactly(user);
    assertThat(iam.listGroupsForUser(b -> b.userName(user)).groups()).extracting(x -> x.groupName()).containsExactly(group);
    assertThatThrownBy(() -> iam.deleteGroup(b -> b.groupName(group))).isInstanceOf(DeleteConflictException.class);

    assertThatThrownBy(() -> iam.createLoginProfile(b -> b.userName(user).password("short")))
        .isInstanceOf(PasswordPolicyViolationException.class);
    iam.updateAccountPasswordPolicy(b -> b.minimumPasswordLength(12).requireSymbols(true));
    assertThat(iam.getAccountPasswordPolicy().passwordPolicy().minimumPasswordLength()).isEqualTo(12);
    assertThatThrownBy(() -> iam.createLoginProfile(b -> b.userName(user).password("longenoughbutplain")))
        .isInstanceOf(PasswordPolicyViolationException.class).hasMessageContaining("symbol");
    iam.createLoginProfile(b -> b.userName(user).password("long-enough!pass").passwordResetRequired(true));
    assertThat(iam.getLoginProfile(b -> b.userName(user)).loginProfile().passwordResetRequired()).isTrue();
    assertThat(server().server().iam().checkPassword(server().managementAccountId(), user, "long-enough!pass")).isTrue();
    assertThat(server().server().iam().checkPassword(server().managementAccountId(), user, "wrong")).isFalse();
    iam.deleteAccountPasswordPolicy();
    assertThatThrownBy(() -> iam.getAccountPasswordPolicy()).isInstanceOf(NoSuchEntityException.class);

    assertThatThrownBy(() -> iam.deleteUser(b -> b.userName(user))).isInstanceOf(DeleteConflictException.class);
    iam.deleteLoginProfile(b -> b.userName(user));
    iam.removeUserFromGroup(b -> b.groupName(group).userName(user));
    iam.deleteUser(b -> b.userName(user));
    iam.deleteGroup(b -> b.groupName(group));
  }

  @Test
  void aliasesAndTags() {
    String alias = unique("acme").toLowerCase();
    iam.createAccountAlias(b -> b.accountAlias(alias));
    assertThat(iam.listAccountAliases().accountAliases()).containsExactly(alias);
    iam.deleteAccountAlias(b -> b.accountAlias(alias));
    assertThat(iam.listAccountAliases().accountAliases()).isEmpty();

    String user = unique("dave");
    iam.createUser(b -> b.userName(user));
    iam.tagUser(b -> b.userName(user).tags(t -> t.key("a").value("1"), t -> t.key("b").value("2")));
    iam.untagUser(b -> b.userName(user).tagKeys("A"));
    assertThat(iam.listUserTags(b -> b.userName(user)).tags()).extracting(t -> t.key()).containsExactly("b");
    iam.putUserPermissionsBoundary(b -> b.userName(user).permissionsBoundary(ADMIN));
    assertThat(iam.getUser(b -> b.userName(user)).user().permissionsBoundary().permissionsBoundaryArn()).isEqualTo(ADMIN);
    iam.deleteUserPermissionsBoundary(b -> b.userName(user));
    assertThat(iam.getUser(b -> b.userName(user)).user().permissionsBoundary()).isNull();
  }

  @Test
  void paginatorsFollowMarkers() {
    var aws = iam.listPoliciesPaginator(b -> b.scope(PolicyScopeType.AWS).maxItems(250)).policies().stream()
        .map(p -> p.arn()).toList();
    assertThat(aws).hasSize(AwsManagedPolicies.all().size()).doesNotHaveDuplicates()
        .contains(ADMIN, "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess");

    String prefix = "/" + unique("page") + "/";
    for (int i = 0; i < 5; i++) {
      String name = "role-" + i;
      iam.createRole(b -> b.roleName(unique(name)).path(prefix).assumeRolePolicyDocument(TRUST));
    }
    var pages = iam.listRolesPaginator(b -> b.pathPrefix(prefix).maxItems(2)).stream().toList();
    assertThat(pages).hasSize(3);
    assertThat(pages.getFirst().isTruncated()).isTrue();
    assertThat(pages.stream().flatMap(p -> p.roles().stream()).map(r -> r.roleName()).toList())
        .hasSize(5).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
  }

  @Test
  void renamedUsersKeepTheirKeysAndBoundariesCount() {
    String user = unique("erin");
    String renamed = unique("erin2");
    iam.createUser(b -> b.userName(user).permissionsBoundary("arn:aws:iam::aws:policy/PowerUserAccess"));
    iam.createAccessKey(b -> b.userName(user));
    iam.updateUser(b -> b.userName(user).newUserName(renamed).newPath("/moved/"));
    assertThatThrownBy(() -> iam.getUser(b -> b.userName(user))).isInstanceOf(NoSuchEntityException.class)
        .hasMessageContaining("The user with name " + user + " cannot be found.");
    assertThat(iam.getUser(b -> b.userName(renamed)).user().arn()).endsWith(":user/moved/" + renamed);
    assertThat(iam.listAccessKeys(b -> b.userName(renamed)).accessKeyMetadata()).singleElement()
        .satisfies(k -> assertThat(k.userName()).isEqualTo(renamed));

    var bounded = iam.listEntitiesForPolicy(b -> b.policyArn("arn:aws:iam::aws:policy/PowerUserAccess")
        .policyUsageFilter("PermissionsBoundary"));
    assertThat(bounded.policyUsers()).extracting(u -> u.userName()).contains(renamed);
    assertThat(iam.listPolicies(b -> b.scope(PolicyScopeType.AWS).policyUsageFilter("PermissionsBoundary")).policies())
        .extracting(p -> p.policyName()).contains("PowerUserAccess").doesNotContain("ReadOnlyAccess");
    assertThat(iam.getPolicy(b -> b.policyArn("arn:aws:iam::aws:policy/PowerUserAccess")).policy()
        .permissionsBoundaryUsageCount()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void policyTags() {
    String name = unique("tagged");
    var policy = iam.createPolicy(b -> b.policyName(name).policyDocument(READ_S3).tags(t -> t.key("owner").value("sec")))
        .policy();
    assertThat(policy.tags()).singleElement().satisfies(t -> assertThat(t.key()).isEqualTo("owner"));
    iam.tagPolicy(b -> b.policyArn(policy.arn()).tags(t -> t.key("Owner").value("platform"), t -> t.key("env").value("prod")));
    iam.untagPolicy(b -> b.policyArn(policy.arn()).tagKeys("ENV"));
    assertThat(iam.listPolicyTags(b -> b.policyArn(policy.arn())).tags())
        .singleElement().satisfies(t -> {
          assertThat(t.key()).isEqualTo("Owner");
          assertThat(t.value()).isEqualTo("platform");
        });
    assertThat(iam.getPolicy(b -> b.policyArn(policy.arn())).policy().tags()).hasSize(1);
    assertThatThrownBy(() -> iam.tagPolicy(b -> b.policyArn(ADMIN).tags(t -> t.key("a").value("b"))))
        .isInstanceOf(IamException.class)
        .satisfies(e -> assertThat(((IamException) e).statusCode()).isEqualTo(403));
    iam.deletePolicy(b -> b.policyArn(policy.arn()));
  }
}
