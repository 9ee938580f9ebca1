package io.gatehouse.server.permissionsets;

/**
 * AWS's quotas for permission sets (IAM Identity Center quotas page).
 *
 * @param setsPerInstance permission sets in one instance (2,000 by default on AWS)
 * @param policiesPerSet AWS managed policies and customer-managed references together (20)
 * @param inlinePolicyNonWhitespace non-whitespace characters of the inline policy (10,240; the wire caps its length at 32,768)
 * @param tagsPerResource tags on one permission set or instance (50)
 */
record PermissionSetQuotas(int setsPerInstance, int policiesPerSet, int inlinePolicyNonWhitespace, int tagsPerResource) {
  static final PermissionSetQuotas DEFAULTS = new PermissionSetQuotas(2000, 20, 10_240, 50);
}
