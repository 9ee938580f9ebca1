package io.gatehouse.server.authz;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.policy.AuthorizationRequest;
import io.gatehouse.policy.AuthorizationResult;
import io.gatehouse.policy.Authorizer;
import io.gatehouse.server.awsprotocol.CallAuthorizer;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.iam.IamSnapshot;
import io.gatehouse.server.organizations.OrganizationTree;
import io.gatehouse.server.sts.StsSessions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

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
  private final Supplier<IamSnapshot> iam;
  private final Supplier<OrganizationTree> organization;
  private final Subjects subjects;
  private final Authorizer authorizer = Authorizer.aws();
  private volatile IamNames names = new IamNames(IamSnapshot.empty());
  private volatile CompiledOrganization compiledOrganization = new CompiledOrganization(OrganizationTree.empty());

  /**
   * @param iam the current IAM snapshot (e.g. {@code IamFeature::snapshot}), read from memory per request
   * @param organization the current organization tree (an {@link OrganizationView}), read from memory per request
   * @param sessions the sessions behind requests signed with temporary credentials; may be null when there are none
   */
  public Enforcement(OperationCatalog catalog, Supplier<IamSnapshot> iam, Supplier<OrganizationTree> organization,
      StsSessions sessions) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.iam = Objects.requireNonNull(iam, "iam");
    this.organization = Objects.requireNonNull(organization, "organization");
    this.subjects = new Subjects(sessions);
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

    IamSnapshot snapshot = iam.get();
    IamNames names = namesOf(snapshot);
    CompiledOrganization org = compiled(organization.get());
    Subject subject = subjects.of(caller, snapshot, org);

    if ("organizations".equals(call.service()) && org.tree.isMember(caller.accountId()) && !subject.inManagementAccount()
        && !MEMBER_ACCOUNT_OPERATIONS.contains(call.operation())) {
      throw new Denied(MANAGEMENT_ACCOUNT_ONLY);
    }

    ResolvedCaller resolved = new ResolvedCaller(caller.accountId(), caller.arn(), subject.principalArn(),
        kind(caller.type()), caller.userId(), subject.userName(), subject.tags(), subject.organizationId(),
        subject.organizationPaths(), false, subject.tokenIssueTime(), subject.sourceIdentity(), call.sourceIp(),
        call.secureTransport(), RequestContextKeys.requestedRegion(call.service(), call.region()), call.time());
    SnapshotArnResolver resolver = new SnapshotArnResolver(call.service(), caller, subject, names, org);
    List<String> arns = resourceArns(entry, call.input(), resolver, caller);
    String resourceAccount = resolver.resourceAccount();
    boolean resourceInManagement = org.tree.isManagementAccount(resourceAccount);
    for (String arn : arns) {
      AuthorizationRequest request = RequestContextKeys.request(resolved, entry, arn, call.input(), tagsOf(snapshot, arn))
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

  private IamNames namesOf(IamSnapshot snapshot) {
    IamNames current = names;
    if (current.snapshot != snapshot) {
      current = new IamNames(snapshot);
      names = current;
    }
    return current;
  }

  private CompiledOrganization compiled(OrganizationTree tree) {
    CompiledOrganization current = compiledOrganization;
    if (current.tree != tree) {
      current = new CompiledOrganization(tree);
      compiledOrganization = current;
    }
    return current;
  }

  private static ResolvedCaller.PrincipalKind kind(Caller.PrincipalType type) {
    return switch (type) {
      case ROOT -> ResolvedCaller.PrincipalKind.ROOT;
      case USER -> ResolvedCaller.PrincipalKind.USER;
      case ASSUMED_ROLE -> ResolvedCaller.PrincipalKind.ASSUMED_ROLE;
      case FEDERATED_USER -> ResolvedCaller.PrincipalKind.FEDERATED_USER;
    };
  }
}
