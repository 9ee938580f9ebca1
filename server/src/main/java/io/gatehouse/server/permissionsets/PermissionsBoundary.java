package io.gatehouse.server.permissionsets;

/**
 * A permission set's permissions boundary: exactly one of the two is non-null in every boundary the
 * catalog returns (requests that give both or neither are refused). Also the sso-admin wire shape.
 */
public record PermissionsBoundary(String managedPolicyArn, CustomerManagedPolicyReference customerManagedPolicyReference) {}
