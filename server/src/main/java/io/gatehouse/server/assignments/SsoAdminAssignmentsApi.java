package io.gatehouse.server.assignments;

import io.gatehouse.server.awsprotocol.OperationRegistry;
import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.core.RequestContext;
import java.time.Instant;
import java.util.List;

/** sso-admin's account assignment and provisioning operations; shapes named as in the model. */
final class SsoAdminAssignmentsApi implements ServiceApi {
  private final AssignmentService service;

  SsoAdminAssignmentsApi(AssignmentService service) {
    this.service = service;
  }

  @Override
  public String service() {
    return "sso-admin";
  }

  @Override
  public void register(OperationRegistry registry) {
    registry.add("CreateAccountAssignment", AssignmentRequest.class, (ctx, in) ->
        new CreateAccountAssignmentResponse(OperationStatusShape.of(service.create(account(ctx), in.target()))));
    registry.add("DeleteAccountAssignment", AssignmentRequest.class, (ctx, in) ->
        new DeleteAccountAssignmentResponse(OperationStatusShape.of(service.delete(account(ctx), in.target()))));
    registry.add("DescribeAccountAssignmentCreationStatus", DescribeCreationRequest.class, (ctx, in) ->
        new CreateAccountAssignmentResponse(OperationStatusShape.of(service.status(account(ctx), in.instanceArn(),
            in.accountAssignmentCreationRequestId(), OperationKind.CREATE))));
    registry.add("DescribeAccountAssignmentDeletionStatus", DescribeDeletionRequest.class, (ctx, in) ->
        new DeleteAccountAssignmentResponse(OperationStatusShape.of(service.status(account(ctx), in.instanceArn(),
            in.accountAssignmentDeletionRequestId(), OperationKind.DELETE))));
    registry.add("ListAccountAssignmentCreationStatus", ListStatusRequest.class, (ctx, in) -> {
      var page = service.statuses(account(ctx), in.instanceArn(), OperationKind.CREATE, in.statusFilter(),
          in.maxResults(), in.nextToken());
      return new ListCreationStatusResponse(page.items().stream().map(StatusMetadata::of).toList(), page.nextToken());
    });
    registry.add("ListAccountAssignmentDeletionStatus", ListStatusRequest.class, (ctx, in) -> {
      var page = service.statuses(account(ctx), in.instanceArn(), OperationKind.DELETE, in.statusFilter(),
          in.maxResults(), in.nextToken());
      return new ListDeletionStatusResponse(page.items().stream().map(StatusMetadata::of).toList(), page.nextToken());
    });
    registry.add("ProvisionPermissionSet", ProvisionRequest.class, (ctx, in) ->
        new ProvisionResponse(ProvisioningStatusShape.of(service.provision(account(ctx), in.instanceArn(),
            in.permissionSetArn(), in.targetType(), in.targetId()))));
    registry.add("DescribePermissionSetProvisioningStatus", DescribeProvisioningRequest.class, (ctx, in) ->
        new ProvisionResponse(ProvisioningStatusShape.of(service.status(account(ctx), in.instanceArn(),
            in.provisionPermissionSetRequestId(), OperationKind.PROVISION))));
    registry.add("ListPermissionSetProvisioningStatus", ListStatusRequest.class, (ctx, in) -> {
      var page = service.statuses(account(ctx), in.instanceArn(), OperationKind.PROVISION, in.statusFilter(),
          in.maxResults(), in.nextToken());
      return new ListProvisioningStatusResponse(page.items().stream().map(StatusMetadata::of).toList(),
          page.nextToken());
    });
    registry.add("ListAccountAssignments", ListAssignmentsRequest.class, (ctx, in) -> {
      var page = service.assignments(account(ctx), in.instanceArn(), in.accountId(), in.permissionSetArn(),
          in.maxResults(), in.nextToken());
      return new ListAssignmentsResponse(page.items().stream().map(AccountAssignmentShape::of).toList(),
          page.nextToken());
    });
    registry.add("ListAccountAssignmentsForPrincipal", ListForPrincipalRequest.class, (ctx, in) -> {
      var page = service.assignmentsForPrincipal(account(ctx), in.instanceArn(), PrincipalType.valueOf(in.principalType()),
          in.principalId(), in.filter() == null ? null : in.filter().accountId(), in.maxResults(), in.nextToken());
      return new ListForPrincipalResponse(page.items().stream().map(AccountAssignmentShape::of).toList(),
          page.nextToken());
    });
    registry.add("ListAccountsForProvisionedPermissionSet", ListAccountsRequest.class, (ctx, in) -> {
      var page = service.accountsFor(account(ctx), in.instanceArn(), in.permissionSetArn(), in.provisioningStatus(),
          in.maxResults(), in.nextToken());
      return new ListAccountsResponse(page.items(), page.nextToken());
    });
    registry.add("ListPermissionSetsProvisionedToAccount", ListSetsRequest.class, (ctx, in) -> {
      var page = service.setsIn(account(ctx), in.instanceArn(), in.accountId(), in.provisioningStatus(),
          in.maxResults(), in.nextToken());
      return new ListSetsResponse(page.nextToken(), page.items());
    });
  }

