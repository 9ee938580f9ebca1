package io.gatehouse.server.authz;

import io.gatehouse.policy.Policy;
import io.gatehouse.policy.PolicyLimits;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.server.organizations.OrganizationTree;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link OrganizationTree} with its SCPs compiled once per account path, named by their
 * ARNs (for denial messages). Built when the tree changes; requests only look up.
 */
final class CompiledOrganization {
  /** Stored SCPs were validated when written; evaluation does not reject them later. */
  private static final PolicyParser EVALUATION = PolicyParser.lenient(PolicyLimits.unlimitedSize());

  final OrganizationTree tree;
  private final ConcurrentHashMap<String, List<List<Policy>>> scpLevels = new ConcurrentHashMap<>();

  CompiledOrganization(OrganizationTree tree) {
    this.tree = tree;
  }

  /** The management account's id, or null without an organization. */
  String managementAccountId() {
    return tree.managementAccountId().orElse(null);
  }

  /**
   * The SCP levels (root first, the account last) that restrict principals of {@code accountId};
   * empty for the management account, an account outside the organization, or when SCPs are not
   * enabled.
   */
  List<List<Policy>> serviceControlPolicies(String accountId) {
    if (!tree.serviceControlPoliciesEnabled() || tree.isManagementAccount(accountId) || !tree.isMember(accountId)) {
      return List.of();
    }
    return scpLevels.computeIfAbsent(accountId, this::compile);
  }

  private List<List<Policy>> compile(String accountId) {
    List<List<Policy>> levels = new ArrayList<>();
    for (OrganizationTree.Level level : tree.levels(accountId)) {
      List<Policy> atLevel = new ArrayList<>();
      for (OrganizationTree.AttachedPolicy p : level.serviceControlPolicies()) {
        // a document that no longer compiles allows nothing at its level, as an empty SCP would
        EVALUATION.check(p.document(), PolicyType.SERVICE_CONTROL).policy().map(c -> c.named(p.arn())).ifPresent(atLevel::add);
      }
      levels.add(List.copyOf(atLevel));
    }
    return List.copyOf(levels);
  }
}
