package io.gatehouse.server.permissionsets;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A permission set as provisioning needs it: everything that goes into the role it becomes in each
 * assigned account.
 *
 * @param managedPolicyArns AWS managed policies, ordered by ARN
 * @param customerManagedPolicies references resolved in each target account, ordered by path then name
 * @param inlinePolicy the inline policy document, null if none
 * @param permissionsBoundary null if none
 * @param revision starts at 1 and increases by at least 1 with every change of the set that matters to
 *     its roles (update, managed policies, inline policy, customer-managed references, boundary);
 *     tag changes do not count
 */
public record PermissionSet(String instanceArn, String permissionSetArn, String name, String description,
    Duration sessionDuration, String relayState, Instant createdDate, List<String> managedPolicyArns,
    List<CustomerManagedPolicyReference> customerManagedPolicies, String inlinePolicy,
    PermissionsBoundary permissionsBoundary, long revision) {

  public PermissionSet {
    managedPolicyArns = List.copyOf(managedPolicyArns);
    customerManagedPolicies = List.copyOf(customerManagedPolicies);
  }

  PermissionSet withDetails(String newDescription, Duration newSessionDuration, String newRelayState) {
    return new PermissionSet(instanceArn, permissionSetArn, name, newDescription, newSessionDuration, newRelayState,
        createdDate, managedPolicyArns, customerManagedPolicies, inlinePolicy, permissionsBoundary, revision);
  }

  PermissionSet withInlinePolicy(String document) {
    return new PermissionSet(instanceArn, permissionSetArn, name, description, sessionDuration, relayState,
        createdDate, managedPolicyArns, customerManagedPolicies, document, permissionsBoundary, revision);
  }

  PermissionSet withBoundary(PermissionsBoundary boundary) {
    return new PermissionSet(instanceArn, permissionSetArn, name, description, sessionDuration, relayState,
        createdDate, managedPolicyArns, customerManagedPolicies, inlinePolicy, boundary, revision);
  }

  PermissionSet withRevision(long newRevision) {
    return new PermissionSet(instanceArn, permissionSetArn, name, description, sessionDuration, relayState,
        createdDate, managedPolicyArns, customerManagedPolicies, inlinePolicy, permissionsBoundary, newRevision);
  }
}
