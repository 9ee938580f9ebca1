package io.gatehouse.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SCPs and RCPs: documents, attachments and policy types. */
class PolicyServiceTest {
  private static final String SCP = "SERVICE_CONTROL_POLICY";
  private static final String RCP = "RESOURCE_CONTROL_POLICY";

  private final OrganizationsFixture f = new OrganizationsFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void createDescribeAndListPolicies() {
    Policy deny = f.scp("DenyS3", OrganizationsFixture.DENY_S3);
    assertThat(deny.id()).matches("p-[a-z0-9]{8}");
    assertThat(deny.awsManaged()).isFalse();
    assertThat(f.policies.describePolicy(deny.id())).isEqualTo(deny);
    assertThat(f.policies.listPolicies(SCP, Keyset.all()).items()).extracting(Policy::id)
        .containsExactly("p-FullAWSAccess", deny.id());
    assertThat(f.policies.listPolicies(RCP, Keyset.all()).items()).extracting(Policy::id)
        .containsExactly("p-RCPFullAWSAccess");
    assertThat(f.policies.listPolicies("TAG_POLICY", Keyset.all()).items()).isEmpty();

    Policy full = f.policies.describePolicy("p-FullAWSAccess");
    assertThat(full.awsManaged()).isTrue();
    assertThat(full.name()).isEqualTo("FullAWSAccess");
    assertThatThrownBy(() -> f.policies.describePolicy("p-zzzzzzzz")).isInstanceOf(OrganizationsErrors.PolicyNotFoundException.class);
  }

  @Test
  void documentsAreLimitedTo5120Characters() {
    String padded = OrganizationsFixture.DENY_S3 + " ".repeat(5120 - OrganizationsFixture.DENY_S3.length());
    assertThat(f.scp("Exactly5120", padded).content()).hasSize(5120);
    assertThatThrownBy(() -> f.scp("TooBig", padded + " "))
        .isInstanceOfSatisfying(OrganizationsErrors.ConstraintViolationException.class,
            e -> assertThat(e.fields()).containsEntry("Reason", "POLICY_CONTENT_LIMIT_EXCEEDED"));
  }

  @Test
  void malformedDocumentsAreRefusedWithTheFindings() {
    assertThatThrownBy(() -> f.scp("Broken", "{\"Version\": "))
        .isInstanceOf(OrganizationsErrors.MalformedPolicyDocumentException.class)
        .hasMessageContaining("line 1");
    assertThatThrownBy(() -> f.scp("Array", "[]")).isInstanceOf(OrganizationsErrors.MalformedPolicyDocumentException.class);
    assertThatThrownBy(() -> f.scp("NoEffect", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"*\",\"Resource\":\"*\"}]}"))
        .isInstanceOf(OrganizationsErrors.MalformedPolicyDocumentException.class)
        .hasMessageContaining("Effect");
    assertThatThrownBy(() -> f.policies.createPolicy(OrganizationsFixture.DENY_S3, "d", "RcpWithoutPrincipal", RCP, List.of()))
        .as("an RCP must name its principal").isInstanceOf(OrganizationsErrors.MalformedPolicyDocumentException.class)
        .hasMessageContaining("Principal");
    assertThat(f.policies.listPolicies(SCP, Keyset.all()).items()).extracting(Policy::id).containsExactly("p-FullAWSAccess");
  }

  @Test
  void namesAreUniquePerTypeIncludingTheManagedOnes() {
    f.scp("DenyS3", OrganizationsFixture.DENY_S3);
    assertThatThrownBy(() -> f.scp("DenyS3", OrganizationsFixture.DENY_S3)).isInstanceOf(OrganizationsErrors.DuplicatePolicyException.class);
    assertThatThrownBy(() -> f.scp("FullAWSAccess", OrganizationsFixture.ALLOW_ALL))
        .isInstanceOf(OrganizationsErrors.DuplicatePolicyException.class);
    assertThat(f.policies.createPolicy(OrganizationsFixture.RCP_DENY_S3, "d", "DenyS3", RCP, List.of()).type())
        .isEqualTo(OrganizationPolicyType.RESOURCE_CONTROL_POLICY);
  }

