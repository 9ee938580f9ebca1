package io.gatehouse.server.assignmentrules;

import io.gatehouse.server.assignments.AssignmentRequests;
import io.gatehouse.server.assignments.AssignmentTarget;
import io.gatehouse.server.assignments.PrincipalType;
import io.gatehouse.server.assignmentrules.RuleErrors.AccessDeniedException;
import io.gatehouse.server.assignmentrules.RuleErrors.ConflictException;
import io.gatehouse.server.assignmentrules.RuleErrors.ResourceNotFoundException;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.core.PageToken;
import io.gatehouse.server.organizations.OrganizationTree;
import io.gatehouse.server.storage.ChangeLog;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The rules of assignment rules: who may manage them (the management account that owns the
 * instance), what a valid rule is, and one transaction per write that holds the rule lock and
 * expands the rules before it commits, so a rule and its assignments appear and go together.
 */
final class AssignmentRuleService {
  static final int DEFAULT_PAGE = 100;

  private final Database db;
  private final Clock clock;
  private final RuleStore store;
  private final RuleExpansion expansion;
  private final AssignmentRequests assignments;
  private final Function<Handle, OrganizationTree> organization;
  private final Principals principals;
  private final PermissionSetLookup permissionSets;

  AssignmentRuleService(Database db, Clock clock, RuleStore store, RuleExpansion expansion, AssignmentRequests assignments,
      Function<Handle, OrganizationTree> organization, Principals principals, PermissionSetLookup permissionSets) {
    this.db = db;
    this.clock = clock;
    this.store = store;
    this.expansion = expansion;
    this.assignments = assignments;
    this.organization = organization;
    this.principals = principals;
    this.permissionSets = permissionSets;
  }

  /** A rule with what it covers now. */
  record Described(AssignmentRule rule, int accountsInScope, int assignmentCount) {}

  record RulePage(List<Described> rules, String nextToken) {}

  record AssignmentPage(List<AssignmentTarget> assignments, String nextToken) {}

  /** What CreateAssignmentRule asks for. */
  record NewRule(String instanceArn, String permissionSetArn, PrincipalType principalType, String principalId,
      RuleScope scope, String description) {}

