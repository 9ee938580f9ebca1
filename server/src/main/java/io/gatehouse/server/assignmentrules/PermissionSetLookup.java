package io.gatehouse.server.assignmentrules;

import org.jdbi.v3.core.Handle;

/**
 * Whether a permission set exists in an instance, as the caller's transaction sees it. The server
 * wires it to the permission-set catalog; a rule on a set that is gone expands to nothing.
 */
@FunctionalInterface
public interface PermissionSetLookup {
  boolean exists(Handle h, String instanceArn, String permissionSetArn);
}
