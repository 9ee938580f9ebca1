package io.gatehouse.server.permissionsets;

import org.jdbi.v3.core.Handle;

/** Lets the feature that assigns permission sets refuse the deletion of one still in use. */
public interface DeletionGuard {
  /** Called inside DeletePermissionSet's transaction; throws the sso-admin ConflictException if the set is still provisioned/assigned. */
  void checkDeletable(Handle h, String instanceArn, String permissionSetArn);

  /** Until assignments install theirs: nothing is assigned, so every set may go. */
  DeletionGuard NONE = (h, instanceArn, permissionSetArn) -> {};
}