  @Test
  void typesGatehouseDoesNotImplementAreNotAvailable() {
    assertThatThrownBy(() -> f.policies.createPolicy("{}", "d", "Tags", "TAG_POLICY", List.of()))
        .isInstanceOf(OrganizationsErrors.PolicyTypeNotAvailableForOrganizationException.class);
    assertThatThrownBy(() -> f.policies.enablePolicyType(f.rootId(), "BACKUP_POLICY"))
        .isInstanceOf(OrganizationsErrors.PolicyTypeNotAvailableForOrganizationException.class);
  }

  @Test
  void updateChangesOnlyWhatIsGiven() {
    Policy p = f.scp("DenyS3", OrganizationsFixture.DENY_S3);
    Policy renamed = f.policies.updatePolicy(p.id(), "DenyStorage", null, null);
    assertThat(renamed).isEqualTo(new Policy(p.id(), p.type(), "DenyStorage", p.description(), p.content(), false));
    Policy rewritten = f.policies.updatePolicy(p.id(), null, "new", OrganizationsFixture.ALLOW_ALL);
    assertThat(f.policies.describePolicy(p.id())).isEqualTo(rewritten);
    assertThat(rewritten.content()).isEqualTo(OrganizationsFixture.ALLOW_ALL);
    assertThat(rewritten.name()).isEqualTo("DenyStorage");

    f.scp("Other", OrganizationsFixture.DENY_S3);
    assertThatThrownBy(() -> f.policies.updatePolicy(p.id(), "Other", null, null))
        .isInstanceOf(OrganizationsErrors.DuplicatePolicyException.class);
    assertThatThrownBy(() -> f.policies.updatePolicy(p.id(), null, null, "not json"))
        .isInstanceOf(OrganizationsErrors.MalformedPolicyDocumentException.class);
    assertThatThrownBy(() -> f.policies.updatePolicy("p-zzzzzzzz", "x", null, null))
        .isInstanceOf(OrganizationsErrors.PolicyNotFoundException.class);
  }

  @Test
  void awsManagedPoliciesAreImmutable() {
    assertThatThrownBy(() -> f.policies.updatePolicy("p-FullAWSAccess", "Mine", null, null))
        .isInstanceOfSatisfying(OrganizationsErrors.InvalidInputException.class,
            e -> assertThat(e.fields()).containsEntry("Reason", "IMMUTABLE_POLICY"));
    assertThatThrownBy(() -> f.policies.deletePolicy("p-FullAWSAccess"))
        .isInstanceOfSatisfying(OrganizationsErrors.InvalidInputException.class,
            e -> assertThat(e.fields()).containsEntry("Reason", "IMMUTABLE_POLICY"));
  }

  @Test
  void anAttachedPolicyCannotBeDeleted() {
    Policy p = f.scp("DenyS3", OrganizationsFixture.DENY_S3);
    String dev = f.account("Dev");
    f.policies.attachPolicy(p.id(), dev);
    assertThatThrownBy(() -> f.policies.deletePolicy(p.id())).isInstanceOf(OrganizationsErrors.PolicyInUseException.class);
    f.policies.detachPolicy(p.id(), dev);
    f.policies.deletePolicy(p.id());
    assertThatThrownBy(() -> f.policies.describePolicy(p.id())).isInstanceOf(OrganizationsErrors.PolicyNotFoundException.class);
  }

