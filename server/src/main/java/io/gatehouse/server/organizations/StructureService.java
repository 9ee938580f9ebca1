package io.gatehouse.server.organizations;

import io.gatehouse.server.organizations.OrganizationsErrors.AlreadyInOrganizationException;
import io.gatehouse.server.organizations.OrganizationsErrors.ChildNotFoundException;
import io.gatehouse.server.organizations.OrganizationsErrors.ConstraintViolationException;
import io.gatehouse.server.organizations.OrganizationsErrors.DuplicateOrganizationalUnitException;
import io.gatehouse.server.organizations.OrganizationsErrors.OrganizationalUnitNotEmptyException;
import io.gatehouse.server.organizations.OrganizationsErrors.OrganizationalUnitNotFoundException;
import io.gatehouse.server.organizations.OrganizationsErrors.ParentNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The organization's shape: the organization itself, its root, OUs and the parent/child relation.
 */
final class StructureService {
  static final String ROOT_NAME = "Root";
  static final String MANAGEMENT_ACCOUNT_NAME = "management";

  private final OrganizationTransactions tx;
  private final Clock clock;
  private final OrganizationQuotas quotas;

  StructureService(OrganizationTransactions tx, Clock clock, OrganizationQuotas quotas) {
    this.tx = tx;
    this.clock = clock;
    this.quotas = quotas;
  }

  /** An organization and its (only) root, as bootstrap and CreateOrganization report them. */
  record Created(Organization organization, Root root) {}

  /**
   * Creates the organization with all features unless one exists; idempotent, and safe when several
   * servers start at once on one database (the loser of the race reads the winner's organization).
   */
  Created bootstrap(String managementAccountEmail) {
    try {
      return tx.write((h, store) -> store.organization()
          .map(org -> new Created(org, OrganizationTransactions.onlyRoot(store)))
          .orElseGet(() -> create(store, OrganizationIds.account(), managementAccountEmail, FeatureSet.ALL)));
    } catch (OrganizationRaceLostException e) {
      return tx.read(store -> new Created(store.organization().orElseThrow(), OrganizationTransactions.onlyRoot(store)));
    }
  }

  /**
   * CreateOrganization: the caller's account becomes the management account. Gatehouse holds one
   * organization, created at bootstrap, so this normally answers AlreadyInOrganizationException.
   */
  Created createOrganization(String callerAccountId, FeatureSet featureSet) {
    return tx.write((h, store) -> {
      if (store.organization().isPresent()) throw new AlreadyInOrganizationException();
      return create(store, callerAccountId, "root+" + callerAccountId + "@gatehouse.invalid", featureSet);
    });
  }

  private Created create(OrganizationStore store, String managementAccountId, String email, FeatureSet featureSet) {
    Instant now = clock.instant();
    Organization org = new Organization(OrganizationIds.organization(), featureSet, managementAccountId, now);
    if (!store.insertOrganization(org)) throw new OrganizationRaceLostException();
    Set<OrganizationPolicyType> enabled =
        featureSet == FeatureSet.ALL ? Set.of(OrganizationPolicyType.SERVICE_CONTROL_POLICY) : Set.of();
    for (Policy managed : ManagedPolicies.all()) store.upsertManagedPolicy(managed);
    Root root = new Root(OrganizationIds.root(), org.id(), ROOT_NAME, enabled);
    store.insertRoot(root);
    Targets.attachDefaults(store, root, root.id(), TargetType.ROOT);
    store.insertAccount(new Account(managementAccountId, MANAGEMENT_ACCOUNT_NAME, email, root.id(),
        AccountStatus.ACTIVE, "INVITED", now, null, root.id()));
    Targets.attachDefaults(store, root, managementAccountId, TargetType.ACCOUNT);
    return new Created(org, root);
  }

  /** Another server created the organization first; its transaction must be rolled back and re-read. */
  private static final class OrganizationRaceLostException extends RuntimeException {
    OrganizationRaceLostException() {
      super(null, null, false, false);
    }
  }

  Organization describeOrganization() {
    return tx.read(OrganizationTransactions::requireOrganization);
  }

  /** The organization's management account, for DescribeOrganization's MasterAccountEmail. */
  Account managementAccount(Organization org) {
    return tx.read(store -> store.account(org.managementAccountId()).orElseThrow());
  }

  Slice<Root> listRoots(Keyset page) {
    return tx.read(store -> store.roots(page));
  }

  /** The root of a single-root organization (every Gatehouse organization). */
  Root root() {
    return tx.read(OrganizationTransactions::onlyRoot);
  }

  // --- organizational units

