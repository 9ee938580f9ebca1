package io.gatehouse.server.iam;

import java.util.Optional;

/**
 * Finds the managed policy an ARN names, as seen from one account: its own customer managed
 * policies and AWS's; never another account's.
 */
final class PolicyCatalog {
  private PolicyCatalog() {}

  /** A managed policy with the document of its default version. */
  record Resolved(ManagedPolicy policy, String defaultDocument) {}

  static Optional<ManagedPolicy> find(IamStore store, String accountId, String arn) {
    Optional<PolicyArn> parsed = PolicyArn.parse(arn);
    if (parsed.isEmpty()) return Optional.empty();
    PolicyArn p = parsed.get();
    if (p.accountId().equals(ManagedPolicy.AWS_ACCOUNT)) {
      return AwsManagedPolicies.find(arn).map(AwsManagedPolicies.AwsPolicy::policy);
    }
    if (!p.accountId().equals(accountId)) return Optional.empty();
    return store.policy(accountId, p.name()).filter(found -> found.arn().equals(arn));
  }

  static ManagedPolicy require(IamStore store, String accountId, String arn) {
    return find(store, accountId, arn).orElseThrow(() -> IamErrors.NoSuchEntityException.policy(arn));
  }

  static String defaultDocument(IamStore store, ManagedPolicy policy) {
    if (policy.awsManaged()) return AwsManagedPolicies.find(policy.arn()).orElseThrow().document();
    return store.version(policy.id(), policy.defaultVersion()).orElseThrow().document();
  }
}