  @Test
  void attachChecksPolicyTargetTypeAndDuplicates() {
    Policy p = f.scp("DenyS3", OrganizationsFixture.DENY_S3);
    OrganizationalUnit prod = f.ou(f.rootId(), "Prod");
    f.policies.attachPolicy(p.id(), prod.id());
    assertThat(f.attachedIds(prod.id(), SCP)).containsExactly("p-FullAWSAccess", p.id());
    assertThatThrownBy(() -> f.policies.attachPolicy(p.id(), prod.id()))
        .isInstanceOf(OrganizationsErrors.DuplicatePolicyAttachmentException.class);
    assertThatThrownBy(() -> f.policies.attachPolicy("p-zzzzzzzz", prod.id()))
        .isInstanceOf(OrganizationsErrors.PolicyNotFoundException.class);
    assertThatThrownBy(() -> f.policies.attachPolicy(p.id(), "ou-zzzz-zzzzzzzz"))
        .isInstanceOf(OrganizationsErrors.TargetNotFoundException.class);
    assertThatThrownBy(() -> f.policies.attachPolicy(p.id(), "999999999999"))
        .isInstanceOf(OrganizationsErrors.TargetNotFoundException.class);

    Policy rcp = f.policies.createPolicy(OrganizationsFixture.RCP_DENY_S3, "d", "RcpDeny", RCP, List.of());
    assertThatThrownBy(() -> f.policies.attachPolicy(rcp.id(), prod.id()))
        .isInstanceOf(OrganizationsErrors.PolicyTypeNotEnabledException.class);
  }

  @Test
  void atMostFivePoliciesOfATypePerTarget() {
    String dev = f.account("Dev");
    for (int i = 0; i < 4; i++) f.policies.attachPolicy(f.scp("P" + i, OrganizationsFixture.DENY_S3).id(), dev);
    assertThat(f.attachedIds(dev, SCP)).hasSize(5);
    Policy sixth = f.scp("P5", OrganizationsFixture.DENY_S3);
    assertThatThrownBy(() -> f.policies.attachPolicy(sixth.id(), dev))
        .isInstanceOfSatisfying(OrganizationsErrors.ConstraintViolationException.class,
            e -> assertThat(e.fields()).containsEntry("Reason", "MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED"));
    f.policies.attachPolicy(sixth.id(), f.rootId());
  }

  @Test
  void theLastScpOfATargetCannotBeDetached() {
    String dev = f.account("Dev");
    assertThatThrownBy(() -> f.policies.detachPolicy("p-FullAWSAccess", dev))
        .isInstanceOfSatisfying(OrganizationsErrors.ConstraintViolationException.class,
            e -> assertThat(e.fields()).containsEntry("Reason", "MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED"));
    Policy allow = f.scp("AllowAll", OrganizationsFixture.ALLOW_ALL);
    f.policies.attachPolicy(allow.id(), dev);
    f.policies.detachPolicy("p-FullAWSAccess", dev);
    assertThat(f.attachedIds(dev, SCP)).containsExactly(allow.id());
    assertThatThrownBy(() -> f.policies.detachPolicy("p-FullAWSAccess", dev))
        .isInstanceOf(OrganizationsErrors.PolicyNotAttachedException.class);
    assertThatThrownBy(() -> f.policies.detachPolicy(allow.id(), "ou-zzzz-zzzzzzzz"))
        .isInstanceOf(OrganizationsErrors.TargetNotFoundException.class);
  }

