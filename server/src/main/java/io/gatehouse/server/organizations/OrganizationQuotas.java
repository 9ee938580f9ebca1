package io.gatehouse.server.organizations;

/**
 * The Organizations quotas Gatehouse enforces, AWS's defaults unless configured otherwise.
 *
 * @param maxOuDepth levels of OUs below a root
 * @param maxOrganizationalUnits OUs in the organization
 * @param maxAccounts accounts in the organization, the management account included
 * @param maxPoliciesPerType customer policies of one type
 * @param maxAttachmentsPerTarget policies of one type attached to one root, OU or account
 * @param maxPolicyCharacters characters in an SCP or RCP document
 * @param maxTagsPerResource tags on one OU, account or policy
 */
record OrganizationQuotas(
    int maxOuDepth, int maxOrganizationalUnits, int maxAccounts, int maxPoliciesPerType,
    int maxAttachmentsPerTarget, int maxPolicyCharacters, int maxTagsPerResource) {

  /** AWS's defaults, except accounts: AWS starts an organization at 10 and raises it on request. */
  static final OrganizationQuotas DEFAULTS = new OrganizationQuotas(5, 2000, 10_000, 1000, 5, 5120, 50);
}
