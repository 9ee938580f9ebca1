package io.gatehouse.server.iam;

/**
 * IAM's quotas, AWS's defaults unless configured otherwise. Sizes count characters without
 * whitespace, as AWS does.
 *
 * @param inlinePolicyBytesPerUser aggregate size of a user's inline policies
 * @param inlinePolicyBytesPerGroup aggregate size of a group's inline policies
 * @param inlinePolicyBytesPerRole aggregate size of a role's inline policies
 */
public record IamQuotas(int usersPerAccount, int groupsPerAccount, int rolesPerAccount, int customerManagedPoliciesPerAccount,
    int groupsPerUser, int managedPoliciesPerUser, int managedPoliciesPerGroup, int managedPoliciesPerRole,
    int versionsPerPolicy, int accessKeysPerUser, int managedPolicySize, int inlinePolicyBytesPerUser,
    int inlinePolicyBytesPerGroup, int inlinePolicyBytesPerRole, int trustPolicySize, int tagsPerResource) {

  public static final IamQuotas DEFAULTS = new IamQuotas(5000, 300, 1000, 1500, 10, 10, 10, 10, 5, 2, 6144, 2048 * 5, 5120,
      10240, 2048, 50);

  int inlinePolicyBytes(IdentityKind kind) {
    return switch (kind) {
      case USER -> inlinePolicyBytesPerUser;
      case GROUP -> inlinePolicyBytesPerGroup;
      case ROLE -> inlinePolicyBytesPerRole;
    };
  }

  int managedPoliciesPer(IdentityKind kind) {
    return switch (kind) {
      case USER -> managedPoliciesPerUser;
      case GROUP -> managedPoliciesPerGroup;
      case ROLE -> managedPoliciesPerRole;
    };
  }

  int identitiesPerAccount(IdentityKind kind) {
    return switch (kind) {
      case USER -> usersPerAccount;
      case GROUP -> groupsPerAccount;
      case ROLE -> rolesPerAccount;
    };
  }

  /** AWS's quota names, as in "Cannot exceed quota for RolesPerAccount: 1000". */
  static String perAccountQuotaName(IdentityKind kind) {
    return switch (kind) {
      case USER -> "UsersPerAccount";
      case GROUP -> "GroupsPerAccount";
      case ROLE -> "RolesPerAccount";
    };
  }

  static String attachedQuotaName(IdentityKind kind) {
    return switch (kind) {
      case USER -> "PoliciesPerUser";
      case GROUP -> "PoliciesPerGroup";
      case ROLE -> "PoliciesPerRole";
    };
  }
}
