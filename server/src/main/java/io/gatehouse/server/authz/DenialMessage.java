package io.gatehouse.server.authz;

import io.gatehouse.policy.AuthorizationResult;
import io.gatehouse.policy.DecidingStatement;
import io.gatehouse.policy.PolicySet;
import io.gatehouse.policy.PolicyType;

/**
 * AWS's access-denied message ("Troubleshoot access denied error messages", IAM User Guide):
 * {@code User: <principal> is not authorized to perform: <action> on resource: <arn> because no
 * <policy type> allows the <action> action}, or {@code ... with an explicit deny in a <policy
 * type>}, followed by {@code : <policy ARN>} when the denying policy has an ARN (managed policies,
 * SCPs: every policy Gatehouse holds is in the caller's own organization, where AWS names it).
 */
public final class DenialMessage {
  private DenialMessage() {}

  /**
   * @param principal the caller's ARN as AWS prints it (a role session's own ARN)
   * @param result a refusal
   */
  public static String of(String principal, String action, String resource, AuthorizationResult result) {
    return of(principal, action, resource, result, null);
  }

  /**
   * @param policies the policies decided with, when a role's trust policy stood as the resource
   *     policy (AWS then says "no role trust policy allows"); may be null
   */
  public static String of(String principal, String action, String resource, AuthorizationResult result,
      PolicySet policies) {
    StringBuilder m = new StringBuilder(160).append("User: ").append(principal).append(" is not authorized to perform: ")
        .append(action).append(" on resource: ").append(resource);
    switch (result.decision()) {
      case ExplicitlyDenied -> {
        DecidingStatement deny = result.decidingStatements().getFirst();
        m.append(" with an explicit deny in ").append(withArticle(phrase(deny.policyType())));
        deny.policyName().filter(n -> n.startsWith("arn:")).ifPresent(arn -> m.append(": ").append(arn));
      }
      case ImplicitlyDenied -> m.append(" because no ").append(phrase(missing(result, policies)))
          .append(" allows the ").append(action).append(" action");
      case Allowed -> throw new IllegalArgumentException("the request was allowed");
    }
    return m.toString();
  }

  private static PolicyType missing(AuthorizationResult result, PolicySet policies) {
    PolicyType type = result.missingAllow().orElse(PolicyType.IDENTITY);
    boolean trust = policies != null && policies.resourcePolicy() != null && policies.resourcePolicy().type() == PolicyType.TRUST;
    return type == PolicyType.RESOURCE && trust ? PolicyType.TRUST : type;
  }

  private static String phrase(PolicyType type) {
    return switch (type) {
      case IDENTITY -> "identity-based policy";
      case RESOURCE -> "resource-based policy";
      case TRUST -> "role trust policy";
      case PERMISSIONS_BOUNDARY -> "permissions boundary";
      case SESSION -> "session policy";
      case SERVICE_CONTROL -> "service control policy";
      case RESOURCE_CONTROL -> "resource control policy";
    };
  }

  private static String withArticle(String phrase) {
    return (phrase.startsWith("i") ? "an " : "a ") + phrase;
  }
}
