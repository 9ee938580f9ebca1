package io.gatehouse.server.authz;

import io.gatehouse.policy.PolicySet;
import io.gatehouse.server.iam.IamSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What stays the same about one credential between requests, as long as the snapshots do: who it
 * is (for the request context) and the policies that bind it. Built from the IAM snapshot, the
 * organization and the sealed session, never from the database; cached per access key.
 *
 * @param iam the IAM snapshot it was built from (a newer snapshot makes it stale)
 * @param organization the organization it was built from (likewise)
 * @param identity the IAM user or role whose policies apply (the role of a role session); null for the root user or an unknown principal
 * @param principalArn {@code aws:PrincipalArn}: the caller's ARN, or the role's ARN (with path) for a role session
 * @param userName the IAM user's name, for {@code aws:username}; null for other principals
 * @param tags the principal's tags, overridden by session tags
 * @param tokenIssueTime when temporary credentials were issued; null for long-term keys
 * @param sourceIdentity the session's source identity, or null
 * @param policies identity policies, boundary, session policies and SCP levels
 * @param inManagementAccount whether the caller's account is the organization's management account
 */
record Subject(IamSnapshot iam, CompiledOrganization organization, IamSnapshot.Principal identity, String principalArn,
    String userName, Map<String, String> tags, String organizationId, List<String> organizationPaths,
    Instant tokenIssueTime, String sourceIdentity, PolicySet policies, boolean inManagementAccount) {}
