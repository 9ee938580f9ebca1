package io.gatehouse.server.assignmentrules;

import io.gatehouse.server.assignments.AssignmentTarget;
import io.gatehouse.server.assignments.PrincipalType;
import io.gatehouse.server.assignmentrules.RuleErrors.ValidationException;
import io.gatehouse.server.awsprotocol.OperationRegistry;
import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.core.RequestContext;
import java.time.Instant;
import java.util.List;

/**
 * The Gatehouse admin service on the wire ({@code aws-models/gatehouse}, JSON 1.1, target prefix
 * {@code GatehouseAdmin_20261123}, signing name {@code gatehouse}): shapes named as in that model.
 */
final class AssignmentRulesApi implements ServiceApi {
  private final AssignmentRuleService rules;

  AssignmentRulesApi(AssignmentRuleService rules) {
    this.rules = rules;
  }

  @Override
  public String service() {
    return "gatehouse";
  }

  @Override
  public void register(OperationRegistry registry) {
    registry.add("CreateAssignmentRule", CreateAssignmentRuleRequest.class, (ctx, in) ->
        new RuleResponse(AssignmentRuleShape.of(rules.create(account(ctx), in.toNewRule()))));
    registry.add("DescribeAssignmentRule", RuleIdRequest.class, (ctx, in) ->
        new RuleResponse(AssignmentRuleShape.of(rules.describe(account(ctx), in.instanceArn(), in.assignmentRuleId()))));
    registry.add("ListAssignmentRules", ListAssignmentRulesRequest.class, (ctx, in) -> {
      var page = rules.list(account(ctx), in.instanceArn(), in.maxResults(), in.nextToken());
      return new ListAssignmentRulesResponse(page.rules().stream().map(AssignmentRuleShape::of).toList(), page.nextToken());
    });
    registry.add("ListAssignmentsForRule", ListAssignmentsForRuleRequest.class, (ctx, in) -> {
      var page = rules.assignments(account(ctx), in.instanceArn(), in.assignmentRuleId(), in.maxResults(), in.nextToken());
      String origin = AssignmentRule.originOf(in.assignmentRuleId());
      return new ListAssignmentsForRuleResponse(
          page.assignments().stream().map(t -> RuleAssignmentShape.of(t, origin)).toList(), page.nextToken());
    });
    registry.add("DeleteAssignmentRule", RuleIdRequest.class, (ctx, in) -> {
      rules.delete(account(ctx), in.instanceArn(), in.assignmentRuleId());
      return null;
    });
  }

  private static String account(RequestContext ctx) {
    return ctx.caller().accountId();
  }

  record AccountTagShape(String key, String value) {}

  record ScopeShape(String organizationalUnitId, AccountTagShape accountTag) {
    RuleScope toScope() {
      if ((organizationalUnitId == null) == (accountTag == null)) {
        throw new ValidationException("Scope must have exactly one of OrganizationalUnitId and AccountTag.");
      }
      return organizationalUnitId != null
          ? new RuleScope.OrganizationalUnit(organizationalUnitId)
          : new RuleScope.AccountTag(accountTag.key(), accountTag.value());
    }

    static ScopeShape of(RuleScope scope) {
      return switch (scope) {
        case RuleScope.OrganizationalUnit ou -> new ScopeShape(ou.parentId(), null);
        case RuleScope.AccountTag tag -> new ScopeShape(null, new AccountTagShape(tag.key(), tag.value()));
      };
    }
  }

  record CreateAssignmentRuleRequest(String instanceArn, String permissionSetArn, String principalType,
      String principalId, ScopeShape scope, String description) {
    AssignmentRuleService.NewRule toNewRule() {
      // The model's enum has already been checked: USER or GROUP.
      return new AssignmentRuleService.NewRule(instanceArn, permissionSetArn, PrincipalType.valueOf(principalType),
          principalId, scope.toScope(), description);
    }
  }

  record RuleIdRequest(String instanceArn, String assignmentRuleId) {}

  record ListAssignmentRulesRequest(String instanceArn, Integer maxResults, String nextToken) {}

  record ListAssignmentsForRuleRequest(String instanceArn, String assignmentRuleId, Integer maxResults,
      String nextToken) {}

  record AssignmentRuleShape(String assignmentRuleId, String assignmentRuleArn, String instanceArn,
      String permissionSetArn, String principalType, String principalId, ScopeShape scope, String description,
      Instant createdDate, String origin, Integer accountsInScope, Integer assignmentCount, String statusReason) {
    static AssignmentRuleShape of(AssignmentRuleService.Described d) {
      AssignmentRule r = d.rule();
      return new AssignmentRuleShape(r.id(), r.arn(), r.instanceArn(), r.permissionSetArn(), r.principalType().name(),
          r.principalId(), ScopeShape.of(r.scope()), r.description(), r.createdAt(), r.origin(), d.accountsInScope(),
          d.assignmentCount(), r.statusReason());
    }
  }

  record RuleResponse(AssignmentRuleShape assignmentRule) {}

  record ListAssignmentRulesResponse(List<AssignmentRuleShape> assignmentRules, String nextToken) {}

  record RuleAssignmentShape(String accountId, String permissionSetArn, String principalType, String principalId,
      String origin) {
    static RuleAssignmentShape of(AssignmentTarget t, String origin) {
      return new RuleAssignmentShape(t.accountId(), t.permissionSetArn(), t.principalType().name(), t.principalId(),
          origin);
    }
  }

  record ListAssignmentsForRuleResponse(List<RuleAssignmentShape> assignments, String nextToken) {}
}
