package io.gatehouse.server.assignments;

import io.gatehouse.server.iam.ReservedRoles;
import io.gatehouse.server.iam.ReservedRoles.PolicyName;
import io.gatehouse.server.iam.ReservedRoles.RoleSpec;
import io.gatehouse.server.permissionsets.CustomerManagedPolicyReference;
import io.gatehouse.server.permissionsets.PermissionSet;
import io.gatehouse.server.permissionsets.PermissionsBoundary;

/**
 * The reserved role a permission set becomes in an account, as AWS makes it: the set's AWS managed
 * policies, its customer managed policies by name and path in that account, its inline policy and
 * boundary, its session duration as the role's maximum, and a trust policy that lets the instance's
 * SAML provider (the access portal) issue sessions.
 */
final class RoleTemplate {
  private RoleTemplate() {}

  /** AWS's audience for SAML sign-in to the console and the portal's credentials. */
  static final String SAML_AUDIENCE = "https://signin.aws.amazon.com/saml";

  /** The SAML provider AWS creates in each account an instance provisions to. */
  static String samlProviderArn(String accountId, Directory.InstanceInfo instance) {
    return "arn:aws:iam::" + accountId + ":saml-provider/AWSSSO_" + instance.instanceKey() + "_DO_NOT_DELETE";
  }

  static String trustPolicy(String accountId, Directory.InstanceInfo instance) {
    return """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},\
        "Action":["sts:AssumeRoleWithSAML","sts:TagSession"],\
        "Condition":{"StringEquals":{"SAML:aud":"%s"}}}]}""".formatted(samlProviderArn(accountId, instance), SAML_AUDIENCE);
  }

  /** A new role (existingRoleId null) or a rewrite of an existing one. */
  static RoleSpec spec(PermissionSet set, String accountId, Directory.InstanceInfo instance, String existingRoleId,
      String roleName) {
    PermissionsBoundary boundary = set.permissionsBoundary();
    return new RoleSpec(accountId, existingRoleId, roleName, trustPolicy(accountId, instance),
        (int) set.sessionDuration().toSeconds(), set.managedPolicyArns(),
        set.customerManagedPolicies().stream().map(RoleTemplate::name).toList(), set.inlinePolicy(),
        boundary == null ? null : boundary.managedPolicyArn(),
        boundary == null || boundary.customerManagedPolicyReference() == null ? null
            : name(boundary.customerManagedPolicyReference()));
  }

  static String newRoleName(PermissionSet set) {
    return ReservedRoles.newRoleName(set.name());
  }

  private static PolicyName name(CustomerManagedPolicyReference ref) {
    return new PolicyName(ref.name(), ref.path());
  }
}
