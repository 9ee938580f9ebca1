package io.gatehouse.server.organizations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.core.AwsException;
import io.gatehouse.server.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The organization, its root and OUs. */
class StructureServiceTest {
  private final OrganizationsFixture f = new OrganizationsFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void bootstrapCreatesTheOrganizationWithAllFeaturesAndScpsEnabled() {
    assertThat(f.info.organizationId()).matches("o-[a-z0-9]{10}");
    assertThat(f.info.rootId()).matches("r-[a-z0-9]{4}");
    assertThat(f.info.managementAccountId()).matches("[1-9]\\d{11}");

    Organization org = f.structure.describeOrganization();
    assertThat(org.featureSet()).isEqualTo(FeatureSet.ALL);
    assertThat(org.managementAccountId()).isEqualTo(f.info.managementAccountId());
    Root root = f.structure.root();
    assertThat(root.name()).isEqualTo("Root");
    assertThat(root.enabledPolicyTypes()).containsExactly(OrganizationPolicyType.SERVICE_CONTROL_POLICY);

    Account management = f.accounts.describeAccount(f.info.managementAccountId());
    assertThat(management.name()).isEqualTo("management");
    assertThat(management.email()).isEqualTo(OrganizationsFixture.MANAGEMENT_EMAIL);
    assertThat(management.parentId()).isEqualTo(f.rootId());
    assertThat(management.status()).isEqualTo(AccountStatus.ACTIVE);

    assertThat(f.attachedIds(f.rootId(), "SERVICE_CONTROL_POLICY")).containsExactly("p-FullAWSAccess");
    assertThat(f.attachedIds(f.info.managementAccountId(), "SERVICE_CONTROL_POLICY")).containsExactly("p-FullAWSAccess");
  }

  @Test
  void bootstrapIsIdempotent() {
    OrganizationInfo again = f.feature.bootstrap("someone-else@example.com");
    assertThat(again).isEqualTo(f.info);
    assertThat(f.accounts.listAccounts(Keyset.all()).items()).hasSize(1);
    assertThat(f.accounts.describeAccount(f.info.managementAccountId()).email()).isEqualTo(OrganizationsFixture.MANAGEMENT_EMAIL);
  }

