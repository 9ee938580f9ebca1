package io.gatehouse.server.authz;

import io.gatehouse.server.core.Caller;
import io.gatehouse.server.iam.IamSnapshot;
import io.gatehouse.server.organizations.OrganizationTree;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who a caller is and what binds it, from the current snapshots: for {@link Enforcement} on every
 * call, and for operations that decide with more policies than the caller's own (STS AssumeRole
 * adds the role's trust policy). Thread-safe; resolved subjects are cached per access key while
 * the snapshots stay the same.
 */
public final class CallerPolicies {
  private final Supplier<IamSnapshot> iam;
  private final Supplier<OrganizationTree> organization;
  private final Subjects subjects;
  private volatile IamNames names = new IamNames(IamSnapshot.empty());
  private volatile CompiledOrganization compiledOrganization = new CompiledOrganization(OrganizationTree.empty());

  /**
   * @param iam the current IAM snapshot, read from memory per request
   * @param organization the current organization tree, read from memory per request
   * @param sessions the sessions behind temporary credentials
   */
  public CallerPolicies(Supplier<IamSnapshot> iam, Supplier<OrganizationTree> organization, CallerSessions sessions) {
    this.iam = Objects.requireNonNull(iam, "iam");
    this.organization = Objects.requireNonNull(organization, "organization");
    this.subjects = new Subjects(Objects.requireNonNull(sessions, "sessions"));
  }

  /** The caller of one request, resolved. */
  public static final class Resolved {
    private final ResolvedCaller caller;
    final Subject subject;
    final IamNames names;

    Resolved(ResolvedCaller caller, Subject subject, IamNames names) {
      this.caller = caller;
      this.subject = subject;
      this.names = names;
    }

    /** The request's principal, with what its global condition keys are made of. */
    public ResolvedCaller caller() {
      return caller;
    }

    /**
     * The caller's identity policies, permissions boundary, session policies and SCP levels
     * (no resource policy, no RCPs: those belong to the resource).
     */
    public io.gatehouse.policy.PolicySet policies() {
      return subject.policies();
    }

    /** The organization's management account is not restricted by SCPs. */
    public boolean inManagementAccount() {
      return subject.inManagementAccount();
    }

    /** The organization tree the caller was resolved against. */
    public OrganizationTree organization() {
      return subject.organization().tree;
    }
  }

  /** Resolves {@code caller} for a request to {@code service} signed for {@code region} at {@code time}. */
  public Resolved resolve(Caller caller, String service, String region, String sourceIp, boolean secureTransport, Instant time) {
    IamSnapshot snapshot = iam.get();
    Subject subject = subjects.of(caller, snapshot, compiled(organization.get()));
    ResolvedCaller resolved = new ResolvedCaller(caller.accountId(), caller.arn(), subject.principalArn(),
        kind(caller.type()), caller.userId(), subject.userName(), subject.tags(), subject.organizationId(),
        subject.organizationPaths(), false, subject.tokenIssueTime(), subject.sourceIdentity(), sourceIp, secureTransport,
        RequestContextKeys.requestedRegion(service, region), time);
    return new Resolved(resolved, subject, namesOf(snapshot));
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
