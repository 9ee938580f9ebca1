package io.gatehouse.server.assignmentrules;

import io.gatehouse.server.testing.GatehouseAdminClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.testing.Eventually;
import io.gatehouse.server.testing.GatehouseTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Assignment rules on a running server with the real assignments feature: the rule's assignments
 * are listed by sso-admin and provisioned into the accounts, follow the accounts as they are created,
 * moved and tagged, and go with the rule — through SigV4-signed calls of the gatehouse service.
 */
abstract class AssignmentRulesServerTestBase {
  private static final Duration PROVISIONED = Duration.ofSeconds(20);
  private static final Duration EVERY = Duration.ofMillis(50);

  abstract GatehouseTestServer server();

  private OrganizationsClient orgs;
  private SsoAdminClient sso;
  private IdentitystoreClient ids;
  private GatehouseAdminClient admin;
  private String root;

  @BeforeEach
  void clients() {
    orgs = server().client(OrganizationsClient.builder());
    sso = server().client(SsoAdminClient.builder());
    ids = server().client(IdentitystoreClient.builder());
    admin = new GatehouseAdminClient(server().endpoint(), server().rootCredentials());
    root = orgs.listRoots().roots().getFirst().id();
  }

  @AfterEach
  void closeAdmin() {
    admin.close();
  }

  @Test
  void anOuRuleProvisionsEveryAccountUnderTheOuAndFollowsAccountsCreatedAndMovedLater() throws Exception {
    String prod = ou(root, "Production");
    String web = ou(prod, "Web");
    String dev = ou(root, "Development");
    String a1 = accountIn(prod);
    String a2 = accountIn(web);
    String a3 = accountIn(dev);
    String group = group("Platform-Engineers");
    String ps = permissionSet("Developer");

    JsonNode rule = admin.call("CreateAssignmentRule", Map.of("InstanceArn", server().instanceArn(),
        "PermissionSetArn", ps, "PrincipalType", "GROUP", "PrincipalId", group,
        "Scope", Map.of("OrganizationalUnitId", prod), "Description", "Developers everywhere in Production"))
        .get("AssignmentRule");
    String id = rule.get("AssignmentRuleId").asText();

    assertThat(rule.get("AccountsInScope").asInt()).isEqualTo(2);
    assertThat(groupsAssigned(a1, ps)).containsExactly(group);
    assertThat(groupsAssigned(a2, ps)).containsExactly(group);
    assertThat(groupsAssigned(a3, ps)).isEmpty();
    assertThat(ruleAccounts(id)).containsExactlyInAnyOrder(a1, a2);
    Eventually.within(PROVISIONED, EVERY, () -> {
      assertThat(provisionedSets(a1)).containsExactly(ps);
      assertThat(provisionedSets(a2)).containsExactly(ps);
    });
    assertThat(provisionedSets(a3)).isEmpty();

    String later = accountIn(web);
    assertThat(groupsAssigned(later, ps)).containsExactly(group);
    Eventually.within(PROVISIONED, EVERY, () -> assertThat(provisionedSets(later)).containsExactly(ps));

    orgs.moveAccount(r -> r.accountId(a1).sourceParentId(prod).destinationParentId(dev));
    assertThat(groupsAssigned(a1, ps)).isEmpty();
    assertThat(ruleAccounts(id)).containsExactlyInAnyOrder(a2, later);
    Eventually.within(PROVISIONED, EVERY, () -> assertThat(provisionedSets(a1)).isEmpty());
  }