  @Test
  void concurrentBootstrapsOnOneDatabaseAgreeOnOneOrganization() throws Exception {
    try (OrganizationsFixture fresh = new OrganizationsFixture(TestDatabases.h2(), false)) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<OrganizationInfo>> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) starts.add(() -> new OrganizationsFeature(fresh.db, fresh.clock).bootstrap("a@example.com"));
        List<OrganizationInfo> infos = new ArrayList<>();
        for (Future<OrganizationInfo> result : pool.invokeAll(starts)) infos.add(result.get());
        assertThat(Set.copyOf(infos)).hasSize(1);
        assertThat(fresh.accounts.listAccounts(Keyset.all()).items()).hasSize(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void createOrganizationAfterBootstrapIsAlreadyInOrganization() {
    assertThatThrownBy(() -> f.structure.createOrganization(f.info.managementAccountId(), FeatureSet.ALL))
        .isInstanceOf(OrganizationsErrors.AlreadyInOrganizationException.class)
        .extracting(e -> ((AwsException) e).code()).isEqualTo("AlreadyInOrganizationException");
  }

  @Test
  void withoutAnOrganizationReadsAreNotInUseAndCreateOrganizationMakesTheCallerManagement() {
    try (OrganizationsFixture fresh = new OrganizationsFixture(TestDatabases.h2(), false)) {
      assertThatThrownBy(fresh.structure::describeOrganization)
          .isInstanceOf(OrganizationsErrors.AWSOrganizationsNotInUseException.class);
      StructureService.Created created = fresh.structure.createOrganization("123456789012", FeatureSet.CONSOLIDATED_BILLING);
      assertThat(created.organization().managementAccountId()).isEqualTo("123456789012");
      assertThat(created.root().enabledPolicyTypes()).isEmpty();
      assertThat(fresh.attachedIds(created.root().id(), "SERVICE_CONTROL_POLICY")).isEmpty();
      assertThatThrownBy(() -> fresh.policies.enablePolicyType(created.root().id(), "SERVICE_CONTROL_POLICY"))
          .isInstanceOf(OrganizationsErrors.PolicyTypeNotAvailableForOrganizationException.class);
    }
  }

  @Test
  void anOuGetsAnIdUnderItsRootAPathAndFullAwsAccess() {
    OrganizationalUnit prod = f.ou(f.rootId(), "Prod");
    OrganizationalUnit web = f.ou(prod.id(), "Web");
    String rootSuffix = f.rootId().substring(2);
    assertThat(prod.id()).matches("ou-" + rootSuffix + "-[a-z0-9]{8}");
    assertThat(web.path(f.info.organizationId()))
        .isEqualTo(f.info.organizationId() + "/" + f.rootId() + "/" + prod.id() + "/" + web.id() + "/");
    assertThat(f.structure.describeOrganizationalUnit(web.id())).isEqualTo(web);
    assertThat(f.attachedIds(web.id(), "SERVICE_CONTROL_POLICY")).containsExactly("p-FullAWSAccess");
  }

  @Test
  void ousNestFiveLevelsDeepAndNoDeeper() {
    String parent = f.rootId();
    for (int level = 1; level <= 5; level++) parent = f.ou(parent, "level" + level).id();
    String deepest = parent;
    assertThatThrownBy(() -> f.ou(deepest, "level6"))
        .isInstanceOfSatisfying(OrganizationsErrors.ConstraintViolationException.class, e -> {
          assertThat(e.reason()).isEqualTo(OrganizationsErrors.ConstraintViolationException.Reason.OU_DEPTH_LIMIT_EXCEEDED);
          assertThat(e.fields()).containsEntry("Reason", "OU_DEPTH_LIMIT_EXCEEDED");
        });
  }

  @Test
  void ouNamesAreUniqueUnderOneParentOnly() {
    OrganizationalUnit prod = f.ou(f.rootId(), "Prod");
    assertThatThrownBy(() -> f.ou(f.rootId(), "Prod"))
        .isInstanceOf(OrganizationsErrors.DuplicateOrganizationalUnitException.class);
    assertThat(f.ou(prod.id(), "Prod").parentId()).isEqualTo(prod.id());
  }

  @Test
  void anOuNeedsAnExistingParent() {
    assertThatThrownBy(() -> f.ou("ou-zzzz-zzzzzzzz", "x")).isInstanceOf(OrganizationsErrors.ParentNotFoundException.class);
    assertThatThrownBy(() -> f.ou("r-zzzz", "x")).isInstanceOf(OrganizationsErrors.ParentNotFoundException.class);
  }

  @Test
  void updateRenamesUnlessASiblingHasTheName() {
    OrganizationalUnit prod = f.ou(f.rootId(), "Prod");
    f.ou(f.rootId(), "Dev");
    assertThat(f.structure.updateOrganizationalUnit(prod.id(), "Production").name()).isEqualTo("Production");
    assertThat(f.structure.describeOrganizationalUnit(prod.id()).name()).isEqualTo("Production");
    assertThat(f.structure.updateOrganizationalUnit(prod.id(), null).name()).isEqualTo("Production");
    assertThatThrownBy(() -> f.structure.updateOrganizationalUnit(prod.id(), "Dev"))
        .isInstanceOf(OrganizationsErrors.DuplicateOrganizationalUnitException.class);
    assertThatThrownBy(() -> f.structure.updateOrganizationalUnit("ou-zzzz-zzzzzzzz", "x"))
        .isInstanceOf(OrganizationsErrors.OrganizationalUnitNotFoundException.class);
  }

  @Test
  void onlyAnEmptyOuCanBeDeleted() {
    OrganizationalUnit prod = f.ou(f.rootId(), "Prod");
    OrganizationalUnit web = f.ou(prod.id(), "Web");
    assertThatThrownBy(() -> f.structure.deleteOrganizationalUnit(prod.id()))
        .isInstanceOf(OrganizationsErrors.OrganizationalUnitNotEmptyException.class);

    String account = f.account("Web1");
    f.accounts.moveAccount(account, f.rootId(), web.id());
    assertThatThrownBy(() -> f.structure.deleteOrganizationalUnit(web.id()))
        .isInstanceOf(OrganizationsErrors.OrganizationalUnitNotEmptyException.class);

    f.accounts.moveAccount(account, web.id(), f.rootId());
    f.structure.deleteOrganizationalUnit(web.id());
    f.structure.deleteOrganizationalUnit(prod.id());
    assertThatThrownBy(() -> f.structure.describeOrganizationalUnit(web.id()))
        .isInstanceOf(OrganizationsErrors.OrganizationalUnitNotFoundException.class);
    assertThatThrownBy(() -> f.structure.deleteOrganizationalUnit(web.id()))
        .isInstanceOf(OrganizationsErrors.OrganizationalUnitNotFoundException.class);
    assertThat(f.policies.listTargetsForPolicy("p-FullAWSAccess", Keyset.all()).items())
        .extracting(Targets.Target::id).doesNotContain(web.id(), prod.id());
  }

  @Test
  void listsPageThroughOusAndChildrenOfEachType() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) created.add(f.ou(f.rootId(), "ou" + i).id());
    String member = f.account("Member");

