package io.gatehouse.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.core.Ids;
import io.gatehouse.server.testing.GatehouseTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.AlreadyInOrganizationException;
import software.amazon.awssdk.services.organizations.model.ChildType;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationExceptionReason;
import software.amazon.awssdk.services.organizations.model.CreateAccountFailureReason;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.DuplicateAccountException;
import software.amazon.awssdk.services.organizations.model.DuplicateOrganizationalUnitException;
import software.amazon.awssdk.services.organizations.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnitNotEmptyException;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnitNotFoundException;
import software.amazon.awssdk.services.organizations.model.ParentType;
import software.amazon.awssdk.services.organizations.model.PolicyInUseException;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.PolicyTypeNotEnabledException;
import software.amazon.awssdk.services.organizations.model.PolicyTypeStatus;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.SourceParentNotFoundException;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.services.organizations.model.TargetNotFoundException;
import software.amazon.awssdk.services.organizations.model.TargetType;

/**
 * AWS Organizations driven by the AWS SDK for Java v2 against an in-process server; each backend
 * has its subclass. The server is shared by the tests of a class, so each test makes its own
 * OUs, accounts and policies with unique names and leaves the policy types as it found them.
 */
abstract class OrganizationsSdkTestBase {
  private OrganizationsClient org;
  private String rootId;

  abstract GatehouseTestServer server();

  @BeforeEach
  void client() {
    org = server().client(OrganizationsClient.builder());
    rootId = org.listRoots().roots().getFirst().id();
  }

  private static String unique(String prefix) {
    return prefix + Ids.lowerAlnum(8);
  }

  private String createAccount(String name) {
    CreateAccountStatus status = org.createAccount(b -> b.accountName(name).email(name + "@example.com")).createAccountStatus();
    assertThat(status.state()).isEqualTo(CreateAccountState.SUCCEEDED);
    return status.accountId();
  }

  @Test
  void theBootstrappedOrganizationHasAllFeaturesAndScpsEnabled() {
    Organization o = org.describeOrganization().organization();
    assertThat(o.masterAccountId()).isEqualTo(server().managementAccountId());
    assertThat(o.id()).matches("o-[a-z0-9]{10}");
    assertThat(o.arn()).isEqualTo("arn:aws:organizations::" + o.masterAccountId() + ":organization/" + o.id());
    assertThat(o.featureSetAsString()).isEqualTo("ALL");

    Root root = org.listRoots().roots().getFirst();
    assertThat(root.name()).isEqualTo("Root");
    assertThat(root.policyTypes()).anySatisfy(t -> {
      assertThat(t.type()).isEqualTo(PolicyType.SERVICE_CONTROL_POLICY);
      assertThat(t.status()).isEqualTo(PolicyTypeStatus.ENABLED);
    });
    Account management = org.describeAccount(b -> b.accountId(o.masterAccountId())).account();
    assertThat(management.name()).isEqualTo("management");
    assertThatThrownBy(() -> org.createOrganization(b -> b.featureSet("ALL")))
        .isInstanceOf(AlreadyInOrganizationException.class);
  }

  @Test
  void organizationalUnitsLifeCycle() {
    String name = unique("team-");
    OrganizationalUnit ou = org.createOrganizationalUnit(b -> b.parentId(rootId).name(name)).organizationalUnit();
    assertThat(ou.id()).startsWith("ou-" + rootId.substring(2) + "-");
    assertThat(org.describeOrganizationalUnit(b -> b.organizationalUnitId(ou.id())).organizationalUnit()).isEqualTo(ou);
    assertThatThrownBy(() -> org.createOrganizationalUnit(b -> b.parentId(rootId).name(name)))
        .isInstanceOf(DuplicateOrganizationalUnitException.class);

    OrganizationalUnit child = org.createOrganizationalUnit(b -> b.parentId(ou.id()).name("child")).organizationalUnit();
    assertThat(org.listOrganizationalUnitsForParentPaginator(b -> b.parentId(ou.id()).maxResults(1)).stream().flatMap(r -> r.organizationalUnits().stream()).toList())
        .extracting(OrganizationalUnit::id).containsExactly(child.id());
    assertThat(org.listChildren(b -> b.parentId(ou.id()).childType(ChildType.ORGANIZATIONAL_UNIT)).children())
        .singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(child.id()));
    assertThat(org.listParents(b -> b.childId(child.id())).parents())
        .singleElement().satisfies(p -> {
          assertThat(p.id()).isEqualTo(ou.id());
          assertThat(p.type()).isEqualTo(ParentType.ORGANIZATIONAL_UNIT);
        });
    assertThat(org.updateOrganizationalUnit(b -> b.organizationalUnitId(child.id()).name("renamed")).organizationalUnit().name())
        .isEqualTo("renamed");

