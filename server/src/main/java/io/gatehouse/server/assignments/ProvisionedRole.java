package io.gatehouse.server.assignments;

/** The reserved role of a permission set in an account, and the set's revision it was written from. */
record ProvisionedRole(RoleSlot slot, String instanceArn, String roleId, String roleName, long revision) {}
