package io.gatehouse.server.assignmentrules;

import io.gatehouse.server.assignments.AssignmentRequests;
import io.gatehouse.server.assignments.AssignmentTarget;
import io.gatehouse.server.assignments.PrincipalType;
import io.gatehouse.server.core.AwsException;
import io.gatehouse.server.organizations.OrganizationTree;
import io.gatehouse.server.storage.ChangeLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciler: makes the assignments of every rule (those whose origin is the rule) equal to
 * what the rule asks for in the organization as it stands — one assignment per active account in
 * the rule's scope — by ensuring the missing ones and removing the ones no longer in scope, all in
 * the caller's transaction. Running it twice changes nothing the second time; the caller holds the
 * rule lock ({@link RuleStore#lock}), so expansions on several servers run one after the other and
 * each sees what the previous one committed.
 *
 * <p>Removals of every rule come before any rule's additions, so that when two rules cover the
 * same assignment and the one that made it stops covering it, the other can take it over.
 */
final class RuleExpansion {
  private static final Logger LOG = LoggerFactory.getLogger(RuleExpansion.class);
  private static final String SAVEPOINT = "assignment_rule";

  private final RuleStore store;
  private final AssignmentRequests assignments;
  private final Function<Handle, OrganizationTree> organization;
  private final PermissionSetLookup permissionSets;
  private final Principals principals;

  RuleExpansion(RuleStore store, AssignmentRequests assignments, Function<Handle, OrganizationTree> organization,
      PermissionSetLookup permissionSets, Principals principals) {
    this.store = store;
    this.assignments = assignments;
    this.organization = organization;
    this.permissionSets = permissionSets;
    this.principals = principals;
  }

  /** What one expansion did. */
  record Result(int ensured, int removed, List<String> failedRuleIds) {
    static final Result NOTHING = new Result(0, 0, List.of());
  }

  /**
   * Expands every rule. A rule whose assignments cannot be made (its principal was deleted, say)
   * keeps the assignments it has, records why in its status reason, and the other rules go on —
   * except {@code strictRuleId} (the rule being created), whose failure fails the transaction.
   *
   * @param strictRuleId the rule whose errors propagate, or null
   */
  Result expand(Handle h, String strictRuleId) {
    List<AssignmentRule> rules = store.all(h);
    if (rules.isEmpty()) return Result.NOTHING;
    OrganizationTree tree = organization.apply(h);
    List<String> activeAccounts = tree.accountIds().stream().filter(tree::isActive).sorted().toList();

    int removed = 0;
    Map<String, Optional<RuleStore.InstanceRef>> instances = new HashMap<>();
    List<Plan> plans = new ArrayList<>(rules.size());
    for (AssignmentRule rule : rules) {
      String gone = missingReference(h, rule, instances);
      Set<AssignmentTarget> desired = new LinkedHashSet<>();
      if (gone == null) {
        for (String account : activeAccounts) {
          if (rule.scope().covers(tree, account)) desired.add(rule.target(account));
        }
      }
      Set<AssignmentTarget> actual = new LinkedHashSet<>(assignments.listByOrigin(h, rule.origin()));
      for (AssignmentTarget t : actual) {
        if (!desired.contains(t) && assignments.remove(h, t, rule.origin())) removed++;
      }
      desired.removeAll(actual);
      plans.add(new Plan(rule, gone, List.copyOf(desired)));
    }

    int ensured = 0;
    boolean statusChanged = false;
    List<String> failed = new ArrayList<>();
    for (Plan plan : plans) {
      AssignmentRule rule = plan.rule();
      String reason = plan.missingReference();
      if (rule.id().equals(strictRuleId)) {
        ensured += ensureAll(h, rule, plan.missing());
      } else if (!plan.missing().isEmpty()) {
        h.savepoint(SAVEPOINT);
        try {
          ensured += ensureAll(h, rule, plan.missing());
          h.releaseSavepoint(SAVEPOINT);
        } catch (RuntimeException e) {
          h.rollbackToSavepoint(SAVEPOINT);
          reason = reasonOf(rule, e);
          failed.add(rule.id());
        }
      }
      if (!Objects.equals(reason, rule.statusReason())) {
        store.updateStatusReason(h, rule.id(), reason);
        statusChanged = true;
      }
    }
    if (statusChanged) ChangeLog.append(h, AssignmentRulesFeature.TOPIC);
    return new Result(ensured, removed, List.copyOf(failed));
  }

  /** Requests the deletion of every assignment the rule made; returns how many. */
  int removeAll(Handle h, AssignmentRule rule) {
    int removed = 0;
    for (AssignmentTarget t : assignments.listByOrigin(h, rule.origin())) {
      if (assignments.remove(h, t, rule.origin())) removed++;
    }
    return removed;
  }

  private int ensureAll(Handle h, AssignmentRule rule, List<AssignmentTarget> missing) {
    int made = 0;
    for (AssignmentTarget t : missing) {
      if (assignments.ensure(h, t, rule.origin())) made++;
    }
    return made;
  }

  private static String reasonOf(AssignmentRule rule, RuntimeException e) {
    if (e instanceof AwsException aws) {
      LOG.info("assignment rule {} cannot expand: {} {}", rule.id(), aws.code(), aws.getMessage());
      return aws.code() + ": " + aws.getMessage();
    }
    LOG.error("assignment rule {} failed to expand", rule.id(), e);
    return "The rule could not be expanded because of an internal error; it is retried at the next change.";
  }

  /**
   * Why the rule can assign nothing now — its instance, permission set or principal is gone — or
   * null. Such a rule keeps existing (and says so) and takes back what it made.
   */
  private String missingReference(Handle h, AssignmentRule rule, Map<String, Optional<RuleStore.InstanceRef>> instances) {
    Optional<RuleStore.InstanceRef> instance = instances.computeIfAbsent(rule.instanceArn(), arn -> store.instance(h, arn));
    if (instance.isEmpty()) return "The instance " + rule.instanceArn() + " no longer exists; the rule assigns nothing.";
    if (!permissionSets.exists(h, rule.instanceArn(), rule.permissionSetArn())) {
      return "The permission set " + rule.permissionSetArn() + " no longer exists; the rule assigns nothing.";
    }
    if (!principals.exist(instance.get().identityStoreId(), rule.principalType(), rule.principalId())) {
      return "The " + (rule.principalType() == PrincipalType.USER ? "user " : "group ") + rule.principalId()
          + " no longer exists; the rule assigns nothing.";
    }
    return null;
  }

  /** @param missingReference why the rule assigns nothing, or null */
  private record Plan(AssignmentRule rule, String missingReference, List<AssignmentTarget> missing) {}
}