  Described create(String callerAccountId, NewRule request) {
    return db.inTransaction(h -> {
      store.lock(h);
      RuleStore.InstanceRef instance = administered(h, callerAccountId, request.instanceArn());
      OrganizationTree tree = organization.apply(h);
      if (request.scope() instanceof RuleScope.OrganizationalUnit ou
          && !ou.parentId().equals(tree.rootId().orElse(null)) && !tree.hasOrganizationalUnit(ou.parentId())) {
        throw new ResourceNotFoundException("The organizational unit " + ou.parentId() + " does not exist.");
      }
      if (!permissionSets.exists(h, request.instanceArn(), request.permissionSetArn())) {
        throw new ResourceNotFoundException("The permission set " + request.permissionSetArn() + " does not exist.");
      }
      requirePrincipal(instance.identityStoreId(), request.principalType(), request.principalId());
      AssignmentRule rule = new AssignmentRule("ar-" + Ids.hex(16), request.instanceArn(), request.permissionSetArn(),
          request.principalType(), request.principalId(), request.scope(), request.description(),
          clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
      for (AssignmentRule existing : store.all(h)) {
        if (existing.sameAs(rule)) {
          throw new ConflictException("Assignment rule " + existing.id() + " already gives this principal this"
              + " permission set in this scope.");
        }
      }
      store.insert(h, rule);
      expansion.expand(h, rule.id());
      ChangeLog.append(h, AssignmentRulesFeature.TOPIC);
      return describe(h, tree, rule);
    });
  }

  Described describe(String callerAccountId, String instanceArn, String ruleId) {
    return db.withHandle(h -> {
      administered(h, callerAccountId, instanceArn);
      return describe(h, organization.apply(h), rule(h, instanceArn, ruleId));
    });
  }

  RulePage list(String callerAccountId, String instanceArn, Integer maxResults, String nextToken) {
    int limit = maxResults == null ? DEFAULT_PAGE : maxResults;
    long after = seqOf(PageToken.decode(nextToken));
    return db.withHandle(h -> {
      administered(h, callerAccountId, instanceArn);
      List<RuleStore.Sequenced> rows = store.list(h, instanceArn, after, limit + 1);
      OrganizationTree tree = organization.apply(h);
      List<RuleStore.Sequenced> page = rows.size() > limit ? rows.subList(0, limit) : rows;
      String next = rows.size() > limit ? PageToken.encode(Long.toString(page.getLast().seq())) : null;
      return new RulePage(page.stream().map(r -> describe(h, tree, r.rule())).toList(), next);
    });
  }

  AssignmentPage assignments(String callerAccountId, String instanceArn, String ruleId, Integer maxResults,
      String nextToken) {
    int limit = maxResults == null ? DEFAULT_PAGE : maxResults;
    String afterAccount = PageToken.decode(nextToken);
    return db.withHandle(h -> {
      administered(h, callerAccountId, instanceArn);
      AssignmentRule rule = rule(h, instanceArn, ruleId);
      List<AssignmentTarget> all = assignments.listByOrigin(h, rule.origin()).stream()
          .filter(t -> afterAccount == null || t.accountId().compareTo(afterAccount) > 0)
          .sorted(Comparator.comparing(AssignmentTarget::accountId))
          .toList();
      if (all.size() <= limit) return new AssignmentPage(all, null);
      List<AssignmentTarget> page = all.subList(0, limit);
      return new AssignmentPage(List.copyOf(page), PageToken.encode(page.getLast().accountId()));
    });
  }

  /** Deletes the rule and requests the deletion of exactly the assignments it made. */
  void delete(String callerAccountId, String instanceArn, String ruleId) {
    db.inTransaction(h -> {
      store.lock(h);
      administered(h, callerAccountId, instanceArn);
      AssignmentRule rule = rule(h, instanceArn, ruleId);
      expansion.removeAll(h, rule);
      store.delete(h, rule.id());
      // Another rule covering an assignment this one made may take it over now.
      expansion.expand(h, null);
      ChangeLog.append(h, AssignmentRulesFeature.TOPIC);
      return null;
    });
  }

  private Described describe(Handle h, OrganizationTree tree, AssignmentRule rule) {
    int inScope = 0;
    for (String account : tree.accountIds()) {
      if (tree.isActive(account) && rule.scope().covers(tree, account)) inScope++;
    }
    return new Described(rule, inScope, assignments.listByOrigin(h, rule.origin()).size());
  }

  private AssignmentRule rule(Handle h, String instanceArn, String ruleId) {
    return store.find(h, ruleId)
        .filter(r -> r.instanceArn().equals(instanceArn))
        .orElseThrow(() -> ResourceNotFoundException.rule(ruleId));
  }

  /** The instance, if the caller's account owns it (the organization's management account). */
  private RuleStore.InstanceRef administered(Handle h, String callerAccountId, String instanceArn) {
    RuleStore.InstanceRef instance = store.instance(h, instanceArn)
        .orElseThrow(() -> new ResourceNotFoundException("The instance " + instanceArn + " does not exist."));
    if (!instance.ownerAccountId().equals(callerAccountId)) {
      throw new AccessDeniedException("Assignment rules are managed only from the organization's management account,"
          + " which owns the instance.");
    }
    return instance;
  }

  private void requirePrincipal(String identityStoreId, PrincipalType type, String principalId) {
    if (!principals.exist(identityStoreId, type, principalId)) {
      throw new ResourceNotFoundException("The " + (type == PrincipalType.USER ? "user " : "group ") + principalId
          + " does not exist in identity store " + identityStoreId + ".");
    }
  }

  private static long seqOf(String token) {
    if (token == null) return 0;
    try {
      return Long.parseLong(token);
    } catch (NumberFormatException e) {
      throw new PageToken.InvalidPageTokenException();
    }
  }
}
