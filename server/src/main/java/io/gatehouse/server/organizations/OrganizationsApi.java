package io.gatehouse.server.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.server.awsprotocol.OperationRegistry;
import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.core.RequestContext;
import io.gatehouse.server.organizations.OrganizationsShapes.AccountIdRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.AccountShape;
import io.gatehouse.server.organizations.OrganizationsShapes.ChildShape;
import io.gatehouse.server.organizations.OrganizationsShapes.CreateAccountRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.CreateAccountStatusResponse;
import io.gatehouse.server.organizations.OrganizationsShapes.CreateAccountStatusShape;
import io.gatehouse.server.organizations.OrganizationsShapes.CreateOrganizationRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.CreateOrganizationalUnitRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.CreatePolicyRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.DescribeAccountResponse;
import io.gatehouse.server.organizations.OrganizationsShapes.DescribeCreateAccountStatusRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.ListAccountsResponse;
import io.gatehouse.server.organizations.OrganizationsShapes.ListChildrenRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.ListChildrenResponse;
import io.gatehouse.server.organizations.OrganizationsShapes.ListCreateAccountStatusRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.ListCreateAccountStatusResponse;
import io.gatehouse.server.organizations.OrganizationsShapes.ListOrganizationalUnitsForParentResponse;
import io.gatehouse.server.organizations.OrganizationsShapes.ListParentsRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.ListParentsResponse;
import io.gatehouse.server.organizations.OrganizationsShapes.ListPoliciesForTargetRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.ListPoliciesRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.ListPoliciesResponse;
import io.gatehouse.server.organizations.OrganizationsShapes.ListRootsResponse;
import io.gatehouse.server.organizations.OrganizationsShapes.ListTargetsForPolicyRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.ListTargetsForPolicyResponse;
import io.gatehouse.server.organizations.OrganizationsShapes.MoveAccountRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.OrganizationResponse;
import io.gatehouse.server.organizations.OrganizationsShapes.OrganizationShape;
import io.gatehouse.server.organizations.OrganizationsShapes.OrganizationalUnitIdRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.OrganizationalUnitResponse;
import io.gatehouse.server.organizations.OrganizationsShapes.OrganizationalUnitShape;
import io.gatehouse.server.organizations.OrganizationsShapes.PageRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.ParentPageRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.PolicyIdRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.PolicyResponse;
import io.gatehouse.server.organizations.OrganizationsShapes.PolicyShape;
import io.gatehouse.server.organizations.OrganizationsShapes.PolicySummary;
import io.gatehouse.server.organizations.OrganizationsShapes.PolicyTargetRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.PolicyTargetSummary;
import io.gatehouse.server.organizations.OrganizationsShapes.PolicyTypeRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.PolicyTypeSummary;
import io.gatehouse.server.organizations.OrganizationsShapes.RootResponse;
import io.gatehouse.server.organizations.OrganizationsShapes.RootShape;
import io.gatehouse.server.organizations.OrganizationsShapes.TagShape;
import io.gatehouse.server.organizations.OrganizationsShapes.UpdateOrganizationalUnitRequest;
import io.gatehouse.server.organizations.OrganizationsShapes.UpdatePolicyRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The organizations service on the wire: binds each operation to the services and maps domain
 * values to the model's shapes. Access (management account only, except DescribeOrganization) is
 * checked here, before any work.
 */
final class OrganizationsApi implements ServiceApi {
  private final StructureService structure;
  private final AccountService accounts;
  private final PolicyService policies;
  private final TagService tagging;
  private final CallerAccess access;

  OrganizationsApi(StructureService structure, AccountService accounts, PolicyService policies, TagService tags,
      CallerAccess access) {
    this.structure = structure;
    this.accounts = accounts;
    this.policies = policies;
    this.tagging = tags;
    this.access = access;
  }

  @Override
  public String service() {
    return "organizations";
  }

