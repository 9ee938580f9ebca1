package io.gatehouse.server.authz;

import io.gatehouse.server.core.Caller;
import java.util.Map;

/**
 * Fills the ARN variables no input carries from the caller and the snapshots: the partition, the
 * account that owns the resource (the caller's for IAM, the management account's for
 * Organizations, the identity store and Identity Center), the organization id, and the path of an
 * existing IAM user or role (the caller himself when an IAM operation names no user).
 */
final class SnapshotArnResolver implements ArnResolver {
  private final String service;
  private final Caller caller;
  private final Subject subject;
  private final IamNames names;
  private final String managementAccountId;
  private final String organizationId;

  SnapshotArnResolver(String service, Caller caller, Subject subject, IamNames names, CompiledOrganization org) {
    this.service = service;
    this.caller = caller;
    this.subject = subject;
    this.names = names;
    this.managementAccountId = org.managementAccountId();
    this.organizationId = org.tree.organizationId().orElse(null);
  }

  @Override
  public String resolve(String resourceType, String variable, Map<String, String> bound) {
    return switch (variable) {
      case "Partition" -> "aws";
      case "Account" -> ownerAccount();
      case "OrganizationId" -> organizationId;
      case "UserNameWithPath" -> entity("user", bound.get("UserName"));
      case "RoleNameWithPath" -> entity("role", bound.get("RoleName"));
      default -> null;
    };
  }

  /**
   * The account whose request this is for the policy engine: the management account for the
   * identity store and Identity Center, which live there (a member account's principal is another
   * account's, and no resource-based policy lets it in); the caller's own account otherwise
   * (Organizations admits member accounts to its member operations before this point).
   */
  String resourceAccount() {
    return switch (service) {
      case "identitystore", "sso-admin" -> ownerAccount();
      default -> caller.accountId();
    };
  }

  /** The account that owns the resources of this service, as their ARNs name it. */
  String ownerAccount() {
    return switch (service) {
      case "organizations", "identitystore", "sso-admin" -> managementAccountId != null ? managementAccountId : caller.accountId();
      default -> caller.accountId();
    };
  }

  private String entity(String type, String name) {
    if (name == null) {
      // an operation that names no user acts on the calling user (GetUser, ChangePassword, ListAccessKeys)
      return "user".equals(type) && subject.identity() != null && "user".equals(subject.identity().type())
          ? names.nameWithPath(caller.accountId(), type, subject.identity().name()) : null;
    }
    return names.nameWithPath(caller.accountId(), type, name);
  }
}
