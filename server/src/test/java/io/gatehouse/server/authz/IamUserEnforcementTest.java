package io.gatehouse.server.authz;

import static io.gatehouse.server.authz.EnforcementWorld.allow;
import static io.gatehouse.server.authz.EnforcementWorld.deniedMessage;
import static io.gatehouse.server.authz.EnforcementWorld.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An IAM user of the management account calls with its own key: every operation is decided by the
 * policy engine from the user's policies as they are at that request, and a denial reads like AWS's.
 */
class IamUserEnforcementTest {
  @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.h2();

  private EnforcementWorld world;
  private IamClient root;
  private String account;
  private String name;
  private AwsBasicCredentials key;
  private IamClient alice;

  @BeforeEach
  void aUserWithoutPolicies() {
    world = new EnforcementWorld(server);
    root = server.client(IamClient.builder());
    account = server.managementAccountId();
    name = unique("alice");
    key = world.user(root, name);
    alice = world.iam(key);
  }

  @AfterEach
  void close() {
    world.close();
  }

  private String user() {
    return "arn:aws:iam::" + account + ":user/" + name;
  }

  @Test
  void aUserWithoutPoliciesIsDeniedWithAwssMessage() {
    String role = unique("app");
    root.createRole(b -> b.roleName(role).path("/app/").assumeRolePolicyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));

