package io.gatehouse.server.permissionsets;

import io.gatehouse.server.awsprotocol.OperationRegistry;
import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.core.RequestContext;
import java.time.Instant;
import java.util.List;

/** The sso-admin permission-set operations; records are the model's shapes, named as there. */
final class PermissionSetApi implements ServiceApi {
  private final PermissionSetService sets;
  private final PermissionSetPolicies policies;
  private final PermissionSetTags tags;

  PermissionSetApi(PermissionSetService sets, PermissionSetPolicies policies, PermissionSetTags tags) {
    this.sets = sets;
    this.policies = policies;
    this.tags = tags;
  }

  @Override
  public String service() {
    return "sso-admin";
  }

  private static String caller(RequestContext ctx) {
    return ctx.caller().accountId();
  }

  @Override
  public void register(OperationRegistry r) {
    registerSets(r);
    registerManagedPolicies(r);
    registerInlineAndBoundary(r);
    registerTags(r);
  }

  private void registerSets(OperationRegistry r) {
    r.add("CreatePermissionSet", CreatePermissionSetRequest.class, (ctx, in) -> new CreatePermissionSetResponse(
        PermissionSetShape.of(sets.create(caller(ctx), in.instanceArn(), new PermissionSetService.NewPermissionSet(
            in.name(), in.description(), in.sessionDuration(), in.relayState(), in.tags())))));
    r.add("DescribePermissionSet", SetRequest.class, (ctx, in) -> new DescribePermissionSetResponse(
        PermissionSetShape.of(sets.describe(caller(ctx), in.instanceArn(), in.permissionSetArn()))));
    r.add("ListPermissionSets", ListPermissionSetsRequest.class, (ctx, in) -> {
      Page<String> page = sets.list(caller(ctx), in.instanceArn(), in.maxResults(), in.nextToken());
      return new ListPermissionSetsResponse(page.items(), page.nextToken());
    });
    r.add("UpdatePermissionSet", UpdatePermissionSetRequest.class, (ctx, in) -> {
      sets.update(caller(ctx), in.instanceArn(), in.permissionSetArn(), in.description(), in.sessionDuration(), in.relayState());
      return new Empty();
    });
    r.add("DeletePermissionSet", SetRequest.class, (ctx, in) -> {
      sets.delete(caller(ctx), in.instanceArn(), in.permissionSetArn());
      return new Empty();
    });
  }

  private void registerManagedPolicies(OperationRegistry r) {
    r.add("AttachManagedPolicyToPermissionSet", ManagedPolicyRequest.class, (ctx, in) -> {
      policies.attachManaged(caller(ctx), in.instanceArn(), in.permissionSetArn(), in.managedPolicyArn());
      return new Empty();
    });
    r.add("DetachManagedPolicyFromPermissionSet", ManagedPolicyRequest.class, (ctx, in) -> {
      policies.detachManaged(caller(ctx), in.instanceArn(), in.permissionSetArn(), in.managedPolicyArn());
      return new Empty();
    });
    r.add("ListManagedPoliciesInPermissionSet", ListInSetRequest.class, (ctx, in) -> {
      Page<String> page = policies.listManaged(caller(ctx), in.instanceArn(), in.permissionSetArn(), in.maxResults(),
          in.nextToken());
      return new ListManagedPoliciesResponse(page.items().stream().map(AttachedManagedPolicy::of).toList(), page.nextToken());
    });
    r.add("AttachCustomerManagedPolicyReferenceToPermissionSet", CustomerPolicyRequest.class, (ctx, in) -> {
      policies.attachCustomer(caller(ctx), in.instanceArn(), in.permissionSetArn(), in.customerManagedPolicyReference());
      return new Empty();
    });
    r.add("DetachCustomerManagedPolicyReferenceFromPermissionSet", CustomerPolicyRequest.class, (ctx, in) -> {
      policies.detachCustomer(caller(ctx), in.instanceArn(), in.permissionSetArn(), in.customerManagedPolicyReference());
      return new Empty();
    });
    r.add("ListCustomerManagedPolicyReferencesInPermissionSet", ListInSetRequest.class, (ctx, in) -> {
      Page<CustomerManagedPolicyReference> page = policies.listCustomer(caller(ctx), in.instanceArn(), in.permissionSetArn(),
          in.maxResults(), in.nextToken());
      return new ListCustomerPoliciesResponse(page.items(), page.nextToken());
    });
  }

