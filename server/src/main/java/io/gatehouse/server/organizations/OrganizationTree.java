package io.gatehouse.server.organizations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of what authorization needs from the organization: each account's path
 * from the root through its OUs, and the SCP and RCP documents attached at every level. Loaded in
 * one read by {@link OrganizationsFeature#tree()}; the authorizer keeps it in memory and reloads it
 * when the change-log topic {@code organizations} advances.
 */
public final class OrganizationTree {

  /** A policy attached at one level, with its JSON document. */
  public record AttachedPolicy(String id, String arn, String name, boolean awsManaged, String document) {}

  /**
   * One level of an account's path — the root, an OU, or the account itself — and the policies of
   * each type attached there. A type that is not enabled in the root has no policies at any level.
   */
  public record Level(String targetId, List<AttachedPolicy> serviceControlPolicies,
      List<AttachedPolicy> resourceControlPolicies) {
    public Level {
      serviceControlPolicies = List.copyOf(serviceControlPolicies);
      resourceControlPolicies = List.copyOf(resourceControlPolicies);
    }
  }

  private static final OrganizationTree EMPTY =
      new OrganizationTree(null, null, null, false, false, Map.of(), Map.of(), Map.of(), Set.of(), Set.of());

  private final String organizationId;
  private final String managementAccountId;
  private final String rootId;
  private final boolean scpEnabled;
  private final boolean rcpEnabled;
  /** account id → levels from the root down to the account. */
  private final Map<String, List<Level>> levels;
  /** account id → the aws:PrincipalOrgPaths value: {@code o-…/r-…/ou-…/}, the path of its parent. */
  private final Map<String, String> orgPaths;
  /** account id → its tags (key → value); accounts without tags are absent. */
  private final Map<String, Map<String, String>> accountTags;
  private final Set<String> activeAccounts;
  private final Set<String> organizationalUnits;

  private OrganizationTree(String organizationId, String managementAccountId, String rootId, boolean scpEnabled,
      boolean rcpEnabled, Map<String, List<Level>> levels, Map<String, String> orgPaths,
      Map<String, Map<String, String>> accountTags, Set<String> activeAccounts, Set<String> organizationalUnits) {
    this.organizationId = organizationId;
    this.managementAccountId = managementAccountId;
    this.rootId = rootId;
    this.scpEnabled = scpEnabled;
    this.rcpEnabled = rcpEnabled;
    this.levels = Map.copyOf(levels);
    this.orgPaths = Map.copyOf(orgPaths);
    this.accountTags = Map.copyOf(accountTags);
    this.activeAccounts = Set.copyOf(activeAccounts);
    this.organizationalUnits = Set.copyOf(organizationalUnits);
  }

  /** The tree of a server that has no organization (yet). */
  public static OrganizationTree empty() {
    return EMPTY;
  }

  /** Reads the whole organization through one store (one transaction). */
  static OrganizationTree load(OrganizationStore store) {
    Optional<Organization> found = store.organization();
    if (found.isEmpty()) return EMPTY;
    Organization org = found.get();
    Root root = OrganizationTransactions.onlyRoot(store);

    Map<String, List<AttachedPolicy>> scps = new HashMap<>();
    Map<String, List<AttachedPolicy>> rcps = new HashMap<>();
    for (OrganizationStore.AttachedPolicyRow row : store.allAttachments()) {
      Policy p = row.policy();
      var byTarget = switch (p.type()) {
        case SERVICE_CONTROL_POLICY -> scps;
        case RESOURCE_CONTROL_POLICY -> rcps;
      };
      byTarget.computeIfAbsent(row.attachment().targetId(), k -> new ArrayList<>())
          .add(new AttachedPolicy(p.id(), p.arn(org), p.name(), p.awsManaged(), p.content()));
    }
    Map<String, Level> levelOf = new HashMap<>();
    java.util.function.Function<String, Level> level = id -> levelOf.computeIfAbsent(id,
        k -> new Level(k, scps.getOrDefault(k, List.of()), rcps.getOrDefault(k, List.of())));

    Map<String, String> ouLineage = new HashMap<>();
    for (OrganizationalUnit ou : store.allOrganizationalUnits()) ouLineage.put(ou.id(), ou.lineage());

    Map<String, Map<String, String>> accountTags = new HashMap<>();
    store.allAccountTags().forEach((id, tags) -> {
      Map<String, String> byKey = new HashMap<>();
      for (Tag t : tags) byKey.put(t.key(), t.value());
      accountTags.put(id, Map.copyOf(byKey));
    });
    Set<String> active = new HashSet<>();
    Map<String, List<Level>> levels = new HashMap<>();
    Map<String, String> orgPaths = new HashMap<>();
    for (Account account : store.allAccounts()) {
      if (account.status() == AccountStatus.ACTIVE) active.add(account.id());
      String parentLineage = ouLineage.getOrDefault(account.parentId(), account.parentId());
      List<Level> path = new ArrayList<>();
      for (String id : parentLineage.split("/")) path.add(level.apply(id));
      path.add(level.apply(account.id()));
      levels.put(account.id(), List.copyOf(path));
      orgPaths.put(account.id(), org.id() + "/" + parentLineage + "/");
    }
    return new OrganizationTree(org.id(), org.managementAccountId(), root.id(),
        root.enabled(OrganizationPolicyType.SERVICE_CONTROL_POLICY),
        root.enabled(OrganizationPolicyType.RESOURCE_CONTROL_POLICY), levels, orgPaths, accountTags, active,
        ouLineage.keySet());
  }

  public boolean exists() {
    return organizationId != null;
  }

  /** {@code o-…}, or empty without an organization. */
  public Optional<String> organizationId() {
    return Optional.ofNullable(organizationId);
  }

  public Optional<String> managementAccountId() {
    return Optional.ofNullable(managementAccountId);
  }

  public Optional<String> rootId() {
    return Optional.ofNullable(rootId);
  }

  public boolean isManagementAccount(String accountId) {
    return accountId != null && accountId.equals(managementAccountId);
  }

  /** True for the management account and every member account (closed ones too). */
  public boolean isMember(String accountId) {
    return levels.containsKey(accountId);
  }

  public boolean serviceControlPoliciesEnabled() {
    return scpEnabled;
  }

  public boolean resourceControlPoliciesEnabled() {
    return rcpEnabled;
  }

  /**
   * The levels from the root through each OU down to the account itself, each with its attached
   * SCPs and RCPs; empty for an account outside the organization. (SCPs and RCPs do not apply to
   * the management account: that exemption is the authorizer's to make.)
   */
  public List<Level> levels(String accountId) {
    return levels.getOrDefault(accountId, List.of());
  }

  /** The value of {@code aws:PrincipalOrgPaths} for principals of the account. */
  public Optional<String> orgPath(String accountId) {
    return Optional.ofNullable(orgPaths.get(accountId));
  }

  /** Every account of the organization (the management account, members, closed ones too). */
  public Set<String> accountIds() {
    return levels.keySet();
  }

  /** True for an account whose status is ACTIVE (not being closed, suspended or closed). */
  public boolean isActive(String accountId) {
    return activeAccounts.contains(accountId);
  }

  /** The account's tags, key → value; empty for an account without tags or outside the organization. */
  public Map<String, String> accountTags(String accountId) {
    return accountTags.getOrDefault(accountId, Map.of());
  }

  /** True if the OU exists. */
  public boolean hasOrganizationalUnit(String ouId) {
    return organizationalUnits.contains(ouId);
  }

  /** True if the account lies under the root or OU {@code parentId}, directly or through nested OUs. */
  public boolean isUnder(String accountId, String parentId) {
    for (Level l : levels(accountId)) {
      if (l.targetId().equals(parentId) && !l.targetId().equals(accountId)) return true;
    }
    return false;
  }
}