  @Test
  void deletingTheRuleRemovesItsAssignmentsAndLeavesOneMadeByTheApi() throws Exception {
    String prod = ou(root, "Production");
    String a1 = accountIn(prod);
    String a2 = accountIn(prod);
    String group = group("Security-Audit");
    String ps = permissionSet("SecurityAudit");
    sso.createAccountAssignment(r -> r.instanceArn(server().instanceArn()).permissionSetArn(ps)
        .principalType(PrincipalType.GROUP).principalId(group).targetType(TargetType.AWS_ACCOUNT).targetId(a1));
    String id = admin.call("CreateAssignmentRule", Map.of("InstanceArn", server().instanceArn(),
        "PermissionSetArn", ps, "PrincipalType", "GROUP", "PrincipalId", group,
        "Scope", Map.of("OrganizationalUnitId", prod))).at("/AssignmentRule/AssignmentRuleId").asText();
    assertThat(ruleAccounts(id)).containsExactly(a2);
    Eventually.within(PROVISIONED, EVERY, () -> {
      assertThat(provisionedSets(a1)).containsExactly(ps);
      assertThat(provisionedSets(a2)).containsExactly(ps);
    });

    admin.call("DeleteAssignmentRule", Map.of("InstanceArn", server().instanceArn(), "AssignmentRuleId", id));

    assertThat(groupsAssigned(a1, ps)).containsExactly(group);
    assertThat(groupsAssigned(a2, ps)).isEmpty();
    Eventually.within(PROVISIONED, EVERY, () -> assertThat(provisionedSets(a2)).isEmpty());
    assertThat(provisionedSets(a1)).containsExactly(ps);
    assertThatThrownBy(() -> admin.call("DescribeAssignmentRule",
        Map.of("InstanceArn", server().instanceArn(), "AssignmentRuleId", id)))
        .isInstanceOfSatisfying(GatehouseAdminClient.ServiceError.class, e -> {
          assertThat(e.status).isEqualTo(404);
          assertThat(e.code).isEqualTo("ResourceNotFoundException");
        });
  }

  @Test
  void aTagRuleFollowsTheTagsOfAccounts() throws Exception {
    String taggedAtCreation = account(Tag.builder().key("env").value("prod").build());
    String taggedLater = account();
    String group = group("Developers");
    String ps = permissionSet("ReadOnly");
    String id = admin.call("CreateAssignmentRule", Map.of("InstanceArn", server().instanceArn(),
        "PermissionSetArn", ps, "PrincipalType", "GROUP", "PrincipalId", group,
        "Scope", Map.of("AccountTag", Map.of("Key", "env", "Value", "prod")))).at("/AssignmentRule/AssignmentRuleId").asText();
    assertThat(ruleAccounts(id)).containsExactly(taggedAtCreation);

    orgs.tagResource(r -> r.resourceId(taggedLater).tags(Tag.builder().key("env").value("prod").build()));
    orgs.untagResource(r -> r.resourceId(taggedAtCreation).tagKeys("env"));

    // Tag changes reach the rules through the change feed (this server's own commits at once, others' within a poll).
    Eventually.within(PROVISIONED, EVERY, () -> assertThat(ruleAccounts(id)).containsExactly(taggedLater));
    Eventually.within(PROVISIONED, EVERY, () -> {
      assertThat(provisionedSets(taggedLater)).containsExactly(ps);
      assertThat(provisionedSets(taggedAtCreation)).isEmpty();
    });
  }

