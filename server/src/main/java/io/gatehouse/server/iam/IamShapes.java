package io.gatehouse.server.iam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * IAM's request and response shapes, one record per model structure (components named after the
 * model's members), generated from {@code aws-models/iam/service-2.json} for the operations served.
 */
@SuppressWarnings("unused") // components are read by the protocol layer's binder and encoder, by name
final class IamShapes {
  private IamShapes() {}

  record Tag(String key, String value) {}
  record CreateRoleRequest(String path, String roleName, String assumeRolePolicyDocument, String description, Integer maxSessionDuration, String permissionsBoundary, List<Tag> tags) {}
  record AttachedPermissionsBoundary(String permissionsBoundaryType, String permissionsBoundaryArn) {}
  record RoleLastUsed(Instant lastUsedDate, String region) {}
  record Role(String path, String roleName, String roleId, String arn, Instant createDate, String assumeRolePolicyDocument, String description, Integer maxSessionDuration, AttachedPermissionsBoundary permissionsBoundary, List<Tag> tags, RoleLastUsed roleLastUsed) {}
  record CreateRoleResponse(Role role) {}
  record GetRoleRequest(String roleName) {}
  record GetRoleResponse(Role role) {}
  record ListRolesRequest(String pathPrefix, String marker, Integer maxItems) {}
  record ListRolesResponse(List<Role> roles, Boolean isTruncated, String marker) {}
  record UpdateRoleRequest(String roleName, String description, Integer maxSessionDuration) {}
  record UpdateRoleResponse() {}
  record UpdateRoleDescriptionRequest(String roleName, String description) {}
  record UpdateRoleDescriptionResponse(Role role) {}
  record DeleteRoleRequest(String roleName) {}
  record UpdateAssumeRolePolicyRequest(String roleName, String policyDocument) {}
  record TagRoleRequest(String roleName, List<Tag> tags) {}
  record UntagRoleRequest(String roleName, List<String> tagKeys) {}
  record ListRoleTagsRequest(String roleName, String marker, Integer maxItems) {}
  record ListRoleTagsResponse(List<Tag> tags, Boolean isTruncated, String marker) {}
  record PutRolePermissionsBoundaryRequest(String roleName, String permissionsBoundary) {}
  record DeleteRolePermissionsBoundaryRequest(String roleName) {}
  record PutRolePolicyRequest(String roleName, String policyName, String policyDocument) {}
  record GetRolePolicyRequest(String roleName, String policyName) {}
  record GetRolePolicyResponse(String roleName, String policyName, String policyDocument) {}
  record DeleteRolePolicyRequest(String roleName, String policyName) {}
  record ListRolePoliciesRequest(String roleName, String marker, Integer maxItems) {}
  record ListRolePoliciesResponse(List<String> policyNames, Boolean isTruncated, String marker) {}
  record AttachRolePolicyRequest(String roleName, String policyArn) {}
  record DetachRolePolicyRequest(String roleName, String policyArn) {}
  record ListAttachedRolePoliciesRequest(String roleName, String pathPrefix, String marker, Integer maxItems) {}
  record AttachedPolicy(String policyName, String policyArn) {}
  record ListAttachedRolePoliciesResponse(List<AttachedPolicy> attachedPolicies, Boolean isTruncated, String marker) {}
  record ListInstanceProfilesForRoleRequest(String roleName, String marker, Integer maxItems) {}
  record InstanceProfile(String path, String instanceProfileName, String instanceProfileId, String arn, Instant createDate, List<Role> roles, List<Tag> tags) {}
  record ListInstanceProfilesForRoleResponse(List<InstanceProfile> instanceProfiles, Boolean isTruncated, String marker) {}
  record CreateUserRequest(String path, String userName, String permissionsBoundary, List<Tag> tags) {}
  record User(String path, String userName, String userId, String arn, Instant createDate, Instant passwordLastUsed, AttachedPermissionsBoundary permissionsBoundary, List<Tag> tags) {}
  record CreateUserResponse(User user) {}
  record GetUserRequest(String userName) {}
  record GetUserResponse(User user) {}
  record ListUsersRequest(String pathPrefix, String marker, Integer maxItems) {}
  record ListUsersResponse(List<User> users, Boolean isTruncated, String marker) {}
  record UpdateUserRequest(String userName, String newPath, String newUserName) {}
  record DeleteUserRequest(String userName) {}
  record TagUserRequest(String userName, List<Tag> tags) {}
  record UntagUserRequest(String userName, List<String> tagKeys) {}
  record ListUserTagsRequest(String userName, String marker, Integer maxItems) {}
  record ListUserTagsResponse(List<Tag> tags, Boolean isTruncated, String marker) {}
  record PutUserPermissionsBoundaryRequest(String userName, String permissionsBoundary) {}
  record DeleteUserPermissionsBoundaryRequest(String userName) {}
  record PutUserPolicyRequest(String userName, String policyName, String policyDocument) {}
  record GetUserPolicyRequest(String userName, String policyName) {}
  record GetUserPolicyResponse(String userName, String policyName, String policyDocument) {}
  record DeleteUserPolicyRequest(String userName, String policyName) {}
  record ListUserPoliciesRequest(String userName, String marker, Integer maxItems) {}
  record ListUserPoliciesResponse(List<String> policyNames, Boolean isTruncated, String marker) {}
  record AttachUserPolicyRequest(String userName, String policyArn) {}
  record DetachUserPolicyRequest(String userName, String policyArn) {}
  record ListAttachedUserPoliciesRequest(String userName, String pathPrefix, String marker, Integer maxItems) {}
  record ListAttachedUserPoliciesResponse(List<AttachedPolicy> attachedPolicies, Boolean isTruncated, String marker) {}
  record ListGroupsForUserRequest(String userName, String marker, Integer maxItems) {}
  record Group(String path, String groupName, String groupId, String arn, Instant createDate) {}
  record ListGroupsForUserResponse(List<Group> groups, Boolean isTruncated, String marker) {}
  record CreateAccessKeyRequest(String userName) {}
  record AccessKey(String userName, String accessKeyId, String status, String secretAccessKey, Instant createDate) {}
  record CreateAccessKeyResponse(AccessKey accessKey) {}
  record ListAccessKeysRequest(String userName, String marker, Integer maxItems) {}
  record AccessKeyMetadata(String userName, String accessKeyId, String status, Instant createDate) {}
  record ListAccessKeysResponse(List<AccessKeyMetadata> accessKeyMetadata, Boolean isTruncated, String marker) {}
  record UpdateAccessKeyRequest(String userName, String accessKeyId, String status) {}
  record DeleteAccessKeyRequest(String userName, String accessKeyId) {}
  record GetAccessKeyLastUsedRequest(String accessKeyId) {}
  record AccessKeyLastUsed(Instant lastUsedDate, String serviceName, String region) {}
  record GetAccessKeyLastUsedResponse(String userName, AccessKeyLastUsed accessKeyLastUsed) {}
  record CreateLoginProfileRequest(String userName, String password, Boolean passwordResetRequired) {}
  record LoginProfile(String userName, Instant createDate, Boolean passwordResetRequired) {}
  record CreateLoginProfileResponse(LoginProfile loginProfile) {}
  record GetLoginProfileRequest(String userName) {}
  record GetLoginProfileResponse(LoginProfile loginProfile) {}
  record UpdateLoginProfileRequest(String userName, String password, Boolean passwordResetRequired) {}
  record DeleteLoginProfileRequest(String userName) {}
  record ListMFADevicesRequest(String userName, String marker, Integer maxItems) {}
  record MFADevice(String userName, String serialNumber, Instant enableDate) {}
  record ListMFADevicesResponse(List<MFADevice> mFADevices, Boolean isTruncated, String marker) {}
  record ListSigningCertificatesRequest(String userName, String marker, Integer maxItems) {}
  record SigningCertificate(String userName, String certificateId, String certificateBody, String status, Instant uploadDate) {}
  record ListSigningCertificatesResponse(List<SigningCertificate> certificates, Boolean isTruncated, String marker) {}
  record ListSSHPublicKeysRequest(String userName, String marker, Integer maxItems) {}
  record SSHPublicKeyMetadata(String userName, String sSHPublicKeyId, String status, Instant uploadDate) {}
  record ListSSHPublicKeysResponse(List<SSHPublicKeyMetadata> sSHPublicKeys, Boolean isTruncated, String marker) {}
  record ListServiceSpecificCredentialsRequest(String userName, String serviceName, Boolean allUsers, String marker, Integer maxItems) {}
  record ServiceSpecificCredentialMetadata(String userName, String status, String serviceUserName, String serviceCredentialAlias, Instant createDate, Instant expirationDate, String serviceSpecificCredentialId, String serviceName) {}
  record ListServiceSpecificCredentialsResponse(List<ServiceSpecificCredentialMetadata> serviceSpecificCredentials, String marker, Boolean isTruncated) {}
  record CreateGroupRequest(String path, String groupName) {}
  record CreateGroupResponse(Group group) {}
  record GetGroupRequest(String groupName, String marker, Integer maxItems) {}
  record GetGroupResponse(Group group, List<User> users, Boolean isTruncated, String marker) {}
  record ListGroupsRequest(String pathPrefix, String marker, Integer maxItems) {}
  record ListGroupsResponse(List<Group> groups, Boolean isTruncated, String marker) {}
  record UpdateGroupRequest(String groupName, String newPath, String newGroupName) {}
  record DeleteGroupRequest(String groupName) {}
  record AddUserToGroupRequest(String groupName, String userName) {}
  record RemoveUserFromGroupRequest(String groupName, String userName) {}
  record PutGroupPolicyRequest(String groupName, String policyName, String policyDocument) {}
  record GetGroupPolicyRequest(String groupName, String policyName) {}
  record GetGroupPolicyResponse(String groupName, String policyName, String policyDocument) {}
  record DeleteGroupPolicyRequest(String groupName, String policyName) {}
  record ListGroupPoliciesRequest(String groupName, String marker, Integer maxItems) {}
  record ListGroupPoliciesResponse(List<String> policyNames, Boolean isTruncated, String marker) {}
  record AttachGroupPolicyRequest(String groupName, String policyArn) {}
  record DetachGroupPolicyRequest(String groupName, String policyArn) {}
  record ListAttachedGroupPoliciesRequest(String groupName, String pathPrefix, String marker, Integer maxItems) {}
  record ListAttachedGroupPoliciesResponse(List<AttachedPolicy> attachedPolicies, Boolean isTruncated, String marker) {}
  record CreatePolicyRequest(String policyName, String path, String policyDocument, String description, List<Tag> tags) {}
  record Policy(String policyName, String policyId, String arn, String path, String defaultVersionId, Integer attachmentCount, Integer permissionsBoundaryUsageCount, Boolean isAttachable, String description, Instant createDate, Instant updateDate, List<Tag> tags) {}
  record CreatePolicyResponse(Policy policy) {}
  record GetPolicyRequest(String policyArn) {}
  record GetPolicyResponse(Policy policy) {}
  record DeletePolicyRequest(String policyArn) {}
  record ListPoliciesRequest(String scope, Boolean onlyAttached, String pathPrefix, String policyUsageFilter, String marker, Integer maxItems) {}
  record ListPoliciesResponse(List<Policy> policies, Boolean isTruncated, String marker) {}
  record CreatePolicyVersionRequest(String policyArn, String policyDocument, Boolean setAsDefault) {}
  record PolicyVersion(String document, String versionId, Boolean isDefaultVersion, Instant createDate) {}
  record CreatePolicyVersionResponse(PolicyVersion policyVersion) {}
  record GetPolicyVersionRequest(String policyArn, String versionId) {}
  record GetPolicyVersionResponse(PolicyVersion policyVersion) {}
  record ListPolicyVersionsRequest(String policyArn, String marker, Integer maxItems) {}
  record ListPolicyVersionsResponse(List<PolicyVersion> versions, Boolean isTruncated, String marker) {}
  record DeletePolicyVersionRequest(String policyArn, String versionId) {}
  record SetDefaultPolicyVersionRequest(String policyArn, String versionId) {}
  record ListEntitiesForPolicyRequest(String policyArn, String entityFilter, String pathPrefix, String policyUsageFilter, String marker, Integer maxItems) {}
  record PolicyGroup(String groupName, String groupId) {}
  record PolicyUser(String userName, String userId) {}
  record PolicyRole(String roleName, String roleId) {}
  record ListEntitiesForPolicyResponse(List<PolicyGroup> policyGroups, List<PolicyUser> policyUsers, List<PolicyRole> policyRoles, Boolean isTruncated, String marker) {}
  record TagPolicyRequest(String policyArn, List<Tag> tags) {}
  record UntagPolicyRequest(String policyArn, List<String> tagKeys) {}
  record ListPolicyTagsRequest(String policyArn, String marker, Integer maxItems) {}
  record ListPolicyTagsResponse(List<Tag> tags, Boolean isTruncated, String marker) {}
  record UpdateAccountPasswordPolicyRequest(Integer minimumPasswordLength, Boolean requireSymbols, Boolean requireNumbers, Boolean requireUppercaseCharacters, Boolean requireLowercaseCharacters, Boolean allowUsersToChangePassword, Integer maxPasswordAge, Integer passwordReusePrevention, Boolean hardExpiry) {}
  record PasswordPolicy(Integer minimumPasswordLength, Boolean requireSymbols, Boolean requireNumbers, Boolean requireUppercaseCharacters, Boolean requireLowercaseCharacters, Boolean allowUsersToChangePassword, Boolean expirePasswords, Integer maxPasswordAge, Integer passwordReusePrevention, Boolean hardExpiry) {}
  record GetAccountPasswordPolicyResponse(PasswordPolicy passwordPolicy) {}
  record CreateAccountAliasRequest(String accountAlias) {}
  record DeleteAccountAliasRequest(String accountAlias) {}
  record ListAccountAliasesRequest(String marker, Integer maxItems) {}
  record ListAccountAliasesResponse(List<String> accountAliases, Boolean isTruncated, String marker) {}
}
