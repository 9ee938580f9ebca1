package io.gatehouse.server.organizations;

/**
 * What the rest of the server needs to know about the organization once bootstrapped.
 *
 * @param organizationId {@code o-} and 10 characters
 * @param managementAccountId the 12-digit management account
 * @param rootId {@code r-} and 4 characters
 */
public record OrganizationInfo(String organizationId, String managementAccountId, String rootId) {}
