package io.gatehouse.server.assignments;

import java.util.Objects;

/**
 * One account assignment: this principal gets this permission set in this account, in this
 * Identity Center instance.
 */
public record AssignmentTarget(String instanceArn, String permissionSetArn, PrincipalType principalType,
    String principalId, String accountId) {
  public AssignmentTarget {
    Objects.requireNonNull(instanceArn, "instanceArn");
    Objects.requireNonNull(permissionSetArn, "permissionSetArn");
    Objects.requireNonNull(principalType, "principalType");
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(accountId, "accountId");
  }
}