  private void registerInlineAndBoundary(OperationRegistry r) {
    r.add("PutInlinePolicyToPermissionSet", PutInlinePolicyRequest.class, (ctx, in) -> {
      policies.putInline(caller(ctx), in.instanceArn(), in.permissionSetArn(), in.inlinePolicy());
      return new Empty();
    });
    r.add("GetInlinePolicyForPermissionSet", SetRequest.class, (ctx, in) ->
        new GetInlinePolicyResponse(policies.getInline(caller(ctx), in.instanceArn(), in.permissionSetArn())));
    r.add("DeleteInlinePolicyFromPermissionSet", SetRequest.class, (ctx, in) -> {
      policies.deleteInline(caller(ctx), in.instanceArn(), in.permissionSetArn());
      return new Empty();
    });
    r.add("PutPermissionsBoundaryToPermissionSet", PutBoundaryRequest.class, (ctx, in) -> {
      policies.putBoundary(caller(ctx), in.instanceArn(), in.permissionSetArn(), in.permissionsBoundary());
      return new Empty();
    });
    r.add("GetPermissionsBoundaryForPermissionSet", SetRequest.class, (ctx, in) ->
        new GetBoundaryResponse(policies.getBoundary(caller(ctx), in.instanceArn(), in.permissionSetArn())));
    r.add("DeletePermissionsBoundaryFromPermissionSet", SetRequest.class, (ctx, in) -> {
      policies.deleteBoundary(caller(ctx), in.instanceArn(), in.permissionSetArn());
      return new Empty();
    });
  }

  private void registerTags(OperationRegistry r) {
    r.add("TagResource", TagResourceRequest.class, (ctx, in) -> {
      tags.tag(caller(ctx), in.instanceArn(), in.resourceArn(), in.tags());
      return new Empty();
    });
    r.add("UntagResource", UntagResourceRequest.class, (ctx, in) -> {
      tags.untag(caller(ctx), in.instanceArn(), in.resourceArn(), in.tagKeys());
      return new Empty();
    });
    r.add("ListTagsForResource", ListTagsRequest.class, (ctx, in) -> {
      Page<Tag> page = tags.list(caller(ctx), in.instanceArn(), in.resourceArn(), in.nextToken());
      return new ListTagsResponse(page.items(), page.nextToken());
    });
  }

  record Empty() {}

  record CreatePermissionSetRequest(String name, String description, String instanceArn, String sessionDuration,
      String relayState, List<Tag> tags) {}

  record CreatePermissionSetResponse(PermissionSetShape permissionSet) {}

  /** The model's {@code PermissionSet} shape. */
  record PermissionSetShape(String name, String permissionSetArn, String description, Instant createdDate,
      String sessionDuration, String relayState) {
    static PermissionSetShape of(PermissionSet s) {
      return new PermissionSetShape(s.name(), s.permissionSetArn(), s.description(), s.createdDate(),
          SessionDurations.format(s.sessionDuration()), s.relayState());
    }
  }

  /** Every request that names just an instance and a set. */
  record SetRequest(String instanceArn, String permissionSetArn) {}

  record DescribePermissionSetResponse(PermissionSetShape permissionSet) {}

  record ListPermissionSetsRequest(String instanceArn, String nextToken, Integer maxResults) {}

  record ListPermissionSetsResponse(List<String> permissionSets, String nextToken) {}

  record UpdatePermissionSetRequest(String instanceArn, String permissionSetArn, String description,
      String sessionDuration, String relayState) {}

  record ManagedPolicyRequest(String instanceArn, String permissionSetArn, String managedPolicyArn) {}

  record ListInSetRequest(String instanceArn, String permissionSetArn, Integer maxResults, String nextToken) {}

  record AttachedManagedPolicy(String name, String arn) {
    static AttachedManagedPolicy of(String arn) {
      return new AttachedManagedPolicy(arn.substring(arn.lastIndexOf('/') + 1), arn);
    }
  }

  record ListManagedPoliciesResponse(List<AttachedManagedPolicy> attachedManagedPolicies, String nextToken) {}

  record CustomerPolicyRequest(String instanceArn, String permissionSetArn,
      CustomerManagedPolicyReference customerManagedPolicyReference) {}

  record ListCustomerPoliciesResponse(List<CustomerManagedPolicyReference> customerManagedPolicyReferences,
      String nextToken) {}

  record PutInlinePolicyRequest(String instanceArn, String permissionSetArn, String inlinePolicy) {}

  record GetInlinePolicyResponse(String inlinePolicy) {}

  record PutBoundaryRequest(String instanceArn, String permissionSetArn, PermissionsBoundary permissionsBoundary) {}

  record GetBoundaryResponse(PermissionsBoundary permissionsBoundary) {}

  record TagResourceRequest(String instanceArn, String resourceArn, List<Tag> tags) {}

  record UntagResourceRequest(String instanceArn, String resourceArn, List<String> tagKeys) {}

  record ListTagsRequest(String instanceArn, String resourceArn, String nextToken) {}

  record ListTagsResponse(List<Tag> tags, String nextToken) {}
}
