package io.gatehouse.server.iam;

import io.gatehouse.server.auth.AccessKeyStatus;
import io.gatehouse.server.auth.AccessKeyMetadata;
import io.gatehouse.server.awsprotocol.OperationRegistry;
import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.core.RequestContext;
import io.gatehouse.server.iam.IamShapes.*;
import io.gatehouse.server.iam.IdentityService.NewIdentity;
import io.gatehouse.server.iam.ManagedPolicyService.PolicyView;
import io.gatehouse.server.iam.ManagedPolicyService.Scope;
import io.gatehouse.server.iam.ManagedPolicyService.VersionView;
import io.gatehouse.server.iam.IamSnapshot.StoredIdentity;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * IAM on the wire (query protocol): binds each operation to the services of the caller's account
 * and maps domain values to the model's shapes. Policy documents go out URL-encoded, as AWS sends them.
 *
 * <p>GetRole and GetUser, the reads a client repeats, are answered from the IAM snapshot in memory
 * rather than the database (see {@link IamSnapshot} for why that still reads this server's writes).
 */
final class IamApi implements ServiceApi {
  private final IdentityService identities;
  private final ManagedPolicyService policies;
  private final CredentialService credentials;
  private final AccountSettingsService settings;
  private final Supplier<IamSnapshot> snapshot;

  IamApi(IdentityService identities, ManagedPolicyService policies, CredentialService credentials,
      AccountSettingsService settings, Supplier<IamSnapshot> snapshot) {
    this.snapshot = snapshot;
    this.identities = identities;
    this.policies = policies;
    this.credentials = credentials;
    this.settings = settings;
  }

  @Override
  public String service() {
    return "iam";
  }

  @Override
  public void register(OperationRegistry r) {
    registerRoles(r);
    registerUsers(r);
    registerGroups(r);
    registerInlinePolicies(r);
    registerAttachments(r);
    registerCredentials(r);
    registerManagedPolicies(r);
    registerAccount(r);
  }

  private void registerRoles(OperationRegistry r) {
    r.add("CreateRole", CreateRoleRequest.class, (ctx, in) -> {
      Identity role = identities.create(account(ctx), new NewIdentity(IdentityKind.ROLE, in.roleName(), in.path(),
          in.description(), in.assumeRolePolicyDocument(), in.maxSessionDuration(), in.permissionsBoundary(),
          tags(in.tags())));
      return new CreateRoleResponse(role(role, identities.tags(role.id())));
    });
    r.add("GetRole", GetRoleRequest.class, (ctx, in) -> {
      StoredIdentity role = stored(snapshot.get(), account(ctx), IdentityKind.ROLE, in.roleName());
      return new GetRoleResponse(role(role.identity(), role.tags()));
    });
    r.add("ListRoles", ListRolesRequest.class, (ctx, in) -> {
      Page<Role> page = identities.list(account(ctx), IdentityKind.ROLE, in.pathPrefix(), in.marker(), in.maxItems())
          .map(role -> role(role, null));
      return new ListRolesResponse(page.items(), page.truncated(), page.marker());
    });
    r.add("UpdateRole", UpdateRoleRequest.class, (ctx, in) -> {
      identities.updateRole(account(ctx), in.roleName(), in.description(), in.maxSessionDuration());
      return new UpdateRoleResponse();
    });
    r.add("UpdateRoleDescription", UpdateRoleDescriptionRequest.class, (ctx, in) -> {
      Identity role = identities.updateRole(account(ctx), in.roleName(), in.description() == null ? "" : in.description(), null);
      return new UpdateRoleDescriptionResponse(role(role, identities.tags(role.id())));
    });
    r.add("DeleteRole", DeleteRoleRequest.class, (ctx, in) -> {
      identities.delete(account(ctx), IdentityKind.ROLE, in.roleName());
      return null;
    });
    r.add("UpdateAssumeRolePolicy", UpdateAssumeRolePolicyRequest.class, (ctx, in) -> {
      identities.updateTrustPolicy(account(ctx), in.roleName(), in.policyDocument());
      return null;
    });
    r.add("TagRole", TagRoleRequest.class, (ctx, in) -> {
      identities.tag(account(ctx), IdentityKind.ROLE, in.roleName(), tags(in.tags()));
      return null;
    });
    r.add("UntagRole", UntagRoleRequest.class, (ctx, in) -> {
      identities.untag(account(ctx), IdentityKind.ROLE, in.roleName(), orEmpty(in.tagKeys()));
      return null;
    });
    r.add("ListRoleTags", ListRoleTagsRequest.class, (ctx, in) -> {
      Page<IamShapes.Tag> page = identities.listTags(account(ctx), IdentityKind.ROLE, in.roleName(), in.marker(),
          in.maxItems()).map(IamApi::tag);
      return new ListRoleTagsResponse(page.items(), page.truncated(), page.marker());
    });
    r.add("PutRolePermissionsBoundary", PutRolePermissionsBoundaryRequest.class, (ctx, in) -> {
      identities.putBoundary(account(ctx), IdentityKind.ROLE, in.roleName(), in.permissionsBoundary());
      return null;
    });
    r.add("DeleteRolePermissionsBoundary", DeleteRolePermissionsBoundaryRequest.class, (ctx, in) -> {
      identities.deleteBoundary(account(ctx), IdentityKind.ROLE, in.roleName());
      return null;
    });
    r.add("ListInstanceProfilesForRole", ListInstanceProfilesForRoleRequest.class, (ctx, in) -> {
      identities.get(account(ctx), IdentityKind.ROLE, in.roleName());
      // Gatehouse has no instance profiles: every role is in none.
      return new ListInstanceProfilesForRoleResponse(List.of(), false, null);
    });
  }

  private void registerUsers(OperationRegistry r) {
    r.add("CreateUser", CreateUserRequest.class, (ctx, in) -> {
      Identity user = identities.create(account(ctx), new NewIdentity(IdentityKind.USER, in.userName(), in.path(), null,
          null, null, in.permissionsBoundary(), tags(in.tags())));
      return new CreateUserResponse(user(user, identities.tags(user.id())));
    });
    r.add("GetUser", GetUserRequest.class, (ctx, in) -> {
      Caller caller = ctx.caller();
      if (in.userName() == null && caller.type() != Caller.PrincipalType.USER) {
        // The account root asking about itself: AWS answers with the root's id and ARN.
        return new GetUserResponse(new User(null, null, caller.userId(), caller.arn(), null, null, null, null));
      }
      IamSnapshot s = snapshot.get();
      String name = in.userName() != null ? in.userName() : s.principalById(caller.userId())
          .map(IamSnapshot.Principal::name).orElseThrow(() -> notAUser(caller));
      StoredIdentity user = stored(s, account(ctx), IdentityKind.USER, name);
      return new GetUserResponse(user(user.identity(), user.tags()));
    });
    r.add("ListUsers", ListUsersRequest.class, (ctx, in) -> {
      Page<User> page = identities.list(account(ctx), IdentityKind.USER, in.pathPrefix(), in.marker(), in.maxItems())
          .map(u -> user(u, null));
      return new ListUsersResponse(page.items(), page.truncated(), page.marker());
    });
    r.add("UpdateUser", UpdateUserRequest.class, (ctx, in) -> {
      identities.rename(account(ctx), IdentityKind.USER, in.userName(), in.newUserName(), in.newPath());
      return null;
    });
    r.add("DeleteUser", DeleteUserRequest.class, (ctx, in) -> {
      identities.delete(account(ctx), IdentityKind.USER, in.userName());
      return null;
    });
    r.add("TagUser", TagUserRequest.class, (ctx, in) -> {
      identities.tag(account(ctx), IdentityKind.USER, in.userName(), tags(in.tags()));
      return null;
    });
    r.add("UntagUser", UntagUserRequest.class, (ctx, in) -> {
      identities.untag(account(ctx), IdentityKind.USER, in.userName(), orEmpty(in.tagKeys()));
      return null;
    });
    r.add("ListUserTags", ListUserTagsRequest.class, (ctx, in) -> {
      Page<IamShapes.Tag> page = identities.listTags(account(ctx), IdentityKind.USER, in.userName(), in.marker(),
          in.maxItems()).map(IamApi::tag);
      return new ListUserTagsResponse(page.items(), page.truncated(), page.marker());
    });
    r.add("PutUserPermissionsBoundary", PutUserPermissionsBoundaryRequest.class, (ctx, in) -> {
      identities.putBoundary(account(ctx), IdentityKind.USER, in.userName(), in.permissionsBoundary());
      return null;
    });
    r.add("DeleteUserPermissionsBoundary", DeleteUserPermissionsBoundaryRequest.class, (ctx, in) -> {
      identities.deleteBoundary(account(ctx), IdentityKind.USER, in.userName());
      return null;
    });
    r.add("ListGroupsForUser", ListGroupsForUserRequest.class, (ctx, in) -> {
      Page<Group> page = identities.groupsForUser(account(ctx), in.userName(), in.marker(), in.maxItems())
          .map(IamApi::group);
      return new ListGroupsForUserResponse(page.items(), page.truncated(), page.marker());
    });
    // What a client lists before DeleteUser; Gatehouse has none of these credentials, so each list is empty.
    r.add("ListMFADevices", ListMFADevicesRequest.class, (ctx, in) -> {
      if (in.userName() != null) identities.get(account(ctx), IdentityKind.USER, in.userName());
      return new ListMFADevicesResponse(List.of(), false, null);
    });
    r.add("ListSigningCertificates", ListSigningCertificatesRequest.class, (ctx, in) -> {
      if (in.userName() != null) identities.get(account(ctx), IdentityKind.USER, in.userName());
      return new ListSigningCertificatesResponse(List.of(), false, null);
    });
    r.add("ListSSHPublicKeys", ListSSHPublicKeysRequest.class, (ctx, in) -> {
      if (in.userName() != null) identities.get(account(ctx), IdentityKind.USER, in.userName());
      return new ListSSHPublicKeysResponse(List.of(), false, null);
    });
    r.add("ListServiceSpecificCredentials", ListServiceSpecificCredentialsRequest.class, (ctx, in) -> {
      if (in.userName() != null) identities.get(account(ctx), IdentityKind.USER, in.userName());
      return new ListServiceSpecificCredentialsResponse(List.of(), null, false);
    });
  }

  private void registerGroups(OperationRegistry r) {
    r.add("CreateGroup", CreateGroupRequest.class, (ctx, in) -> new CreateGroupResponse(group(identities.create(account(ctx),
        new NewIdentity(IdentityKind.GROUP, in.groupName(), in.path(), null, null, null, null, List.of())))));
    r.add("GetGroup", GetGroupRequest.class, (ctx, in) -> {
      Identity group = identities.get(account(ctx), IdentityKind.GROUP, in.groupName());
      Page<User> users = identities.usersInGroup(account(ctx), in.groupName(), in.marker(), in.maxItems())
          .map(u -> user(u, null));
      return new GetGroupResponse(group(group), users.items(), users.truncated(), users.marker());
    });
    r.add("ListGroups", ListGroupsRequest.class, (ctx, in) -> {
      Page<Group> page = identities.list(account(ctx), IdentityKind.GROUP, in.pathPrefix(), in.marker(), in.maxItems())
          .map(IamApi::group);
      return new ListGroupsResponse(page.items(), page.truncated(), page.marker());
    });
    r.add("UpdateGroup", UpdateGroupRequest.class, (ctx, in) -> {
      identities.rename(account(ctx), IdentityKind.GROUP, in.groupName(), in.newGroupName(), in.newPath());
      return null;
    });
    r.add("DeleteGroup", DeleteGroupRequest.class, (ctx, in) -> {
      identities.delete(account(ctx), IdentityKind.GROUP, in.groupName());
      return null;
    });
    r.add("AddUserToGroup", AddUserToGroupRequest.class, (ctx, in) -> {
      identities.addUserToGroup(account(ctx), in.groupName(), in.userName());
      return null;
    });
    r.add("RemoveUserFromGroup", RemoveUserFromGroupRequest.class, (ctx, in) -> {
      identities.removeUserFromGroup(account(ctx), in.groupName(), in.userName());
      return null;
    });
  }

  private void registerInlinePolicies(OperationRegistry r) {
    r.add("PutRolePolicy", PutRolePolicyRequest.class, (ctx, in) -> {
      identities.putInlinePolicy(account(ctx), IdentityKind.ROLE, in.roleName(), in.policyName(), in.policyDocument());
      return null;
    });
    r.add("PutUserPolicy", PutUserPolicyRequest.class, (ctx, in) -> {
      identities.putInlinePolicy(account(ctx), IdentityKind.USER, in.userName(), in.policyName(), in.policyDocument());
      return null;
    });
    r.add("PutGroupPolicy", PutGroupPolicyRequest.class, (ctx, in) -> {
      identities.putInlinePolicy(account(ctx), IdentityKind.GROUP, in.groupName(), in.policyName(), in.policyDocument());
      return null;
    });
    r.add("GetRolePolicy", GetRolePolicyRequest.class, (ctx, in) -> {
      Identity role = identities.get(account(ctx), IdentityKind.ROLE, in.roleName());
      InlinePolicy p = identities.getInlinePolicy(account(ctx), IdentityKind.ROLE, in.roleName(), in.policyName());
      return new GetRolePolicyResponse(role.name(), p.name(), PolicyDocuments.urlEncoded(p.document()));
    });
    r.add("GetUserPolicy", GetUserPolicyRequest.class, (ctx, in) -> {
      Identity user = identities.get(account(ctx), IdentityKind.USER, in.userName());
      InlinePolicy p = identities.getInlinePolicy(account(ctx), IdentityKind.USER, in.userName(), in.policyName());
      return new GetUserPolicyResponse(user.name(), p.name(), PolicyDocuments.urlEncoded(p.document()));
    });
    r.add("GetGroupPolicy", GetGroupPolicyRequest.class, (ctx, in) -> {
      Identity group = identities.get(account(ctx), IdentityKind.GROUP, in.groupName());
      InlinePolicy p = identities.getInlinePolicy(account(ctx), IdentityKind.GROUP, in.groupName(), in.policyName());
      return new GetGroupPolicyResponse(group.name(), p.name(), PolicyDocuments.urlEncoded(p.document()));
    });
    r.add("DeleteRolePolicy", DeleteRolePolicyRequest.class, (ctx, in) -> {
      identities.deleteInlinePolicy(account(ctx), IdentityKind.ROLE, in.roleName(), in.policyName());
      return null;
    });
    r.add("DeleteUserPolicy", DeleteUserPolicyRequest.class, (ctx, in) -> {
      identities.deleteInlinePolicy(account(ctx), IdentityKind.USER, in.userName(), in.policyName());
      return null;
    });
    r.add("DeleteGroupPolicy", DeleteGroupPolicyRequest.class, (ctx, in) -> {
      identities.deleteInlinePolicy(account(ctx), IdentityKind.GROUP, in.groupName(), in.policyName());
      return null;
    });
    r.add("ListRolePolicies", ListRolePoliciesRequest.class, (ctx, in) -> {
      Page<String> page = identities.listInlinePolicies(account(ctx), IdentityKind.ROLE, in.roleName(), in.marker(), in.maxItems());
      return new ListRolePoliciesResponse(page.items(), page.truncated(), page.marker());
    });
    r.add("ListUserPolicies", ListUserPoliciesRequest.class, (ctx, in) -> {
      Page<String> page = identities.listInlinePolicies(account(ctx), IdentityKind.USER, in.userName(), in.marker(), in.maxItems());
      return new ListUserPoliciesResponse(page.items(), page.truncated(), page.marker());
    });
    r.add("ListGroupPolicies", ListGroupPoliciesRequest.class, (ctx, in) -> {
      Page<String> page = identities.listInlinePolicies(account(ctx), IdentityKind.GROUP, in.groupName(), in.marker(), in.maxItems());
      return new ListGroupPoliciesResponse(page.items(), page.truncated(), page.marker());
    });
  }

  private void registerAttachments(OperationRegistry r) {
    r.add("AttachRolePolicy", AttachRolePolicyRequest.class, (ctx, in) -> {
      identities.attach(account(ctx), IdentityKind.ROLE, in.roleName(), in.policyArn());
      return null;
    });
    r.add("AttachUserPolicy", AttachUserPolicyRequest.class, (ctx, in) -> {
      identities.attach(account(ctx), IdentityKind.USER, in.userName(), in.policyArn());
      return null;
    });
    r.add("AttachGroupPolicy", AttachGroupPolicyRequest.class, (ctx, in) -> {
      identities.attach(account(ctx), IdentityKind.GROUP, in.groupName(), in.policyArn());
      return null;
    });
    r.add("DetachRolePolicy", DetachRolePolicyRequest.class, (ctx, in) -> {
      identities.detach(account(ctx), IdentityKind.ROLE, in.roleName(), in.policyArn());
      return null;
    });
    r.add("DetachUserPolicy", DetachUserPolicyRequest.class, (ctx, in) -> {
      identities.detach(account(ctx), IdentityKind.USER, in.userName(), in.policyArn());
      return null;
    });
    r.add("DetachGroupPolicy", DetachGroupPolicyRequest.class, (ctx, in) -> {
      identities.detach(account(ctx), IdentityKind.GROUP, in.groupName(), in.policyArn());
      return null;
    });
    r.add("ListAttachedRolePolicies", ListAttachedRolePoliciesRequest.class, (ctx, in) -> {
      Page<AttachedPolicy> page = identities.listAttached(account(ctx), IdentityKind.ROLE, in.roleName(), in.pathPrefix(),
          in.marker(), in.maxItems()).map(IamApi::attached);
      return new ListAttachedRolePoliciesResponse(page.items(), page.truncated(), page.marker());
    });
    r.add("ListAttachedUserPolicies", ListAttachedUserPoliciesRequest.class, (ctx, in) -> {
      Page<AttachedPolicy> page = identities.listAttached(account(ctx), IdentityKind.USER, in.userName(), in.pathPrefix(),
          in.marker(), in.maxItems()).map(IamApi::attached);
      return new ListAttachedUserPoliciesResponse(page.items(), page.truncated(), page.marker());
    });
    r.add("ListAttachedGroupPolicies", ListAttachedGroupPoliciesRequest.class, (ctx, in) -> {
      Page<AttachedPolicy> page = identities.listAttached(account(ctx), IdentityKind.GROUP, in.groupName(), in.pathPrefix(),
          in.marker(), in.maxItems()).map(IamApi::attached);
      return new ListAttachedGroupPoliciesResponse(page.items(), page.truncated(), page.marker());
    });
  }

  private void registerCredentials(OperationRegistry r) {
    r.add("CreateAccessKey", CreateAccessKeyRequest.class, (ctx, in) -> {
      CredentialService.NewKey k = credentials.createAccessKey(account(ctx), userName(ctx, in.userName()));
      return new CreateAccessKeyResponse(new AccessKey(k.userName(), k.key().accessKeyId(), k.key().status().wireName(),
          k.key().secretAccessKey(), k.key().createDate()));
    });
    r.add("ListAccessKeys", ListAccessKeysRequest.class, (ctx, in) -> {
      String userName = userName(ctx, in.userName());
      String name = identities.get(account(ctx), IdentityKind.USER, userName).name();
      List<AccessKeyMetadata> keys = credentials.listAccessKeys(account(ctx), userName);
      Page<IamShapes.AccessKeyMetadata> page = Page.of(keys, AccessKeyMetadata::accessKeyId, in.marker(), in.maxItems())
          .map(k -> new IamShapes.AccessKeyMetadata(name, k.accessKeyId(), k.status().wireName(), k.createDate()));
      return new ListAccessKeysResponse(page.items(), page.truncated(), page.marker());
    });
    r.add("UpdateAccessKey", UpdateAccessKeyRequest.class, (ctx, in) -> {
      credentials.updateAccessKey(account(ctx), userName(ctx, in.userName()), in.accessKeyId(),
          AccessKeyStatus.fromWire(in.status()));
      return null;
    });
    r.add("DeleteAccessKey", DeleteAccessKeyRequest.class, (ctx, in) -> {
      credentials.deleteAccessKey(account(ctx), userName(ctx, in.userName()), in.accessKeyId());
      return null;
    });
    r.add("GetAccessKeyLastUsed", GetAccessKeyLastUsedRequest.class, (ctx, in) -> {
      CredentialService.KeyUse use = credentials.lastUsed(account(ctx), in.accessKeyId());
      AccessKeyMetadata k = use.key();
      // AWS reports "N/A" for a key that has never signed a request.
      AccessKeyLastUsed last = k.lastUsedDate() == null ? new AccessKeyLastUsed(null, "N/A", "N/A")
          : new AccessKeyLastUsed(k.lastUsedDate(), k.lastUsedService(), k.lastUsedRegion());
      return new GetAccessKeyLastUsedResponse(use.userName(), last);
    });
    r.add("CreateLoginProfile", CreateLoginProfileRequest.class, (ctx, in) -> {
      String userName = userName(ctx, in.userName());
      LoginProfile p = credentials.createLoginProfile(account(ctx), userName, in.password(),
          Boolean.TRUE.equals(in.passwordResetRequired()));
      String name = identities.get(account(ctx), IdentityKind.USER, userName).name();
      return new CreateLoginProfileResponse(new IamShapes.LoginProfile(name, p.createdAt(), p.passwordResetRequired()));
    });
    r.add("GetLoginProfile", GetLoginProfileRequest.class, (ctx, in) -> {
      CredentialService.ProfileView v = credentials.getLoginProfile(account(ctx), userName(ctx, in.userName()));
      return new GetLoginProfileResponse(new IamShapes.LoginProfile(v.userName(), v.profile().createdAt(),
          v.profile().passwordResetRequired()));
    });
    r.add("UpdateLoginProfile", UpdateLoginProfileRequest.class, (ctx, in) -> {
      credentials.updateLoginProfile(account(ctx), userName(ctx, in.userName()), in.password(), in.passwordResetRequired());
      return null;
    });
    r.add("DeleteLoginProfile", DeleteLoginProfileRequest.class, (ctx, in) -> {
      credentials.deleteLoginProfile(account(ctx), userName(ctx, in.userName()));
      return null;
    });
  }

  private void registerManagedPolicies(OperationRegistry r) {
    r.add("CreatePolicy", CreatePolicyRequest.class, (ctx, in) -> {
      List<io.gatehouse.server.iam.Tag> tags = tags(in.tags());
      ManagedPolicy p = policies.create(account(ctx), in.policyName(), in.path(), in.description(), in.policyDocument(),
          tags);
      return new CreatePolicyResponse(policy(new PolicyView(p, 0, 0), tags));
    });
    r.add("GetPolicy", GetPolicyRequest.class, (ctx, in) ->
        new GetPolicyResponse(policy(policies.get(account(ctx), in.policyArn()), policies.tags(account(ctx), in.policyArn()))));
    r.add("TagPolicy", TagPolicyRequest.class, (ctx, in) -> {
      policies.tag(ctx.caller().arn(), account(ctx), in.policyArn(), tags(in.tags()));
      return null;
    });
    r.add("UntagPolicy", UntagPolicyRequest.class, (ctx, in) -> {
      policies.untag(ctx.caller().arn(), account(ctx), in.policyArn(), orEmpty(in.tagKeys()));
      return null;
    });
    r.add("ListPolicyTags", ListPolicyTagsRequest.class, (ctx, in) -> {
      Page<IamShapes.Tag> page = Page.of(policies.tags(account(ctx), in.policyArn()), t -> JdbcIamStore.key(t.key()),
          in.marker(), in.maxItems()).map(IamApi::tag);
      return new ListPolicyTagsResponse(page.items(), page.truncated(), page.marker());
    });
    r.add("DeletePolicy", DeletePolicyRequest.class, (ctx, in) -> {
      policies.delete(ctx.caller().arn(), account(ctx), in.policyArn());
      return null;
    });
    r.add("ListPolicies", ListPoliciesRequest.class, (ctx, in) -> {
      Scope scope = in.scope() == null ? Scope.ALL : Scope.valueOf(in.scope().toUpperCase(java.util.Locale.ROOT));
      ManagedPolicyService.Usage usage = in.policyUsageFilter() == null ? ManagedPolicyService.Usage.ANY
          : "PermissionsBoundary".equals(in.policyUsageFilter()) ? ManagedPolicyService.Usage.PERMISSIONS_BOUNDARY
          : ManagedPolicyService.Usage.PERMISSIONS_POLICY;
      Page<Policy> page = policies.list(account(ctx), scope, Boolean.TRUE.equals(in.onlyAttached()), usage,
          in.pathPrefix(), in.marker(), in.maxItems()).map(v -> policy(v, List.of()));
      return new ListPoliciesResponse(page.items(), page.truncated(), page.marker());
    });
    r.add("CreatePolicyVersion", CreatePolicyVersionRequest.class, (ctx, in) -> {
      boolean setAsDefault = Boolean.TRUE.equals(in.setAsDefault());
      PolicyVersion v = policies.createVersion(ctx.caller().arn(), account(ctx), in.policyArn(),
          in.policyDocument(), setAsDefault);
      return new CreatePolicyVersionResponse(new IamShapes.PolicyVersion(null, v.versionId(), setAsDefault, v.createdAt()));
    });
    r.add("GetPolicyVersion", GetPolicyVersionRequest.class, (ctx, in) ->
        new GetPolicyVersionResponse(version(policies.getVersion(account(ctx), in.policyArn(), in.versionId()), true)));
    r.add("ListPolicyVersions", ListPolicyVersionsRequest.class, (ctx, in) -> {
      Page<IamShapes.PolicyVersion> page = policies.listVersions(account(ctx), in.policyArn(), in.marker(), in.maxItems())
          .map(v -> version(v, false));
      return new ListPolicyVersionsResponse(page.items(), page.truncated(), page.marker());
    });
    r.add("DeletePolicyVersion", DeletePolicyVersionRequest.class, (ctx, in) -> {
      policies.deleteVersion(ctx.caller().arn(), account(ctx), in.policyArn(), in.versionId());
      return null;
    });
    r.add("SetDefaultPolicyVersion", SetDefaultPolicyVersionRequest.class, (ctx, in) -> {
      policies.setDefaultVersion(ctx.caller().arn(), account(ctx), in.policyArn(), in.versionId());
      return null;
    });
    r.add("ListEntitiesForPolicy", ListEntitiesForPolicyRequest.class, (ctx, in) -> {
      Optional<IdentityKind> kind = in.entityFilter() == null ? Optional.empty() : switch (in.entityFilter()) {
        case "User" -> Optional.of(IdentityKind.USER);
        case "Role" -> Optional.of(IdentityKind.ROLE);
        case "Group" -> Optional.of(IdentityKind.GROUP);
        default -> Optional.empty(); // LocalManagedPolicy / AWSManagedPolicy filter policies, not entities
      };
      boolean asBoundary = "PermissionsBoundary".equals(in.policyUsageFilter());
      Page<Identity> page = Page.of(policies.entitiesFor(account(ctx), in.policyArn(), kind, in.pathPrefix(), asBoundary),
          i -> i.kind() + "/" + JdbcIamStore.key(i.name()), in.marker(), in.maxItems());
      List<Identity> items = page.items();
      return new ListEntitiesForPolicyResponse(
          items.stream().filter(i -> i.kind() == IdentityKind.GROUP).map(i -> new PolicyGroup(i.name(), i.id())).toList(),
          items.stream().filter(i -> i.kind() == IdentityKind.USER).map(i -> new PolicyUser(i.name(), i.id())).toList(),
          items.stream().filter(i -> i.kind() == IdentityKind.ROLE).map(i -> new PolicyRole(i.name(), i.id())).toList(),
          page.truncated(), page.marker());
    });
  }

  private void registerAccount(OperationRegistry r) {
    r.add("UpdateAccountPasswordPolicy", UpdateAccountPasswordPolicyRequest.class, (ctx, in) -> {
      settings.updatePasswordPolicy(account(ctx), new PasswordPolicy(
          in.minimumPasswordLength() == null ? 6 : in.minimumPasswordLength(), is(in.requireSymbols()),
          is(in.requireNumbers()), is(in.requireUppercaseCharacters()), is(in.requireLowercaseCharacters()),
          is(in.allowUsersToChangePassword()), in.maxPasswordAge(), in.passwordReusePrevention(), is(in.hardExpiry())));
      return null;
    });
    r.add("GetAccountPasswordPolicy", Void.class, (ctx, in) -> {
      PasswordPolicy p = settings.passwordPolicy(account(ctx));
      return new GetAccountPasswordPolicyResponse(new IamShapes.PasswordPolicy(p.minimumPasswordLength(), p.requireSymbols(),
          p.requireNumbers(), p.requireUppercaseCharacters(), p.requireLowercaseCharacters(),
          p.allowUsersToChangePassword(), p.maxPasswordAge() != null && p.maxPasswordAge() > 0, p.maxPasswordAge(),
          p.passwordReusePrevention(), p.hardExpiry()));
    });
    r.add("DeleteAccountPasswordPolicy", Void.class, (ctx, in) -> {
      settings.deletePasswordPolicy(account(ctx));
      return null;
    });
    r.add("CreateAccountAlias", CreateAccountAliasRequest.class, (ctx, in) -> {
      settings.createAlias(account(ctx), in.accountAlias());
      return null;
    });
    r.add("DeleteAccountAlias", DeleteAccountAliasRequest.class, (ctx, in) -> {
      settings.deleteAlias(account(ctx), in.accountAlias());
      return null;
    });
    r.add("ListAccountAliases", ListAccountAliasesRequest.class, (ctx, in) ->
        new ListAccountAliasesResponse(settings.aliases(account(ctx)), false, null));
  }

  private static String account(RequestContext ctx) {
    return ctx.caller().accountId();
  }

  /** The user a request names, or the calling user when it names none (as AWS does for its own keys). */
  private String userName(RequestContext ctx, String given) {
    if (given != null) return given;
    Caller caller = ctx.caller();
    if (caller.type() == Caller.PrincipalType.USER) {
      Optional<Identity> self = identities.byId(caller.userId());
      if (self.isPresent()) return self.get().name();
    }
    throw notAUser(caller);
  }

  private static IamErrors.InvalidInputException notAUser(Caller caller) {
    return new IamErrors.InvalidInputException("A user name is required: the caller " + caller.arn() + " is not an IAM user.");
  }

  /**
   * The user or role from the snapshot; one it does not know yet (created through another server,
   * or by the provisioning worker whose reload has not finished) is looked up in the database
   * before the answer is NoSuchEntity, so a name that exists is never denied.
   */
  private StoredIdentity stored(IamSnapshot s, String accountId, IdentityKind kind, String name) {
    return s.stored(accountId, kind, name).orElseGet(() -> {
      Identity i = identities.get(accountId, kind, name);
      return new StoredIdentity(i, identities.tags(i.id()));
    });
  }

  private static boolean is(Boolean b) {
    return Boolean.TRUE.equals(b);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static List<io.gatehouse.server.iam.Tag> tags(List<IamShapes.Tag> tags) {
    return tags == null ? List.of() : tags.stream().map(t -> new io.gatehouse.server.iam.Tag(t.key(),
        t.value() == null ? "" : t.value())).toList();
  }

  private static IamShapes.Tag tag(io.gatehouse.server.iam.Tag t) {
    return new IamShapes.Tag(t.key(), t.value());
  }

  private static AttachedPermissionsBoundary boundary(Identity i) {
    return i.permissionsBoundary() == null ? null
        : new AttachedPermissionsBoundary("PermissionsBoundaryPolicy", i.permissionsBoundary());
  }

  /** @param tags the role's tags for GetRole/CreateRole; null in lists, which AWS returns without them */
  private static Role role(Identity i, List<io.gatehouse.server.iam.Tag> tags) {
    return new Role(i.path(), i.name(), i.id(), i.arn(), i.createdAt(), PolicyDocuments.urlEncoded(i.trustPolicy()),
        i.description(), i.maxSessionDuration(), tags == null ? null : boundary(i),
        tags == null || tags.isEmpty() ? null : tags.stream().map(IamApi::tag).toList(),
        tags == null ? null : new RoleLastUsed(null, null));
  }

  private static User user(Identity i, List<io.gatehouse.server.iam.Tag> tags) {
    return new User(i.path(), i.name(), i.id(), i.arn(), i.createdAt(), null, tags == null ? null : boundary(i),
        tags == null || tags.isEmpty() ? null : tags.stream().map(IamApi::tag).toList());
  }

  private static Group group(Identity i) {
    return new Group(i.path(), i.name(), i.id(), i.arn(), i.createdAt());
  }

  private static AttachedPolicy attached(ManagedPolicy p) {
    return new AttachedPolicy(p.name(), p.arn());
  }

  /** @param tags shown by CreatePolicy and GetPolicy; ListPolicies, like AWS, shows none */
  private static Policy policy(PolicyView v, List<io.gatehouse.server.iam.Tag> tags) {
    ManagedPolicy p = v.policy();
    return new Policy(p.name(), p.id(), p.arn(), p.path(), p.defaultVersion(), v.attachmentCount(),
        v.boundaryUsageCount(), true, p.description(), p.createdAt(), p.updatedAt(),
        tags.isEmpty() ? null : tags.stream().map(IamApi::tag).toList());
  }

  private static IamShapes.PolicyVersion version(VersionView v, boolean withDocument) {
    return new IamShapes.PolicyVersion(withDocument ? PolicyDocuments.urlEncoded(v.version().document()) : null,
        v.version().versionId(), v.isDefault(), v.version().createdAt());
  }
}