    List<String> seen = new ArrayList<>();
    Keyset page = new Keyset(0, 2);
    while (true) {
      Slice<OrganizationalUnit> slice = f.structure.listOrganizationalUnitsForParent(f.rootId(), page);
      assertThat(slice.items().size()).isLessThanOrEqualTo(2);
      slice.items().forEach(ou -> seen.add(ou.id()));
      if (slice.nextToken() == null) break;
      page = Keyset.of(slice.nextToken(), 2);
    }
    assertThat(seen).containsExactlyElementsOf(created);

    assertThat(f.structure.listChildren(f.rootId(), TargetType.ORGANIZATIONAL_UNIT, Keyset.all()).items())
        .extracting(StructureService.Child::id).containsExactlyElementsOf(created);
    assertThat(f.structure.listChildren(f.rootId(), TargetType.ACCOUNT, Keyset.all()).items())
        .extracting(StructureService.Child::id).containsExactly(f.info.managementAccountId(), member);
    assertThatThrownBy(() -> f.structure.listChildren("ou-zzzz-zzzzzzzz", TargetType.ACCOUNT, Keyset.all()))
        .isInstanceOf(OrganizationsErrors.ParentNotFoundException.class);
    assertThatThrownBy(() -> f.structure.listOrganizationalUnitsForParent("r-zzzz", Keyset.all()))
        .isInstanceOf(OrganizationsErrors.ParentNotFoundException.class);
  }

  @Test
  void listParentsNamesTheOneParent() {
    OrganizationalUnit prod = f.ou(f.rootId(), "Prod");
    OrganizationalUnit web = f.ou(prod.id(), "Web");
    String member = f.account("Member");
    f.accounts.moveAccount(member, f.rootId(), web.id());
    assertThat(f.structure.parentOf(web.id())).isEqualTo(new StructureService.Child(prod.id(), TargetType.ORGANIZATIONAL_UNIT));
    assertThat(f.structure.parentOf(prod.id())).isEqualTo(new StructureService.Child(f.rootId(), TargetType.ROOT));
    assertThat(f.structure.parentOf(member)).isEqualTo(new StructureService.Child(web.id(), TargetType.ORGANIZATIONAL_UNIT));
    assertThatThrownBy(() -> f.structure.parentOf("999999999999")).isInstanceOf(OrganizationsErrors.ChildNotFoundException.class);
    assertThatThrownBy(() -> f.structure.parentOf("ou-zzzz-zzzzzzzz")).isInstanceOf(OrganizationsErrors.ChildNotFoundException.class);
  }

  @Test
  void everyWriteAdvancesTheChangeLog() {
    long before = changes();
    f.ou(f.rootId(), "Prod");
    assertThat(changes()).isEqualTo(before + 1);
    assertThatThrownBy(() -> f.ou(f.rootId(), "Prod")).isInstanceOf(AwsException.class);
    assertThat(changes()).as("a failed write is rolled back with its change-log row").isEqualTo(before + 1);
  }

  private long changes() {
    return f.db.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM change_log WHERE topic = 'organizations'")
        .mapTo(Long.class).one());
  }
}