  @Override
  public void register(OperationRegistry r) {
    registerStructure(r);
    registerAccounts(r);
    registerPolicies(r);
    registerTags(r);
  }

  private void registerTags(OperationRegistry r) {
    r.add("TagResource", OrganizationsShapes.TagResourceRequest.class, (ctx, in) -> {
      access.requireManagementAccount(ctx);
      tagging.tagResource(in.resourceId(), tags(in.tags()));
      return null;
    });
    r.add("UntagResource", OrganizationsShapes.UntagResourceRequest.class, (ctx, in) -> {
      access.requireManagementAccount(ctx);
      tagging.untagResource(in.resourceId(), in.tagKeys());
      return null;
    });
    r.add("ListTagsForResource", OrganizationsShapes.ListTagsForResourceRequest.class, (ctx, in) -> {
      access.requireManagementAccount(ctx);
      List<TagShape> list = tagging.listTagsForResource(in.resourceId()).stream().map(t -> new TagShape(t.key(), t.value())).toList();
      return new OrganizationsShapes.ListTagsForResourceResponse(list, null);
    });
  }

  private void registerStructure(OperationRegistry r) {
    r.add("DescribeOrganization", JsonNode.class, (RequestContext ctx, JsonNode in) -> {
      Organization org = access.requireMember(ctx);
      return new OrganizationResponse(organization(org));
    });
    r.add("CreateOrganization", CreateOrganizationRequest.class, (ctx, in) -> {
      FeatureSet featureSet = in.featureSet() == null ? FeatureSet.ALL : FeatureSet.valueOf(in.featureSet());
      StructureService.Created created = structure.createOrganization(callerAccount(ctx), featureSet);
      return new OrganizationResponse(organization(created.organization()));
    });
    r.add("ListRoots", PageRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      Slice<Root> page = structure.listRoots(Keyset.of(in.nextToken(), in.maxResults()));
      return new ListRootsResponse(page.items().stream().map(root -> root(org, root)).toList(), page.nextToken());
    });
    r.add("CreateOrganizationalUnit", CreateOrganizationalUnitRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      OrganizationalUnit ou = structure.createOrganizationalUnit(in.parentId(), in.name(), tags(in.tags()));
      return new OrganizationalUnitResponse(organizationalUnit(org, ou));
    });
    r.add("DescribeOrganizationalUnit", OrganizationalUnitIdRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      return new OrganizationalUnitResponse(organizationalUnit(org, structure.describeOrganizationalUnit(in.organizationalUnitId())));
    });
    r.add("UpdateOrganizationalUnit", UpdateOrganizationalUnitRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      OrganizationalUnit ou = structure.updateOrganizationalUnit(in.organizationalUnitId(), in.name());
      return new OrganizationalUnitResponse(organizationalUnit(org, ou));
    });
    r.add("DeleteOrganizationalUnit", OrganizationalUnitIdRequest.class, (ctx, in) -> {
      access.requireManagementAccount(ctx);
      structure.deleteOrganizationalUnit(in.organizationalUnitId());
      return null;
    });
    r.add("ListOrganizationalUnitsForParent", ParentPageRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      Slice<OrganizationalUnit> page =
          structure.listOrganizationalUnitsForParent(in.parentId(), Keyset.of(in.nextToken(), in.maxResults()));
      return new ListOrganizationalUnitsForParentResponse(
          page.items().stream().map(ou -> organizationalUnit(org, ou)).toList(), page.nextToken());
    });
    r.add("ListChildren", ListChildrenRequest.class, (ctx, in) -> {
      access.requireManagementAccount(ctx);
      Slice<StructureService.Child> page = structure.listChildren(in.parentId(), TargetType.valueOf(in.childType()),
          Keyset.of(in.nextToken(), in.maxResults()));
      return new ListChildrenResponse(page.items().stream().map(OrganizationsApi::child).toList(), page.nextToken());
    });
    r.add("ListParents", ListParentsRequest.class, (ctx, in) -> {
      access.requireManagementAccount(ctx);
      return new ListParentsResponse(List.of(child(structure.parentOf(in.childId()))), null);
    });
  }

  private void registerAccounts(OperationRegistry r) {
    r.add("CreateAccount", CreateAccountRequest.class, (ctx, in) -> {
      access.requireManagementAccount(ctx);
      AccountCreation creation = accounts.createAccount(in.email(), in.accountName(), in.roleName(), tags(in.tags()));
      return new CreateAccountStatusResponse(createAccountStatus(creation));
    });
    r.add("DescribeCreateAccountStatus", DescribeCreateAccountStatusRequest.class, (ctx, in) -> {
      access.requireManagementAccount(ctx);
      return new CreateAccountStatusResponse(createAccountStatus(accounts.describeCreateAccountStatus(in.createAccountRequestId())));
    });
    r.add("ListCreateAccountStatus", ListCreateAccountStatusRequest.class, (ctx, in) -> {
      access.requireManagementAccount(ctx);
      Set<String> states = in.states() == null ? Set.of() : Set.copyOf(in.states());
      Slice<AccountCreation> page = accounts.listCreateAccountStatus(states, Keyset.of(in.nextToken(), in.maxResults()));
      return new ListCreateAccountStatusResponse(
          page.items().stream().map(OrganizationsApi::createAccountStatus).toList(), page.nextToken());
    });
    r.add("DescribeAccount", AccountIdRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      return new DescribeAccountResponse(account(org, accounts.describeAccount(in.accountId()), ctx.time()));
    });
    r.add("ListAccounts", PageRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      Slice<Account> page = accounts.listAccounts(Keyset.of(in.nextToken(), in.maxResults()));
      return new ListAccountsResponse(page.items().stream().map(a -> account(org, a, ctx.time())).toList(), page.nextToken());
    });
    r.add("ListAccountsForParent", ParentPageRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      Slice<Account> page = accounts.listAccountsForParent(in.parentId(), Keyset.of(in.nextToken(), in.maxResults()));
      return new ListAccountsResponse(page.items().stream().map(a -> account(org, a, ctx.time())).toList(), page.nextToken());
    });
    r.add("MoveAccount", MoveAccountRequest.class, (ctx, in) -> {
      access.requireManagementAccount(ctx);
      accounts.moveAccount(in.accountId(), in.sourceParentId(), in.destinationParentId());
      return null;
    });
    r.add("CloseAccount", AccountIdRequest.class, (ctx, in) -> {
      access.requireManagementAccount(ctx);
      accounts.closeAccount(in.accountId());
      return null;
    });
  }

  private void registerPolicies(OperationRegistry r) {
    r.add("CreatePolicy", CreatePolicyRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      Policy p = policies.createPolicy(in.content(), in.description(), in.name(), in.type(), tags(in.tags()));
      return new PolicyResponse(policy(org, p));
    });
    r.add("DescribePolicy", PolicyIdRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      return new PolicyResponse(policy(org, policies.describePolicy(in.policyId())));
    });
    r.add("UpdatePolicy", UpdatePolicyRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      return new PolicyResponse(policy(org, policies.updatePolicy(in.policyId(), in.name(), in.description(), in.content())));
    });
    r.add("DeletePolicy", PolicyIdRequest.class, (ctx, in) -> {
      access.requireManagementAccount(ctx);
      policies.deletePolicy(in.policyId());
      return null;
    });
    r.add("ListPolicies", ListPoliciesRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      Slice<Policy> page = policies.listPolicies(in.filter(), Keyset.of(in.nextToken(), in.maxResults()));
      return new ListPoliciesResponse(page.items().stream().map(p -> policySummary(org, p)).toList(), page.nextToken());
    });
    r.add("AttachPolicy", PolicyTargetRequest.class, (ctx, in) -> {
      access.requireManagementAccount(ctx);
      policies.attachPolicy(in.policyId(), in.targetId());
      return null;
    });
    r.add("DetachPolicy", PolicyTargetRequest.class, (ctx, in) -> {
      access.requireManagementAccount(ctx);
      policies.detachPolicy(in.policyId(), in.targetId());
      return null;
    });
    r.add("ListPoliciesForTarget", ListPoliciesForTargetRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      Slice<Policy> page = policies.listPoliciesForTarget(in.targetId(), in.filter(), Keyset.of(in.nextToken(), in.maxResults()));
      return new ListPoliciesResponse(page.items().stream().map(p -> policySummary(org, p)).toList(), page.nextToken());
    });
    r.add("ListTargetsForPolicy", ListTargetsForPolicyRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      Slice<Targets.Target> page = policies.listTargetsForPolicy(in.policyId(), Keyset.of(in.nextToken(), in.maxResults()));
      return new ListTargetsForPolicyResponse(page.items().stream()
          .map(t -> new PolicyTargetSummary(t.id(), t.arn(org), t.name(), t.type().name())).toList(), page.nextToken());
    });
    r.add("EnablePolicyType", PolicyTypeRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      return new RootResponse(root(org, policies.enablePolicyType(in.rootId(), in.policyType())));
    });
    r.add("DisablePolicyType", PolicyTypeRequest.class, (ctx, in) -> {
      Organization org = access.requireManagementAccount(ctx);
      return new RootResponse(root(org, policies.disablePolicyType(in.rootId(), in.policyType())));
    });
  }

  // --- domain → wire

  private OrganizationShape organization(Organization org) {
    Account management = structure.managementAccount(org);
    Root root = structure.root();
    return new OrganizationShape(org.id(), org.arn(), org.featureSet().name(),
        Arns.account(org.managementAccountId(), org.id(), org.managementAccountId()), org.managementAccountId(),
        management.email(), policyTypes(root));
  }

  private static RootShape root(Organization org, Root root) {
    return new RootShape(root.id(), Arns.root(org.managementAccountId(), org.id(), root.id()), root.name(), policyTypes(root));
  }

  private static List<PolicyTypeSummary> policyTypes(Root root) {
    return root.enabledPolicyTypes().stream().sorted()
        .map(t -> new PolicyTypeSummary(t.name(), "ENABLED"))
        .toList();
  }

  private static OrganizationalUnitShape organizationalUnit(Organization org, OrganizationalUnit ou) {
    return new OrganizationalUnitShape(ou.id(), Arns.organizationalUnit(org.managementAccountId(), org.id(), ou.id()),
        ou.name(), ou.path(org.id()));
  }

  private static ChildShape child(StructureService.Child child) {
    return new ChildShape(child.id(), child.type().name());
  }

  private static AccountShape account(Organization org, Account a, Instant now) {
    return new AccountShape(a.id(), Arns.account(org.managementAccountId(), org.id(), a.id()), a.email(), a.name(),
        a.status().name(), a.state(now), List.of(a.path(org.id())), a.joinedMethod(), a.joinedAt());
  }

  private static CreateAccountStatusShape createAccountStatus(AccountCreation c) {
    return new CreateAccountStatusShape(c.id(), c.accountName(), c.state(), c.requestedAt(), c.completedAt(),
        c.accountId(), null, c.failureReason());
  }

  private static PolicySummary policySummary(Organization org, Policy p) {
    return new PolicySummary(p.id(), p.arn(org), p.name(), p.description(), p.type().name(), p.awsManaged());
  }

  private static PolicyShape policy(Organization org, Policy p) {
    return new PolicyShape(policySummary(org, p), p.content());
  }

  private static List<Tag> tags(List<TagShape> tags) {
    return tags == null ? List.of() : tags.stream().map(t -> new Tag(t.key(), t.value())).toList();
  }

  private static String callerAccount(RequestContext ctx) {
    if (ctx.caller() == null) throw new OrganizationsErrors.AccessDeniedException();
    return ctx.caller().accountId();
  }
}