  private static String account(RequestContext ctx) {
    return ctx.caller().accountId();
  }

  record AssignmentRequest(String instanceArn, String targetId, String targetType, String permissionSetArn,
      String principalType, String principalId) {
    AssignmentTarget target() {
      return new AssignmentTarget(instanceArn, permissionSetArn, PrincipalType.valueOf(principalType), principalId,
          targetId);
    }
  }

  record OperationStatusShape(String status, String requestId, String failureReason, String targetId,
      String targetType, String permissionSetArn, String principalType, String principalId, Instant createdDate) {
    static OperationStatusShape of(StatusRecord r) {
      return new OperationStatusShape(r.status().name(), r.requestId(), r.failureReason(), r.accountId(), "AWS_ACCOUNT",
          r.permissionSetArn(), r.principalType().name(), r.principalId(), r.createdAt());
    }
  }

  record CreateAccountAssignmentResponse(OperationStatusShape accountAssignmentCreationStatus) {}

  record DeleteAccountAssignmentResponse(OperationStatusShape accountAssignmentDeletionStatus) {}

  record DescribeCreationRequest(String instanceArn, String accountAssignmentCreationRequestId) {}

  record DescribeDeletionRequest(String instanceArn, String accountAssignmentDeletionRequestId) {}

  record StatusFilter(String status) {}

  record ListStatusRequest(String instanceArn, Integer maxResults, String nextToken, StatusFilter filter) {
    String statusFilter() {
      return filter == null ? null : filter.status();
    }
  }

  record StatusMetadata(String status, String requestId, Instant createdDate) {
    static StatusMetadata of(StatusRecord r) {
      return new StatusMetadata(r.status().name(), r.requestId(), r.createdAt());
    }
  }

  record ListCreationStatusResponse(List<StatusMetadata> accountAssignmentsCreationStatus, String nextToken) {}

  record ListDeletionStatusResponse(List<StatusMetadata> accountAssignmentsDeletionStatus, String nextToken) {}

  record ListProvisioningStatusResponse(List<StatusMetadata> permissionSetsProvisioningStatus, String nextToken) {}

  record ProvisionRequest(String instanceArn, String permissionSetArn, String targetId, String targetType) {}

  record DescribeProvisioningRequest(String instanceArn, String provisionPermissionSetRequestId) {}

  record ProvisioningStatusShape(String status, String requestId, String accountId, String permissionSetArn,
      String failureReason, Instant createdDate) {
    static ProvisioningStatusShape of(StatusRecord r) {
      return new ProvisioningStatusShape(r.status().name(), r.requestId(), r.accountId(), r.permissionSetArn(),
          r.failureReason(), r.createdAt());
    }
  }

  record ProvisionResponse(ProvisioningStatusShape permissionSetProvisioningStatus) {}

  record ListAssignmentsRequest(String instanceArn, String accountId, String permissionSetArn, Integer maxResults,
      String nextToken) {}

  record AccountAssignmentShape(String accountId, String permissionSetArn, String principalType, String principalId) {
    static AccountAssignmentShape of(Assignment a) {
      AssignmentTarget t = a.target();
      return new AccountAssignmentShape(t.accountId(), t.permissionSetArn(), t.principalType().name(), t.principalId());
    }
  }

  record ListAssignmentsResponse(List<AccountAssignmentShape> accountAssignments, String nextToken) {}

  record PrincipalFilter(String accountId) {}

  record ListForPrincipalRequest(String instanceArn, String principalId, String principalType, PrincipalFilter filter,
      String nextToken, Integer maxResults) {}

  record ListForPrincipalResponse(List<AccountAssignmentShape> accountAssignments, String nextToken) {}

  record ListAccountsRequest(String instanceArn, String permissionSetArn, String provisioningStatus, Integer maxResults,
      String nextToken) {}

  record ListAccountsResponse(List<String> accountIds, String nextToken) {}

  record ListSetsRequest(String instanceArn, String accountId, String provisioningStatus, Integer maxResults,
      String nextToken) {}

  record ListSetsResponse(String nextToken, List<String> permissionSets) {}
}
