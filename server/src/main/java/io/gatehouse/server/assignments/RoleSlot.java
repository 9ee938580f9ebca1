package io.gatehouse.server.assignments;

/** A permission set in an account: where one reserved role lives, shared by all its assignments there. */
record RoleSlot(String permissionSetArn, String accountId) {}
