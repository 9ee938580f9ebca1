package io.gatehouse.server.assignments;

import java.time.Instant;

/**
 * One asynchronous request (assignment creation or deletion, or permission set provisioning) and
 * its status, as DescribeAccountAssignmentCreationStatus and its siblings report it.
 *
 * @param accountId null for a provisioning to ALL_PROVISIONED_ACCOUNTS
 * @param principalType null for a provisioning
 */
record StatusRecord(long seq, String requestId, OperationKind kind, String instanceArn, OperationStatus status,
    String failureReason, String permissionSetArn, String accountId, PrincipalType principalType, String principalId,
    Instant createdAt) {

  StatusRecord completed(OperationStatus newStatus, String reason) {
    return new StatusRecord(seq, requestId, kind, instanceArn, newStatus, reason, permissionSetArn, accountId,
        principalType, principalId, createdAt);
  }

  AssignmentTarget target() {
    return new AssignmentTarget(instanceArn, permissionSetArn, principalType, principalId, accountId);
  }
}
