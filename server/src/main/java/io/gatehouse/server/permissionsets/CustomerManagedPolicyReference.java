package io.gatehouse.server.permissionsets;

/**
 * A customer managed policy named by path and name, resolved in each account the permission set is
 * provisioned to. Also the sso-admin wire shape of the same name.
 *
 * @param path {@code /} when not given, as on AWS
 */
public record CustomerManagedPolicyReference(String name, String path) {
  public CustomerManagedPolicyReference {
    if (path == null) path = "/";
  }
}