  @Test
  void onlyTheManagementAccountManagesRules() {
    String member = account();
    String role = "arn:aws:iam::" + member + ":role/OrganizationAccountAccessRole";
    Credentials session;
    try (StsClient sts = server().client(StsClient.builder())) {
      session = sts.assumeRole(r -> r.roleArn(role).roleSessionName("admin")).credentials();
    }
    try (GatehouseAdminClient asMember = new GatehouseAdminClient(server().endpoint(),
        AwsSessionCredentials.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken()))) {
      assertThatThrownBy(() -> asMember.call("ListAssignmentRules", Map.of("InstanceArn", server().instanceArn())))
          .isInstanceOfSatisfying(GatehouseAdminClient.ServiceError.class, e -> {
            assertThat(e.status).isEqualTo(400);
            assertThat(e.code).isEqualTo("AccessDeniedException");
          });
    }
    try (GatehouseAdminClient forged = new GatehouseAdminClient(server().endpoint(),
        AwsBasicCredentials.create(server().rootCredentials().accessKeyId(), "not-the-secret"))) {
      assertThatThrownBy(() -> forged.call("ListAssignmentRules", Map.of("InstanceArn", server().instanceArn())))
          .isInstanceOfSatisfying(GatehouseAdminClient.ServiceError.class,
              e -> assertThat(e.code).isEqualTo("InvalidSignatureException"));
    }
  }

  @Test
  void enforcementDecidesGatehouseActionsOnTheRulesArn() {
    String prod = ou(root, "Production");
    String id = admin.call("CreateAssignmentRule", Map.of("InstanceArn", server().instanceArn(),
        "PermissionSetArn", permissionSet("Audit"), "PrincipalType", "GROUP", "PrincipalId", group("Auditors"),
        "Scope", Map.of("OrganizationalUnitId", prod))).at("/AssignmentRule/AssignmentRuleId").asText();
    String ruleArn = "arn:aws:gatehouse:::assignmentRule/" + id;
    String name = "rules-reader-" + unique();
    try (IamClient iam = server().client(IamClient.builder())) {
      iam.createUser(r -> r.userName(name));
      var key = iam.createAccessKey(r -> r.userName(name)).accessKey();
      try (GatehouseAdminClient reader = new GatehouseAdminClient(server().endpoint(),
          AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
        Map<String, Object> describe = Map.of("InstanceArn", server().instanceArn(), "AssignmentRuleId", id);
        assertThatThrownBy(() -> reader.call("DescribeAssignmentRule", describe))
            .isInstanceOfSatisfying(GatehouseAdminClient.ServiceError.class, e -> {
              assertThat(e.code).isEqualTo("AccessDeniedException");
              assertThat(e.getMessage()).contains("gatehouse:DescribeAssignmentRule");
            });

        iam.putUserPolicy(r -> r.userName(name).policyName("rules").policyDocument("{\"Version\":\"2012-10-17\","
            + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"gatehouse:DescribeAssignmentRule\","
            + "\"Resource\":[\"" + ruleArn + "\",\"arn:aws:sso:::instance/*\"]}]}"));

        assertThat(reader.call("DescribeAssignmentRule", describe).at("/AssignmentRule/AssignmentRuleArn").asText())
            .isEqualTo(ruleArn);
        // Another rule's ARN is not in the policy: refused before the rule is even looked up.
        assertThatThrownBy(() -> reader.call("DescribeAssignmentRule",
            Map.of("InstanceArn", server().instanceArn(), "AssignmentRuleId", "ar-0000000000000000")))
            .isInstanceOfSatisfying(GatehouseAdminClient.ServiceError.class, e -> {
              assertThat(e.code).isEqualTo("AccessDeniedException");
              assertThat(e.getMessage()).contains("arn:aws:gatehouse:::assignmentRule/ar-0000000000000000");
            });
        assertThatThrownBy(() -> reader.call("DeleteAssignmentRule", describe))
            .isInstanceOfSatisfying(GatehouseAdminClient.ServiceError.class,
                e -> assertThat(e.code).isEqualTo("AccessDeniedException"));
      }
    }
  }

  private String ou(String parent, String name) {
    // One server serves every test of the class: names get a suffix of their own.
    return orgs.createOrganizationalUnit(r -> r.parentId(parent).name(name + "-" + unique())).organizationalUnit().id();
  }

  private String account(Tag... tags) {
    String name = "acct-" + unique();
    return orgs.createAccount(r -> r.accountName(name).email(name + "@example.com").tags(tags))
        .createAccountStatus().accountId();
  }

  private String accountIn(String parent) {
    String id = account();
    orgs.moveAccount(r -> r.accountId(id).sourceParentId(root).destinationParentId(parent));
    return id;
  }

  private String group(String name) {
    return ids.createGroup(r -> r.identityStoreId(server().identityStoreId()).displayName(name + "-" + unique())).groupId();
  }

  private String permissionSet(String name) {
    return sso.createPermissionSet(r -> r.instanceArn(server().instanceArn()).name(name + "-" + unique())).permissionSet().permissionSetArn();
  }

  private List<String> groupsAssigned(String account, String ps) {
    return sso.listAccountAssignments(r -> r.instanceArn(server().instanceArn()).accountId(account).permissionSetArn(ps))
        .accountAssignments().stream().map(AccountAssignment::principalId).toList();
  }

  private List<String> provisionedSets(String account) {
    return sso.listPermissionSetsProvisionedToAccount(r -> r.instanceArn(server().instanceArn()).accountId(account))
        .permissionSets();
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private List<String> ruleAccounts(String ruleId) {
    JsonNode page = admin.call("ListAssignmentsForRule",
        Map.of("InstanceArn", server().instanceArn(), "AssignmentRuleId", ruleId));
    return page.get("Assignments").findValuesAsText("AccountId");
  }
}