  @Test
  void enablingRcpsAttachesRcpFullAwsAccessEverywhereForGood() {
    OrganizationalUnit prod = f.ou(f.rootId(), "Prod");
    String dev = f.account("Dev");
    Root root = f.policies.enablePolicyType(f.rootId(), RCP);
    assertThat(root.enabledPolicyTypes()).containsExactlyInAnyOrder(
        OrganizationPolicyType.SERVICE_CONTROL_POLICY, OrganizationPolicyType.RESOURCE_CONTROL_POLICY);
    for (String target : List.of(f.rootId(), prod.id(), dev, f.info.managementAccountId())) {
      assertThat(f.attachedIds(target, RCP)).as(target).containsExactly("p-RCPFullAWSAccess");
    }
    assertThat(f.attachedIds(f.ou(prod.id(), "Web").id(), RCP)).containsExactly("p-RCPFullAWSAccess");
    assertThat(f.attachedIds(f.account("Later"), RCP)).containsExactly("p-RCPFullAWSAccess");

    assertThatThrownBy(() -> f.policies.detachPolicy("p-RCPFullAWSAccess", dev))
        .isInstanceOfSatisfying(OrganizationsErrors.InvalidInputException.class,
            e -> assertThat(e.fields()).containsEntry("Reason", "NON_DETACHABLE_POLICY"));
    assertThatThrownBy(() -> f.policies.enablePolicyType(f.rootId(), RCP))
        .isInstanceOf(OrganizationsErrors.PolicyTypeAlreadyEnabledException.class);
    assertThatThrownBy(() -> f.policies.enablePolicyType("r-zzzz", RCP)).isInstanceOf(OrganizationsErrors.RootNotFoundException.class);

    Policy rcp = f.policies.createPolicy(OrganizationsFixture.RCP_DENY_S3, "d", "RcpDeny", RCP, List.of());
    f.policies.attachPolicy(rcp.id(), dev);
    f.policies.detachPolicy(rcp.id(), dev);
    assertThat(f.attachedIds(dev, RCP)).containsExactly("p-RCPFullAWSAccess");
  }

  @Test
  void disablingScpsDetachesThemAllAndReEnablingRestoresFullAwsAccess() {
    String dev = f.account("Dev");
    Policy deny = f.scp("DenyS3", OrganizationsFixture.DENY_S3);
    f.policies.attachPolicy(deny.id(), dev);
    Root root = f.policies.disablePolicyType(f.rootId(), SCP);
    assertThat(root.enabledPolicyTypes()).isEmpty();
    assertThat(f.attachedIds(dev, SCP)).isEmpty();
    assertThat(f.attachedIds(f.rootId(), SCP)).isEmpty();
    assertThatThrownBy(() -> f.policies.attachPolicy(deny.id(), dev)).isInstanceOf(OrganizationsErrors.PolicyTypeNotEnabledException.class);
    assertThatThrownBy(() -> f.policies.disablePolicyType(f.rootId(), SCP)).isInstanceOf(OrganizationsErrors.PolicyTypeNotEnabledException.class);
    assertThat(f.attachedIds(f.account("NoScp"), SCP)).as("no default while disabled").isEmpty();

    f.policies.enablePolicyType(f.rootId(), SCP);
    assertThat(f.attachedIds(dev, SCP)).containsExactly("p-FullAWSAccess");
    assertThat(f.attachedIds(f.rootId(), SCP)).containsExactly("p-FullAWSAccess");
    f.policies.deletePolicy(deny.id());
  }

  @Test
  void listTargetsForPolicyNamesEachTarget() {
    OrganizationalUnit prod = f.ou(f.rootId(), "Prod");
    String dev = f.account("Dev");
    List<Targets.Target> targets = f.policies.listTargetsForPolicy("p-FullAWSAccess", Keyset.all()).items();
    assertThat(targets).containsExactly(
        new Targets.Target(f.rootId(), TargetType.ROOT, "Root"),
        new Targets.Target(f.info.managementAccountId(), TargetType.ACCOUNT, "management"),
        new Targets.Target(prod.id(), TargetType.ORGANIZATIONAL_UNIT, "Prod"),
        new Targets.Target(dev, TargetType.ACCOUNT, "Dev"));
    assertThatThrownBy(() -> f.policies.listTargetsForPolicy("p-zzzzzzzz", Keyset.all()))
        .isInstanceOf(OrganizationsErrors.PolicyNotFoundException.class);
    assertThatThrownBy(() -> f.policies.listPoliciesForTarget("999999999999", SCP, Keyset.all()))
        .isInstanceOf(OrganizationsErrors.TargetNotFoundException.class);
  }
}