  OrganizationalUnit createOrganizationalUnit(String parentId, String name, List<Tag> tags) {
    List<Tag> checkedTags = TagRules.check(tags, quotas);
    return tx.write((h, store) -> {
      OrganizationTransactions.requireOrganization(store);
      Targets.Parent parent = Targets.findParent(store, parentId).orElseThrow(() -> new ParentNotFoundException(parentId));
      int depth = parent.depth() + 1;
      if (depth > quotas.maxOuDepth()) {
        throw new ConstraintViolationException(ConstraintViolationException.Reason.OU_DEPTH_LIMIT_EXCEEDED,
            "You attempted to create an OU tree that is too many levels deep: at most " + quotas.maxOuDepth()
                + " levels of OUs below the root.");
      }
      if (store.countOrganizationalUnits() >= quotas.maxOrganizationalUnits()) {
        throw new ConstraintViolationException(ConstraintViolationException.Reason.OU_NUMBER_LIMIT_EXCEEDED,
            "You attempted to exceed the number of OUs that you can have in an organization ("
                + quotas.maxOrganizationalUnits() + ").");
      }
      if (store.organizationalUnitByName(parentId, name).isPresent()) throw new DuplicateOrganizationalUnitException(name);
      Root root = store.root(parent.rootId()).orElseThrow();
      String id = OrganizationIds.organizationalUnit(root.id());
      OrganizationalUnit ou = new OrganizationalUnit(id, root.id(), parentId, name, depth,
          parent.lineage() + "/" + id, clock.instant());
      store.insertOrganizationalUnit(ou);
      store.insertTags(id, checkedTags);
      Targets.attachDefaults(store, root, id, TargetType.ORGANIZATIONAL_UNIT);
      return ou;
    });
  }

  OrganizationalUnit describeOrganizationalUnit(String ouId) {
    return tx.read(store -> store.organizationalUnit(ouId).orElseThrow(() -> new OrganizationalUnitNotFoundException(ouId)));
  }

  /** UpdateOrganizationalUnit: renames the OU; without a name it changes nothing. */
  OrganizationalUnit updateOrganizationalUnit(String ouId, String name) {
    return tx.write((h, store) -> {
      OrganizationalUnit ou = store.organizationalUnit(ouId).orElseThrow(() -> new OrganizationalUnitNotFoundException(ouId));
      if (name == null || name.equals(ou.name())) return ou;
      if (store.organizationalUnitByName(ou.parentId(), name).isPresent()) throw new DuplicateOrganizationalUnitException(name);
      store.renameOrganizationalUnit(ouId, name);
      return ou.withName(name);
    });
  }

  void deleteOrganizationalUnit(String ouId) {
    tx.write((h, store) -> {
      store.organizationalUnit(ouId).orElseThrow(() -> new OrganizationalUnitNotFoundException(ouId));
      if (store.hasChildren(ouId)) throw new OrganizationalUnitNotEmptyException(ouId);
      store.detachAllFromTarget(ouId);
      store.deleteTags(ouId);
      store.deleteOrganizationalUnit(ouId);
      return null;
    });
  }

  Slice<OrganizationalUnit> listOrganizationalUnitsForParent(String parentId, Keyset page) {
    return tx.read(store -> {
      requireParent(store, parentId);
      return store.organizationalUnitsForParent(parentId, page);
    });
  }

  /** A child of a root or OU, as ListChildren reports it. */
  record Child(String id, TargetType type) {}

  Slice<Child> listChildren(String parentId, TargetType childType, Keyset page) {
    return tx.read(store -> {
      requireParent(store, parentId);
      return switch (childType) {
        case ORGANIZATIONAL_UNIT -> store.organizationalUnitsForParent(parentId, page)
            .map(ou -> new Child(ou.id(), TargetType.ORGANIZATIONAL_UNIT));
        case ACCOUNT -> store.accountsForParent(parentId, page).map(a -> new Child(a.id(), TargetType.ACCOUNT));
        case ROOT -> throw new IllegalArgumentException("a root is never a child");
      };
    });
  }

  /** ListParents: the one parent (root or OU) of an OU or account. */
  Child parentOf(String childId) {
    return tx.read(store -> {
      String parentId = switch (TargetType.ofId(childId)) {
        case ORGANIZATIONAL_UNIT -> store.organizationalUnit(childId).map(OrganizationalUnit::parentId).orElse(null);
        case ACCOUNT -> store.account(childId).map(Account::parentId).orElse(null);
        case ROOT -> null;
      };
      if (parentId == null) throw new ChildNotFoundException(childId);
      return new Child(parentId, TargetType.ofId(parentId));
    });
  }

  private static void requireParent(OrganizationStore store, String parentId) {
    OrganizationTransactions.requireOrganization(store);
    if (Targets.findParent(store, parentId).isEmpty()) throw new ParentNotFoundException(parentId);
  }
}
