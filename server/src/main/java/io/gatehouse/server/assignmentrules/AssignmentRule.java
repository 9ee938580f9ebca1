package io.gatehouse.server.assignmentrules;

import io.gatehouse.server.assignments.AssignmentTarget;
import io.gatehouse.server.assignments.PrincipalType;
import java.time.Instant;

/**
 * A rule: the principal gets the permission set in every account of the scope. The assignments it
 * makes carry the origin {@code rule/<id>}, which is how the rule finds them again.
 *
 * @param id {@code ar-} and 16 hex digits
 * @param description null when none was given
 * @param statusReason why the last expansion failed, or null when it succeeded
 */
record AssignmentRule(String id, String instanceArn, String permissionSetArn, PrincipalType principalType,
    String principalId, RuleScope scope, String description, Instant createdAt, String statusReason) {

  static final String ARN_PREFIX = "arn:aws:gatehouse:::assignmentRule/";

  String origin() {
    return originOf(id);
  }

  static String originOf(String ruleId) {
    return "rule/" + ruleId;
  }

  String arn() {
    return ARN_PREFIX + id;
  }

  AssignmentTarget target(String accountId) {
    return new AssignmentTarget(instanceArn, permissionSetArn, principalType, principalId, accountId);
  }

  /** Same principal, permission set and scope: a second such rule would add nothing. */
  boolean sameAs(AssignmentRule other) {
    return instanceArn.equals(other.instanceArn) && permissionSetArn.equals(other.permissionSetArn)
        && principalType == other.principalType && principalId.equals(other.principalId) && scope.equals(other.scope);
  }

  AssignmentRule withStatusReason(String reason) {
    return new AssignmentRule(id, instanceArn, permissionSetArn, principalType, principalId, scope, description,
        createdAt, reason);
  }
}