    AwsServiceException e = EnforcementWorld.denied(() -> alice.listRoles());
    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + user()
        + " is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::" + account
        + ":role/ because no identity-based policy allows the iam:ListRoles action");
    // The role is named by its real ARN, path included, though the request gives only its name.
    assertThat(deniedMessage(() -> alice.getRole(b -> b.roleName(role)))).isEqualTo("User: " + user()
        + " is not authorized to perform: iam:GetRole on resource: arn:aws:iam::" + account + ":role/app/" + role
        + " because no identity-based policy allows the iam:GetRole action");
    // GetCallerIdentity needs no permission.
    try (StsClient sts = world.sts(key)) {
      assertThat(sts.getCallerIdentity().arn()).isEqualTo(user());
    }
  }

  @Test
  void aPolicyAppliesFromTheNextRequest() {
    deniedMessage(() -> alice.listRoles());
    root.putUserPolicy(b -> b.userName(name).policyName("list").policyDocument(allow("\"iam:ListRoles\"")));
    assertThat(alice.listRoles().roles()).isNotNull();
    root.deleteUserPolicy(b -> b.userName(name).policyName("list"));
    deniedMessage(() -> alice.listRoles());
  }

  @Test
  void aGroupsPolicyAppliesToItsMembers() {
    String group = unique("readers");
    root.createGroup(b -> b.groupName(group));
    root.attachGroupPolicy(b -> b.groupName(group).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
    deniedMessage(() -> alice.listUsers());
    root.addUserToGroup(b -> b.groupName(group).userName(name));
    assertThat(alice.listUsers().users()).isNotEmpty();
    root.removeUserFromGroup(b -> b.groupName(group).userName(name));
    deniedMessage(() -> alice.listUsers());
  }

  @Test
  void anExplicitDenyWinsAndNamesItsPolicy() {
    root.attachUserPolicy(b -> b.userName(name).policyArn(EnforcementWorld.ADMIN));
    String deny = root.createPolicy(b -> b.policyName(unique("no-roles")).policyDocument(EnforcementWorld.deny("\"iam:ListRoles\"")))
        .policy().arn();
    assertThat(alice.listRoles().roles()).isNotNull();
    root.attachUserPolicy(b -> b.userName(name).policyArn(deny));
    assertThat(deniedMessage(() -> alice.listRoles())).isEqualTo("User: " + user()
        + " is not authorized to perform: iam:ListRoles on resource: arn:aws:iam::" + account
        + ":role/ with an explicit deny in an identity-based policy: " + deny);
    // other actions still follow the allow
    assertThat(alice.listUsers().users()).isNotEmpty();
  }

  @Test
  void aBoundaryBlocksWhatThePolicyAllows() {
    root.attachUserPolicy(b -> b.userName(name).policyArn(EnforcementWorld.ADMIN));
    root.putUserPermissionsBoundary(b -> b.userName(name).permissionsBoundary("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
    assertThat(alice.listRoles().roles()).isNotNull();
    String created = unique("blocked");
    assertThat(deniedMessage(() -> alice.createUser(b -> b.userName(created)))).isEqualTo("User: " + user()
        + " is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::" + account + ":user/" + created
        + " because no permissions boundary allows the iam:CreateUser action");
  }

  @Test
  void principalTagsDecideConditions() {
    root.putUserPolicy(b -> b.userName(name).policyName("tagged").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListRoles","Resource":"*",
         "Condition":{"StringEquals":{"aws:PrincipalTag/team":"platform"}}}]}"""));
    deniedMessage(() -> alice.listRoles());
    root.tagUser(b -> b.userName(name).tags(t -> t.key("team").value("platform")));
    assertThat(alice.listRoles().roles()).isNotNull();
    root.tagUser(b -> b.userName(name).tags(t -> t.key("team").value("data")));
    deniedMessage(() -> alice.listRoles());
  }

  @Test
  void thePolicyArnOfAnAttachmentDecidesAConditionOnIt() {
    String role = unique("worker");
    root.createRole(b -> b.roleName(role).assumeRolePolicyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    root.putUserPolicy(b -> b.userName(name).policyName("attach-read-only").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:AttachRolePolicy","Resource":"*",
         "Condition":{"ArnEquals":{"iam:PolicyARN":"arn:aws:iam::aws:policy/ReadOnlyAccess"}}}]}"""));
    alice.attachRolePolicy(b -> b.roleName(role).policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
    assertThat(deniedMessage(() -> alice.attachRolePolicy(b -> b.roleName(role).policyArn(EnforcementWorld.ADMIN))))
        .isEqualTo("User: " + user() + " is not authorized to perform: iam:AttachRolePolicy on resource: arn:aws:iam::"
            + account + ":role/" + role + " because no identity-based policy allows the iam:AttachRolePolicy action");
  }

  @Test
  void theRequestedRegionDecidesAConditionOnIt() {
    root.putUserPolicy(b -> b.userName(name).policyName("region").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"identitystore:ListUsers","Resource":"*",
         "Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"}}}]}"""));
    try (IdentitystoreClient inUs = world.client(IdentitystoreClient.builder(), key);
        IdentitystoreClient inEu = world.client(IdentitystoreClient.builder(), key, software.amazon.awssdk.regions.Region.EU_WEST_1)) {
      deniedMessage(() -> inUs.listUsers(b -> b.identityStoreId(server.identityStoreId())));
      assertThat(inEu.listUsers(b -> b.identityStoreId(server.identityStoreId())).users()).isNotNull();
    }
  }

  @Test
  void jsonProtocolsAnswerAccessDeniedException() {
    try (IdentitystoreClient ids = world.client(IdentitystoreClient.builder(), key);
        OrganizationsClient orgs = world.client(OrganizationsClient.builder(), key);
        SsoAdminClient sso = world.client(SsoAdminClient.builder(), key)) {
      AwsServiceException e = EnforcementWorld.denied(() -> ids.listUsers(b -> b.identityStoreId(server.identityStoreId())));
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + user()
          + " is not authorized to perform: identitystore:ListUsers on resource: arn:aws:identitystore:::user/*"
          + " because no identity-based policy allows the identitystore:ListUsers action");
      assertThat(EnforcementWorld.denied(() -> orgs.listAccounts()).awsErrorDetails().errorMessage())
          .startsWith("User: " + user() + " is not authorized to perform: organizations:ListAccounts on resource: ")
          .endsWith(" because no identity-based policy allows the organizations:ListAccounts action");
      assertThat(EnforcementWorld.denied(() -> sso.listInstances(b -> {})).awsErrorDetails().errorMessage())
          .isEqualTo("User: " + user() + " is not authorized to perform: sso:ListInstances on resource: *"
          + " because no identity-based policy allows the sso:ListInstances action");
    }
  }

  @Test
  void thePermissionsBoundaryOfACreatedUserDecidesAConditionOnIt() {
    String boundary = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
    root.putUserPolicy(b -> b.userName(name).policyName("delegate").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateUser","Resource":"*",
         "Condition":{"StringEquals":{"iam:PermissionsBoundary":"%s"}}}]}""".formatted(boundary)));
    String bounded = unique("bounded");
    alice.createUser(b -> b.userName(bounded).permissionsBoundary(boundary));
    String free = unique("free");
    assertThat(deniedMessage(() -> alice.createUser(b -> b.userName(free)))).isEqualTo("User: " + user()
        + " is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::" + account + ":user/" + free
        + " because no identity-based policy allows the iam:CreateUser action");
  }

  @Test
  void theSourceAddressDecidesAConditionOnIt() {
    root.putUserPolicy(b -> b.userName(name).policyName("from-here").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListRoles","Resource":"*",
         "Condition":{"IpAddress":{"aws:SourceIp":"127.0.0.0/8"}}}]}"""));
    assertThat(alice.listRoles().roles()).isNotNull();
    root.putUserPolicy(b -> b.userName(name).policyName("from-here").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListRoles","Resource":"*",
         "Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}]}"""));
    deniedMessage(() -> alice.listRoles());
  }
}
