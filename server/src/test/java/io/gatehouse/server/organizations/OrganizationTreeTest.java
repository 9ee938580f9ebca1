package io.gatehouse.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read model the authorizer snapshots. */
class OrganizationTreeTest {
  private final OrganizationsFixture f = new OrganizationsFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void anAccountsLevelsRunFromTheRootThroughItsOusWithTheirPolicies() {
    OrganizationalUnit prod = f.ou(f.rootId(), "Prod");
    OrganizationalUnit web = f.ou(prod.id(), "Web");
    String dev = f.account("Dev");
    f.accounts.moveAccount(dev, f.rootId(), web.id());
    Policy deny = f.scp("DenyS3", OrganizationsFixture.DENY_S3);
    f.policies.attachPolicy(deny.id(), prod.id());

    OrganizationTree tree = f.feature.tree();
    assertThat(tree.exists()).isTrue();
    assertThat(tree.organizationId()).contains(f.info.organizationId());
    assertThat(tree.rootId()).contains(f.rootId());
    assertThat(tree.isManagementAccount(f.info.managementAccountId())).isTrue();
    assertThat(tree.isManagementAccount(dev)).isFalse();
    assertThat(tree.isMember(dev)).isTrue();
    assertThat(tree.isMember("999999999999")).isFalse();
    assertThat(tree.serviceControlPoliciesEnabled()).isTrue();
    assertThat(tree.resourceControlPoliciesEnabled()).isFalse();

    List<OrganizationTree.Level> levels = tree.levels(dev);
    assertThat(levels).extracting(OrganizationTree.Level::targetId).containsExactly(f.rootId(), prod.id(), web.id(), dev);
    assertThat(levels.get(1).serviceControlPolicies()).extracting(OrganizationTree.AttachedPolicy::id)
        .containsExactly("p-FullAWSAccess", deny.id());
    OrganizationTree.AttachedPolicy attached = levels.get(1).serviceControlPolicies().get(1);
    assertThat(attached.document()).isEqualTo(OrganizationsFixture.DENY_S3);
    assertThat(attached.arn()).isEqualTo("arn:aws:organizations::" + f.info.managementAccountId() + ":policy/"
        + f.info.organizationId() + "/service_control_policy/" + deny.id());
    assertThat(levels).allSatisfy(l -> assertThat(l.resourceControlPolicies()).isEmpty());
    assertThat(tree.orgPath(dev)).contains(f.info.organizationId() + "/" + f.rootId() + "/" + prod.id() + "/" + web.id() + "/");
    assertThat(tree.orgPath(f.info.managementAccountId())).contains(f.info.organizationId() + "/" + f.rootId() + "/");
    assertThat(tree.levels("999999999999")).isEmpty();
  }

  @Test
  void aNewSnapshotSeesEveryChangeAndTheOldOneDoesNot() {
    OrganizationTree before = f.feature.tree();
    String dev = f.account("Dev");
    f.policies.enablePolicyType(f.rootId(), "RESOURCE_CONTROL_POLICY");

    OrganizationTree after = f.feature.tree();
    assertThat(before.isMember(dev)).isFalse();
    assertThat(after.isMember(dev)).isTrue();
    assertThat(after.resourceControlPoliciesEnabled()).isTrue();
    assertThat(after.levels(dev)).allSatisfy(l ->
        assertThat(l.resourceControlPolicies()).extracting(OrganizationTree.AttachedPolicy::name).containsExactly("RCPFullAWSAccess"));
  }

  @Test
  void withoutAnOrganizationTheTreeIsEmpty() {
    try (OrganizationsFixture fresh = new OrganizationsFixture(TestDatabases.h2(), false)) {
      OrganizationTree tree = fresh.feature.tree();
      assertThat(tree.exists()).isFalse();
      assertThat(tree.organizationId()).isEmpty();
      assertThat(tree.levels("123456789012")).isEmpty();
    }
  }
}
