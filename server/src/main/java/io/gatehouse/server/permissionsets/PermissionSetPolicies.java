package io.gatehouse.server.permissionsets;

import io.gatehouse.policy.Finding;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.server.iam.IamFeature;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a permission set grants: AWS managed policies, customer-managed references (together at
 * most the quota), the inline policy and the permissions boundary. Every change bumps the revision.
 */
final class PermissionSetPolicies {
  private static final int DEFAULT_PAGE = 100;

  private final PermissionSetTransactions tx;
  private final PermissionSetStore store;
  private final PermissionSetQuotas quotas;

  PermissionSetPolicies(PermissionSetTransactions tx, PermissionSetStore store, PermissionSetQuotas quotas) {
    this.tx = tx;
    this.store = store;
    this.quotas = quotas;
  }

  void attachManaged(String caller, String instanceArn, String permissionSetArn, String policyArn) {
    requireAwsManaged(policyArn);
    tx.change(caller, instanceArn, permissionSetArn, (h, set) -> {
      if (set.managedPolicyArns().contains(policyArn)) {
        throw new PermissionSetErrors.ConflictException("Managed policy " + policyArn
            + " is already attached to PermissionSet " + PermissionSetErrors.idOf(permissionSetArn) + ".");
      }
      requireRoomForOneMore(set);
      store.attachManagedPolicy(h, permissionSetArn, policyArn);
      return set;
    });
  }

  void detachManaged(String caller, String instanceArn, String permissionSetArn, String policyArn) {
    tx.change(caller, instanceArn, permissionSetArn, (h, set) -> {
      if (!store.detachManagedPolicy(h, permissionSetArn, policyArn)) {
        throw new PermissionSetErrors.NotFoundException("Managed policy " + policyArn
            + " is not attached to PermissionSet " + PermissionSetErrors.idOf(permissionSetArn) + ".");
      }
      return set;
    });
  }

  Page<String> listManaged(String caller, String instanceArn, String permissionSetArn, Integer maxResults, String nextToken) {
    return tx.read(caller, instanceArn, permissionSetArn, (h, set) ->
        Page.ofAll(set.managedPolicyArns(), nextToken, maxResults == null ? DEFAULT_PAGE : maxResults, arn -> arn));
  }

  void attachCustomer(String caller, String instanceArn, String permissionSetArn, CustomerManagedPolicyReference ref) {
    tx.change(caller, instanceArn, permissionSetArn, (h, set) -> {
      if (set.customerManagedPolicies().contains(ref)) {
        throw new PermissionSetErrors.ConflictException("Customer managed policy reference " + ref.path() + ref.name()
            + " is already attached to PermissionSet " + PermissionSetErrors.idOf(permissionSetArn) + ".");
      }
      requireRoomForOneMore(set);
      store.attachCustomerPolicy(h, permissionSetArn, ref);
      return set;
    });
  }

  void detachCustomer(String caller, String instanceArn, String permissionSetArn, CustomerManagedPolicyReference ref) {
    tx.change(caller, instanceArn, permissionSetArn, (h, set) -> {
      if (!store.detachCustomerPolicy(h, permissionSetArn, ref)) {
        throw new PermissionSetErrors.NotFoundException("Customer managed policy reference " + ref.path() + ref.name()
            + " is not attached to PermissionSet " + PermissionSetErrors.idOf(permissionSetArn) + ".");
      }
      return set;
    });
  }

  Page<CustomerManagedPolicyReference> listCustomer(String caller, String instanceArn, String permissionSetArn,
      Integer maxResults, String nextToken) {
    return tx.read(caller, instanceArn, permissionSetArn, (h, set) -> Page.ofAll(set.customerManagedPolicies(), nextToken,
        maxResults == null ? DEFAULT_PAGE : maxResults, ref -> ref.path() + '\u0001' + ref.name()));
  }

