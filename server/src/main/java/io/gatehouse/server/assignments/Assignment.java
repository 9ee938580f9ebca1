package io.gatehouse.server.assignments;

import java.time.Instant;

/** A stored account assignment. */
record Assignment(AssignmentTarget target, AssignmentState state, String origin, Instant createdAt) {

  /** The permission set and account: the assignments with the same slot share one role. */
  RoleSlot slot() {
    return new RoleSlot(target.permissionSetArn(), target.accountId());
  }
}