    assertThatThrownBy(() -> org.deleteOrganizationalUnit(b -> b.organizationalUnitId(ou.id())))
        .isInstanceOf(OrganizationalUnitNotEmptyException.class);
    org.deleteOrganizationalUnit(b -> b.organizationalUnitId(child.id()));
    org.deleteOrganizationalUnit(b -> b.organizationalUnitId(ou.id()));
    assertThatThrownBy(() -> org.describeOrganizationalUnit(b -> b.organizationalUnitId(ou.id())))
        .isInstanceOf(OrganizationalUnitNotFoundException.class);
  }

  @Test
  void ousNestAtMostFiveLevels() {
    String parent = org.createOrganizationalUnit(b -> b.parentId(rootId).name(unique("deep-"))).organizationalUnit().id();
    for (int level = 2; level <= 5; level++) {
      String p = parent;
      parent = org.createOrganizationalUnit(b -> b.parentId(p).name("level")).organizationalUnit().id();
    }
    String deepest = parent;
    assertThatThrownBy(() -> org.createOrganizationalUnit(b -> b.parentId(deepest).name("level6")))
        .isInstanceOfSatisfying(ConstraintViolationException.class,
            e -> assertThat(e.reason()).isEqualTo(ConstraintViolationExceptionReason.OU_DEPTH_LIMIT_EXCEEDED));
  }

  @Test
  void accountsAreCreatedMovedListedAndClosed() {
    String name = unique("dev");
    CreateAccountStatus status = org.createAccount(b -> b.accountName(name).email(name + "@example.com")).createAccountStatus();
    assertThat(status.state()).isEqualTo(CreateAccountState.SUCCEEDED);
    assertThat(org.describeCreateAccountStatus(b -> b.createAccountRequestId(status.id())).createAccountStatus()).isEqualTo(status);
    String accountId = status.accountId();

    CreateAccountStatus failed = org.createAccount(b -> b.accountName("again").email(name.toUpperCase() + "@example.com"))
        .createAccountStatus();
    assertThat(failed.state()).isEqualTo(CreateAccountState.FAILED);
    assertThat(failed.failureReason()).isEqualTo(CreateAccountFailureReason.EMAIL_ALREADY_EXISTS);
    assertThat(org.listCreateAccountStatusPaginator(b -> b.states(CreateAccountState.FAILED)).stream().flatMap(r -> r.createAccountStatuses().stream()).toList())
        .extracting(CreateAccountStatus::id).contains(failed.id()).doesNotContain(status.id());

    Account account = org.describeAccount(b -> b.accountId(accountId)).account();
    assertThat(account.arn()).endsWith(":account/" + org.describeOrganization().organization().id() + "/" + accountId);
    assertThat(account.statusAsString()).isEqualTo("ACTIVE");
    assertThat(org.listAccountsPaginator(b -> b.maxResults(1)).stream().flatMap(r -> r.accounts().stream()).toList()).extracting(Account::id)
        .contains(accountId, server().managementAccountId());

    String ou = org.createOrganizationalUnit(b -> b.parentId(rootId).name(unique("move-"))).organizationalUnit().id();
    org.moveAccount(b -> b.accountId(accountId).sourceParentId(rootId).destinationParentId(ou));
    assertThat(org.listAccountsForParent(b -> b.parentId(ou)).accounts()).extracting(Account::id).containsExactly(accountId);
    assertThatThrownBy(() -> org.moveAccount(b -> b.accountId(accountId).sourceParentId(ou).destinationParentId(ou)))
        .isInstanceOf(DuplicateAccountException.class);
    assertThatThrownBy(() -> org.moveAccount(b -> b.accountId(accountId).sourceParentId(rootId).destinationParentId(ou)))
        .isInstanceOf(SourceParentNotFoundException.class);

    org.closeAccount(b -> b.accountId(accountId));
    assertThat(org.describeAccount(b -> b.accountId(accountId)).account().status()).isEqualTo(AccountStatus.SUSPENDED);
    assertThatThrownBy(() -> org.closeAccount(b -> b.accountId(server().managementAccountId())))
        .isInstanceOfSatisfying(ConstraintViolationException.class,
            e -> assertThat(e.reason()).isEqualTo(ConstraintViolationExceptionReason.CANNOT_CLOSE_MANAGEMENT_ACCOUNT));
    assertThatThrownBy(() -> org.describeAccount(b -> b.accountId("999999999999"))).isInstanceOf(AccountNotFoundException.class);
  }

  @Test
  void serviceControlPoliciesAttachDetachAndLimits() {
    String account = createAccount(unique("scp"));
    String deny = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    PolicySummary policy = org.createPolicy(b -> b.name(unique("deny-")).description("no s3").type(PolicyType.SERVICE_CONTROL_POLICY)
        .content(deny)).policy().policySummary();
    assertThat(policy.id()).matches("p-[a-z0-9]{8}");
    assertThat(org.describePolicy(b -> b.policyId(policy.id())).policy().content()).isEqualTo(deny);

    assertThat(org.listPoliciesForTarget(b -> b.targetId(account).filter(PolicyType.SERVICE_CONTROL_POLICY)).policies())
        .extracting(PolicySummary::id).containsExactly("p-FullAWSAccess");
    assertThatThrownBy(() -> org.detachPolicy(b -> b.policyId("p-FullAWSAccess").targetId(account)))
        .isInstanceOfSatisfying(ConstraintViolationException.class,
            e -> assertThat(e.reason()).isEqualTo(ConstraintViolationExceptionReason.MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED));

    org.attachPolicy(b -> b.policyId(policy.id()).targetId(account));
    assertThat(org.listTargetsForPolicy(b -> b.policyId(policy.id())).targets()).singleElement().satisfies(t -> {
      assertThat(t.targetId()).isEqualTo(account);
      assertThat(t.type()).isEqualTo(TargetType.ACCOUNT);
    });
    assertThatThrownBy(() -> org.deletePolicy(b -> b.policyId(policy.id()))).isInstanceOf(PolicyInUseException.class);
    org.detachPolicy(b -> b.policyId("p-FullAWSAccess").targetId(account));
    assertThat(org.listPoliciesForTarget(b -> b.targetId(account).filter(PolicyType.SERVICE_CONTROL_POLICY)).policies())
        .extracting(PolicySummary::id).containsExactly(policy.id());

    for (int i = 0; i < 4; i++) {
      String id = org.createPolicy(b -> b.name(unique("extra-")).description("x").type(PolicyType.SERVICE_CONTROL_POLICY)
          .content(deny)).policy().policySummary().id();
      org.attachPolicy(b -> b.policyId(id).targetId(account));
    }
    assertThatThrownBy(() -> org.attachPolicy(b -> b.policyId("p-FullAWSAccess").targetId(account)))
        .isInstanceOfSatisfying(ConstraintViolationException.class,
            e -> assertThat(e.reason()).isEqualTo(ConstraintViolationExceptionReason.MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED));

    assertThatThrownBy(() -> org.createPolicy(b -> b.name(unique("bad-")).description("x").type(PolicyType.SERVICE_CONTROL_POLICY)
        .content("{\"Statement\": ")))
        .isInstanceOf(MalformedPolicyDocumentException.class);
    assertThat(org.listPoliciesPaginator(b -> b.filter(PolicyType.SERVICE_CONTROL_POLICY).maxResults(2)).stream().flatMap(r -> r.policies().stream()).toList())
        .extracting(PolicySummary::id).contains("p-FullAWSAccess", policy.id());
  }

  @Test
  void resourceControlPoliciesNeedTheirTypeEnabled() {
    String rcp = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    String id = org.createPolicy(b -> b.name(unique("rcp-")).description("x").type(PolicyType.RESOURCE_CONTROL_POLICY).content(rcp))
        .policy().policySummary().id();
    assertThatThrownBy(() -> org.attachPolicy(b -> b.policyId(id).targetId(rootId))).isInstanceOf(PolicyTypeNotEnabledException.class);

    Root enabled = org.enablePolicyType(b -> b.rootId(rootId).policyType(PolicyType.RESOURCE_CONTROL_POLICY)).root();
    try {
      assertThat(enabled.policyTypes()).extracting(t -> t.type()).contains(PolicyType.RESOURCE_CONTROL_POLICY);
      assertThat(org.listPoliciesForTarget(b -> b.targetId(rootId).filter(PolicyType.RESOURCE_CONTROL_POLICY)).policies())
          .extracting(PolicySummary::id).containsExactly("p-RCPFullAWSAccess");
      org.attachPolicy(b -> b.policyId(id).targetId(rootId));
      org.detachPolicy(b -> b.policyId(id).targetId(rootId));
    } finally {
      Root disabled = org.disablePolicyType(b -> b.rootId(rootId).policyType(PolicyType.RESOURCE_CONTROL_POLICY)).root();
      assertThat(disabled.policyTypes()).extracting(t -> t.type()).doesNotContain(PolicyType.RESOURCE_CONTROL_POLICY);
    }
    assertThat(org.listPoliciesForTarget(b -> b.targetId(rootId).filter(PolicyType.RESOURCE_CONTROL_POLICY)).policies()).isEmpty();
    org.deletePolicy(b -> b.policyId(id));
    assertThat(org.listPolicies(b -> b.filter(PolicyType.RESOURCE_CONTROL_POLICY)).policies())
        .extracting(PolicySummary::id).doesNotContain(id);
  }

  @Test
  void tagsOnAccountsOusAndPolicies() {
    String account = createAccount(unique("tags"));
    org.tagResource(b -> b.resourceId(account).tags(Tag.builder().key("env").value("dev").build(),
        Tag.builder().key("team").value("a").build()));
    org.untagResource(b -> b.resourceId(account).tagKeys("team"));
    assertThat(org.listTagsForResource(b -> b.resourceId(account)).tags())
        .containsExactly(Tag.builder().key("env").value("dev").build());
    String ou = org.createOrganizationalUnit(b -> b.parentId(rootId).name(unique("tagged-"))
        .tags(Tag.builder().key("cost").value("42").build())).organizationalUnit().id();
    assertThat(org.listTagsForResource(b -> b.resourceId(ou)).tags()).extracting(Tag::key).containsExactly("cost");
    assertThatThrownBy(() -> org.listTagsForResource(b -> b.resourceId("999999999999"))).isInstanceOf(TargetNotFoundException.class);
  }
}
