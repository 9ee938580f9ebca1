/**
 * IAM Identity Center permission sets (the sso-admin permission-set operations): their policies,
 * inline policy, customer-managed references, permissions boundary and tags, kept per instance.
 * {@link io.gatehouse.server.permissionsets.PermissionSetCatalog} gives provisioning the whole set
 * with a revision that grows on every change; a {@link io.gatehouse.server.permissionsets.DeletionGuard}
 * lets assignments refuse to delete a set in use.
 */
package io.gatehouse.server.permissionsets;
