package io.gatehouse.server.organizations;

/** ARNs and paths in the formats of the Organizations model's patterns. */
final class Arns {
  private static final String PREFIX = "arn:aws:organizations::";

  private Arns() {}

  static String organization(String managementAccountId, String organizationId) {
    return PREFIX + managementAccountId + ":organization/" + organizationId;
  }

  static String root(String managementAccountId, String organizationId, String rootId) {
    return PREFIX + managementAccountId + ":root/" + organizationId + "/" + rootId;
  }

  static String organizationalUnit(String managementAccountId, String organizationId, String ouId) {
    return PREFIX + managementAccountId + ":ou/" + organizationId + "/" + ouId;
  }

  static String account(String managementAccountId, String organizationId, String accountId) {
    return PREFIX + managementAccountId + ":account/" + organizationId + "/" + accountId;
  }

  static String policy(String managementAccountId, String organizationId, OrganizationPolicyType type, String policyId) {
    return PREFIX + managementAccountId + ":policy/" + organizationId + "/" + type.arnSegment() + "/" + policyId;
  }

  static String awsManagedPolicy(OrganizationPolicyType type, String policyId) {
    return PREFIX + "aws:policy/" + type.arnSegment() + "/" + policyId;
  }
}
