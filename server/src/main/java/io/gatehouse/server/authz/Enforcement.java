package io.gatehouse.server.authz;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.policy.AuthorizationRequest;
import io.gatehouse.policy.AuthorizationResult;
import io.gatehouse.policy.Authorizer;
import io.gatehouse.server.awsprotocol.CallAuthorizer;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.iam.IamSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Authorizes every signed call the way AWS does, from in-memory snapshots only: the operation's
 * catalog entry names the action and the resources; the caller is resolved against the IAM
 * snapshot, the organization and its sealed session; the policy engine decides each resource with
 * the caller's identity policies, boundary, session policies and SCPs. A refusal carries AWS's
 * message. See docs/authorization.md.
 */
public final class Enforcement implements CallAuthorizer {
  /** Operations that decide their own authorization with more policies than the caller's: sts:AssumeRole weighs the role's trust policy. */
  private static final Set<String> DECIDED_BY_THE_OPERATION = Set.of("sts:AssumeRole");

  /** Organizations operations a member account may call (AWS: everything else is for the management account). */
  private static final Set<String> MEMBER_ACCOUNT_OPERATIONS = Set.of("DescribeOrganization", "LeaveOrganization",
      "AcceptHandshake", "DeclineHandshake", "DescribeHandshake", "ListHandshakesForAccount", "DescribeEffectivePolicy");

  /** AWS's answer to a member account calling an Organizations operation for the management account. */
  static final String MANAGEMENT_ACCOUNT_ONLY = "You don't have permissions to access this resource.";

  /** IAM list operations without a resource type: AWS authorizes them on the listed kind's path ({@code role/}). */
  private static final Map<String, String> IAM_LISTS = Map.of("ListRoles", "role", "ListUsers", "user", "ListGroups",
      "group", "ListPolicies", "policy", "ListInstanceProfiles", "instance-profile");

  private final OperationCatalog catalog;
  private final CallerPolicies callers;
  private final Authorizer authorizer = Authorizer.aws();

  /** @param callers resolves callers against the current snapshots and sessions */
  public Enforcement(OperationCatalog catalog, CallerPolicies callers) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.callers = Objects.requireNonNull(callers, "callers");
  }

  @Override
  public void authorize(Call call) {
    CatalogEntry entry = catalog.find(call.service(), call.operation());
    if (entry == null) throw new Denied("The operation " + call.operation() + " is not authorized by this server");
    switch (entry.access()) {
      case UNSIGNED, TRUST_POLICY_ONLY, NO_PERMISSION_REQUIRED -> {
        return;
      }
      case CHECKED -> {
        if (DECIDED_BY_THE_OPERATION.contains(entry.action())) return;
      }
    }
    Caller caller = call.caller();
    if (caller == null) throw new Denied("The operation " + call.operation() + " must be signed");

    CallerPolicies.Resolved resolved = callers.resolve(caller, call.service(), call.region(), call.sourceIp(),
        call.secureTransport(), call.time());
    Subject subject = resolved.subject;
    CompiledOrganization org = subject.organization();
    IamSnapshot snapshot = subject.iam();

    if ("organizations".equals(call.service()) && org.tree.isMember(caller.accountId()) && !subject.inManagementAccount()
        && !MEMBER_ACCOUNT_OPERATIONS.contains(call.operation())) {
      throw new Denied(MANAGEMENT_ACCOUNT_ONLY);
    }

    SnapshotArnResolver resolver = new SnapshotArnResolver(call.service(), caller, subject, resolved.names, org);
    List<String> arns = resourceArns(entry, call.input(), resolver, caller);
    String resourceAccount = resolver.resourceAccount();
    boolean resourceInManagement = org.tree.isManagementAccount(resourceAccount);
    for (String arn : arns) {
      AuthorizationRequest request = RequestContextKeys.request(resolved.caller(), entry, arn, call.input(), tagsOf(snapshot, arn))
          .resourceAccount(resourceAccount)
          .principalInManagementAccount(subject.inManagementAccount())
          .resourceInManagementAccount(resourceInManagement)
          .build();
      AuthorizationResult result = authorizer.authorize(request, subject.policies());
      if (!result.isAllowed()) throw new Denied(DenialMessage.of(caller.arn(), entry.action(), arn, result));
    }
  }

  private static List<String> resourceArns(CatalogEntry entry, JsonNode input, SnapshotArnResolver resolver, Caller caller) {
    List<String> arns = entry.resourceArns(input, resolver);
    if ("iam".equals(entry.service()) && arns.size() == 1 && "*".equals(arns.getFirst())) {
      String kind = IAM_LISTS.get(entry.operation());
      if (kind != null) {
        JsonNode prefix = input == null ? null : input.get("PathPrefix");
        return List.of("arn:aws:iam::" + caller.accountId() + ":" + kind + (prefix != null && prefix.isTextual() ? prefix.asText() : "/"));
      }
    }
    return arns;
  }

  /** The tags of an IAM user or role named by {@code arn}, for aws:ResourceTag and iam:ResourceTag. */
  private static Map<String, String> tagsOf(IamSnapshot snapshot, String arn) {
    if (!arn.startsWith("arn:aws:iam::")) return Map.of();
    return snapshot.principal(arn).map(IamSnapshot.Principal::tags).orElse(Map.of());
  }
}