  void putInline(String caller, String instanceArn, String permissionSetArn, String document) {
    requireValidInline(document);
    tx.change(caller, instanceArn, permissionSetArn, (h, set) -> document.equals(set.inlinePolicy()) ? null : set.withInlinePolicy(document));
  }

  /** The inline policy, or the empty string when the set has none (as AWS answers). */
  String getInline(String caller, String instanceArn, String permissionSetArn) {
    return tx.read(caller, instanceArn, permissionSetArn, (h, set) -> set.inlinePolicy() == null ? "" : set.inlinePolicy());
  }

  /** Deleting an absent inline policy succeeds and changes nothing. */
  void deleteInline(String caller, String instanceArn, String permissionSetArn) {
    tx.change(caller, instanceArn, permissionSetArn, (h, set) -> set.inlinePolicy() == null ? null : set.withInlinePolicy(null));
  }

  void putBoundary(String caller, String instanceArn, String permissionSetArn, PermissionsBoundary boundary) {
    if ((boundary.managedPolicyArn() == null) == (boundary.customerManagedPolicyReference() == null)) {
      throw new PermissionSetErrors.ValidationException(
          "A permissions boundary must have exactly one of ManagedPolicyArn and CustomerManagedPolicyReference.");
    }
    if (boundary.managedPolicyArn() != null) requireAwsManaged(boundary.managedPolicyArn());
    tx.change(caller, instanceArn, permissionSetArn, (h, set) -> boundary.equals(set.permissionsBoundary()) ? null : set.withBoundary(boundary));
  }

  PermissionsBoundary getBoundary(String caller, String instanceArn, String permissionSetArn) {
    return tx.read(caller, instanceArn, permissionSetArn, (h, set) -> {
      if (set.permissionsBoundary() == null) throw noBoundary(permissionSetArn);
      return set.permissionsBoundary();
    });
  }

  void deleteBoundary(String caller, String instanceArn, String permissionSetArn) {
    tx.change(caller, instanceArn, permissionSetArn, (h, set) -> {
      if (set.permissionsBoundary() == null) throw noBoundary(permissionSetArn);
      return set.withBoundary(null);
    });
  }

  private static PermissionSetErrors.NotFoundException noBoundary(String permissionSetArn) {
    return new PermissionSetErrors.NotFoundException("PermissionSet " + PermissionSetErrors.idOf(permissionSetArn)
        + " has no permissions boundary.");
  }

  private void requireRoomForOneMore(PermissionSet set) {
    if (set.managedPolicyArns().size() + set.customerManagedPolicies().size() >= quotas.policiesPerSet()) {
      throw new PermissionSetErrors.QuotaExceededException("A permission set can have at most " + quotas.policiesPerSet()
          + " AWS managed and customer managed policies attached.");
    }
  }

  private static void requireAwsManaged(String policyArn) {
    if (!IamFeature.isAwsManagedPolicy(policyArn)) {
      throw new PermissionSetErrors.NotFoundException("Policy " + policyArn + " does not exist or is not attachable.");
    }
  }

  /** Valid as an identity policy for the engine, and within AWS's size for the non-whitespace characters. */
  private void requireValidInline(String document) {
    long size = document.chars().filter(c -> !Character.isWhitespace(c)).count();
    if (size > quotas.inlinePolicyNonWhitespace()) {
      throw new PermissionSetErrors.ValidationException("Invalid PermissionsPolicy Document: it has " + size
          + " characters other than whitespace; at most " + quotas.inlinePolicyNonWhitespace() + " are allowed.");
    }
    List<Finding> errors = PolicyParser.parse(document, PolicyType.IDENTITY).errors();
    if (!errors.isEmpty()) {
      throw new PermissionSetErrors.ValidationException("Invalid PermissionsPolicy Document: "
          + errors.stream().map(PermissionSetPolicies::describe).collect(Collectors.joining("; ")));
    }
  }

  private static String describe(Finding f) {
    return f.message() + (f.line() > 0 ? " (line " + f.line() + ", column " + f.column() + ")" : "");
  }
}
