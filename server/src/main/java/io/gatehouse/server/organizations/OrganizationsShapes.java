package io.gatehouse.server.organizations;

import java.time.Instant;
import java.util.List;

/**
 * The wire shapes of the organizations model that Gatehouse binds: records whose components are
 * the model's member names with a lower-case first letter. Public (inside a package-private holder)
 * so that the protocol layer can construct and read them reflectively.
 */
final class OrganizationsShapes {
  private OrganizationsShapes() {}

  // --- inputs

  public record CreateOrganizationRequest(String featureSet) {}

  public record PageRequest(String nextToken, Integer maxResults) {}

  public record TagShape(String key, String value) {}

  public record CreateOrganizationalUnitRequest(String parentId, String name, List<TagShape> tags) {}

  public record OrganizationalUnitIdRequest(String organizationalUnitId) {}

  public record UpdateOrganizationalUnitRequest(String organizationalUnitId, String name) {}

  public record ParentPageRequest(String parentId, String nextToken, Integer maxResults) {}

  public record ListChildrenRequest(String parentId, String childType, String nextToken, Integer maxResults) {}

  public record ListParentsRequest(String childId, String nextToken, Integer maxResults) {}

  public record CreateAccountRequest(
      String email, String accountName, String roleName, String iamUserAccessToBilling, List<TagShape> tags) {}

  public record DescribeCreateAccountStatusRequest(String createAccountRequestId) {}

  public record ListCreateAccountStatusRequest(List<String> states, String nextToken, Integer maxResults) {}

  public record AccountIdRequest(String accountId) {}

  public record MoveAccountRequest(String accountId, String sourceParentId, String destinationParentId) {}

  public record CreatePolicyRequest(String content, String description, String name, String type, List<TagShape> tags) {}

  public record PolicyIdRequest(String policyId) {}

  public record UpdatePolicyRequest(String policyId, String name, String description, String content) {}

  public record ListPoliciesRequest(String filter, String nextToken, Integer maxResults) {}

  public record PolicyTargetRequest(String policyId, String targetId) {}

  public record ListPoliciesForTargetRequest(String targetId, String filter, String nextToken, Integer maxResults) {}

  public record ListTargetsForPolicyRequest(String policyId, String nextToken, Integer maxResults) {}

  public record PolicyTypeRequest(String rootId, String policyType) {}

  public record TagResourceRequest(String resourceId, List<TagShape> tags) {}

  public record UntagResourceRequest(String resourceId, List<String> tagKeys) {}

  public record ListTagsForResourceRequest(String resourceId, String nextToken) {}

  // --- outputs

  public record ListTagsForResourceResponse(List<TagShape> tags, String nextToken) {}

  public record PolicyTypeSummary(String type, String status) {}

  public record OrganizationShape(String id, String arn, String featureSet, String masterAccountArn,
      String masterAccountId, String masterAccountEmail, List<PolicyTypeSummary> availablePolicyTypes) {}

  public record OrganizationResponse(OrganizationShape organization) {}

  public record RootShape(String id, String arn, String name, List<PolicyTypeSummary> policyTypes) {}

  public record RootResponse(RootShape root) {}

  public record ListRootsResponse(List<RootShape> roots, String nextToken) {}

  public record OrganizationalUnitShape(String id, String arn, String name, String path) {}

  public record OrganizationalUnitResponse(OrganizationalUnitShape organizationalUnit) {}

  public record ListOrganizationalUnitsForParentResponse(List<OrganizationalUnitShape> organizationalUnits, String nextToken) {}

  public record ChildShape(String id, String type) {}

  public record ListChildrenResponse(List<ChildShape> children, String nextToken) {}

  public record ListParentsResponse(List<ChildShape> parents, String nextToken) {}

  public record CreateAccountStatusShape(String id, String accountName, String state, Instant requestedTimestamp,
      Instant completedTimestamp, String accountId, String govCloudAccountId, String failureReason) {}

  public record CreateAccountStatusResponse(CreateAccountStatusShape createAccountStatus) {}

  public record ListCreateAccountStatusResponse(List<CreateAccountStatusShape> createAccountStatuses, String nextToken) {}

  public record AccountShape(String id, String arn, String email, String name, String status, String state,
      List<String> paths, String joinedMethod, Instant joinedTimestamp) {}

  public record DescribeAccountResponse(AccountShape account) {}

  public record ListAccountsResponse(List<AccountShape> accounts, String nextToken) {}

  public record PolicySummary(String id, String arn, String name, String description, String type, Boolean awsManaged) {}

  public record PolicyShape(PolicySummary policySummary, String content) {}

  public record PolicyResponse(PolicyShape policy) {}

  public record ListPoliciesResponse(List<PolicySummary> policies, String nextToken) {}

  public record PolicyTargetSummary(String targetId, String arn, String name, String type) {}

  public record ListTargetsForPolicyResponse(List<PolicyTargetSummary> targets, String nextToken) {}
}
