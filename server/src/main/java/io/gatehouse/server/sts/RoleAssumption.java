package io.gatehouse.server.sts;

import io.gatehouse.policy.AuthorizationRequest;
import io.gatehouse.policy.AuthorizationResult;
import io.gatehouse.policy.Authorizer;
import io.gatehouse.policy.ParseResult;
import io.gatehouse.policy.Policy;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicySet;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.server.auth.IssuedSession;
import io.gatehouse.server.authz.CallerPolicies;
import io.gatehouse.server.authz.DenialMessage;
import io.gatehouse.server.authz.RequestContextKeys;
import io.gatehouse.server.authz.ResolvedCaller;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.core.RequestContext;
import io.gatehouse.server.iam.IamSnapshot;
import io.gatehouse.server.organizations.OrganizationTree;
import io.gatehouse.server.sts.StsErrors.AccessDeniedException;
import io.gatehouse.server.sts.StsErrors.MalformedPolicyDocumentException;
import io.gatehouse.server.sts.StsErrors.ValidationErrorException;
import io.gatehouse.server.sts.StsShapes.AssumeRoleRequest;
import io.gatehouse.server.sts.StsShapes.PolicyDescriptorType;
import io.gatehouse.server.sts.StsShapes.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AssumeRole: checks the request against AWS's rules (duration, chaining, session policies, tags,
 * source identity), asks the policy engine with the role's trust policy as the resource policy and
 * the caller's identity policies, boundary, session policies and SCPs as the identity side (the
 * engine applies AWS's same-account and cross-account rules), and issues sealed credentials.
 */
final class RoleAssumption {
  static final int DEFAULT_DURATION = 3600;
  static final int CHAINED_MAX_DURATION = 3600;
  static final int MAX_SESSION_POLICY_ARNS = 10;
  static final int MAX_INLINE_POLICY_CHARS = 2048;
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/((?:[\\x21-\\x7E]*/)?)([\\w+=,.@-]{1,64})");

  /** An assumed role's credentials and identity. */
  record Assumed(IssuedSession credentials, String assumedRoleId, String arn, Integer packedPolicySize, String sourceIdentity) {}

  private final StsSessions sessions;
  private final Supplier<IamSnapshot> iam;
  private final CallerPolicies callers;
  private final CompiledPolicies compiled;
  private final Authorizer authorizer = Authorizer.aws();

  RoleAssumption(StsSessions sessions, Supplier<IamSnapshot> iam, CallerPolicies callers, CompiledPolicies compiled) {
    this.sessions = sessions;
    this.iam = iam;
    this.callers = callers;
    this.compiled = compiled;
  }

  Assumed assume(RequestContext rc, AssumeRoleRequest in) {
    Caller caller = rc.caller();
    Optional<StsSessions.ActiveSession> callerSession = sessions.of(caller);
    SessionContext callerContext = callerSession.map(StsSessions.ActiveSession::context).orElse(null);
    IamSnapshot snapshot = iam.get();

    Matcher arn = ROLE_ARN.matcher(in.roleArn());
    if (!arn.matches()) throw new ValidationErrorException(in.roleArn() + " is invalid");
    String roleAccount = arn.group(1);
    String roleName = arn.group(3);

    // any temporary credentials count as a chain, even a session whose context could not be read
    boolean chained = callerSession.isPresent() || (caller.accessKeyId() != null && caller.accessKeyId().startsWith("ASIA"));
    int duration = duration(in.durationSeconds(), chained, snapshot.role(in.roleArn()));
    SessionPolicies policies = sessionPolicies(in, roleAccount, snapshot);
    SessionTags tags = sessionTags(in, callerContext);
    String sourceIdentity = sourceIdentity(in.sourceIdentity(), callerContext);

    CallerPolicies.Resolved permissions = callers.resolve(caller, "sts", rc.region(), rc.sourceIp(), false, rc.time());
    OrganizationTree org = permissions.organization();
    Optional<IamSnapshot.RoleTrust> role = snapshot.role(in.roleArn());
    if (role.isEmpty()) {
      // AWS does not tell a missing role from a refused one
      throw AccessDeniedException.notAuthorized(caller.arn(), "sts:AssumeRole", in.roleArn());
    }
    Policy trust = role.get().trust() != null ? role.get().trust()
        : compiled.compile(role.get().trustPolicy(), PolicyType.TRUST, "the trust policy of role " + roleName).orElse(null);
    PolicySet policySet = policySet(permissions, trust, org, roleAccount);
    Map<String, List<String>> context = requestContext(permissions, in, tags, sourceIdentity);
    authorize(permissions, policySet, context, "sts:AssumeRole", in.roleArn(), org, roleAccount);
    if (!tags.requested().isEmpty()) {
      authorize(permissions, policySet, context, "sts:TagSession", in.roleArn(), org, roleAccount);
    }
    if (sourceIdentity != null) {
      // a source identity, set now or carried by the chain, needs sts:SetSourceIdentity on every role of the chain
      authorize(permissions, policySet, context, "sts:SetSourceIdentity", in.roleArn(), org, roleAccount);
    }

    Integer packed = null;
    if (policies.given() || !tags.requested().isEmpty()) {
      int percent = PackedSize.percent(in.policy(), policies.arns(), tags.requested());
      if (percent > 100) throw new StsErrors.PackedPolicyTooLargeException(percent);
      packed = percent;
    }

    IamSnapshot.RoleTrust r = role.get();
    String sessionArn = "arn:aws:sts::" + roleAccount + ":assumed-role/" + r.name() + "/" + in.roleSessionName();
    String assumedRoleId = r.roleId() + ":" + in.roleSessionName();
    Caller principal = new Caller(roleAccount, sessionArn, assumedRoleId, Caller.PrincipalType.ASSUMED_ROLE, null);
    SessionContext sealed = new SessionContext(SessionContext.Kind.ASSUMED_ROLE, r.arn(), in.roleSessionName(),
        in.policy(), policies.arns(), tags.all(), tags.transitiveKeys(), sourceIdentity);
    Instant expiration = rc.time().plusSeconds(duration);
    IssuedSession issued = sessions.issue(principal, expiration, sealed);
    return new Assumed(issued, assumedRoleId, sessionArn, packed, sourceIdentity);
  }

  private static int duration(Integer requested, boolean chained, Optional<IamSnapshot.RoleTrust> role) {
    int duration = requested == null ? DEFAULT_DURATION : requested;
    if (chained && duration > CHAINED_MAX_DURATION) {
      throw new ValidationErrorException(
          "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
    }
    if (role.isPresent() && duration > role.get().maxSessionDuration()) {
      throw new ValidationErrorException("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }
    return duration;
  }

  private record SessionPolicies(boolean given, List<String> arns) {}

  private SessionPolicies sessionPolicies(AssumeRoleRequest in, String roleAccount, IamSnapshot snapshot) {
    List<PolicyDescriptorType> descriptors = in.policyArns() == null ? List.of() : in.policyArns();
    if (descriptors.size() > MAX_SESSION_POLICY_ARNS) {
      throw new ValidationErrorException("1 validation error detected: Value at 'policyArns' failed to satisfy "
          + "constraint: Member must have length less than or equal to " + MAX_SESSION_POLICY_ARNS);
    }
    if (in.policy() != null) {
      if (in.policy().length() > MAX_INLINE_POLICY_CHARS) {
        throw new ValidationErrorException("1 validation error detected: Value at 'policy' failed to satisfy "
            + "constraint: Member must have length less than or equal to " + MAX_INLINE_POLICY_CHARS);
      }
      ParseResult parsed = PolicyParser.parse(in.policy(), PolicyType.SESSION);
      if (parsed.hasErrors()) {
        throw new MalformedPolicyDocumentException(String.join("; ",
            parsed.errors().stream().map(f -> f.message()).toList()));
      }
    }
    List<String> arns = new ArrayList<>();
    for (PolicyDescriptorType d : descriptors) {
      String policyArn = d.arn();
      if (policyArn == null) throw new ValidationErrorException("PolicyArns members must have an arn");
      boolean inAccount = policyArn.startsWith("arn:aws:iam::" + roleAccount + ":policy/")
          || policyArn.startsWith("arn:aws:iam::aws:policy/");
      if (!inAccount || ManagedPolicies.document(snapshot, policyArn).isEmpty()) {
        throw new ValidationErrorException("Policy " + policyArn + " does not exist or is not attachable.");
      }
      arns.add(policyArn);
    }
    return new SessionPolicies(in.policy() != null || !arns.isEmpty(), List.copyOf(arns));
  }

  /**
   * @param requested the tags of this request
   * @param all requested plus those inherited as transitive from the calling session
   * @param transitiveKeys the keys of {@code all} that pass on
   */
  private record SessionTags(Map<String, String> requested, Map<String, String> all, List<String> transitiveKeys) {}

  private static SessionTags sessionTags(AssumeRoleRequest in, SessionContext callerContext) {
    Map<String, String> requested = new LinkedHashMap<>();
    Map<String, String> seen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Tag t : in.tags() == null ? List.<Tag>of() : in.tags()) {
      if (t.key().toLowerCase(Locale.ROOT).startsWith("aws:")) {
        throw new ValidationErrorException("Tag keys cannot start with the reserved prefix aws:");
      }
      if (seen.put(t.key(), t.value()) != null) {
        throw new ValidationErrorException("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
      }
      requested.put(t.key(), t.value());
    }
    List<String> transitive = new ArrayList<>();
    for (String key : in.transitiveTagKeys() == null ? List.<String>of() : in.transitiveTagKeys()) {
      String actual = requested.keySet().stream().filter(k -> k.equalsIgnoreCase(key)).findFirst()
          .orElseThrow(() -> new ValidationErrorException(
              "The specified transitive tag key must be included in the requested tags."));
      if (!transitive.contains(actual)) transitive.add(actual);
    }
    Map<String, String> all = new LinkedHashMap<>(requested);
    if (callerContext != null && callerContext.kind() == SessionContext.Kind.ASSUMED_ROLE) {
      for (Map.Entry<String, String> inherited : callerContext.transitiveTags().entrySet()) {
        if (seen.containsKey(inherited.getKey())) {
          throw new ValidationErrorException("One or more of the specified session tag keys (" + inherited.getKey()
              + ") conflict with the transitive tag keys inherited from the calling session.");
        }
        all.put(inherited.getKey(), inherited.getValue());
        transitive.add(inherited.getKey());
      }
    }
    return new SessionTags(Map.copyOf(requested), all, List.copyOf(transitive));
  }

  private static String sourceIdentity(String requested, SessionContext callerContext) {
    if (requested != null && requested.toLowerCase(Locale.ROOT).startsWith("aws:")) {
      throw new ValidationErrorException("SourceIdentity cannot start with the reserved prefix aws:");
    }
    String existing = callerContext == null ? null : callerContext.sourceIdentity();
    if (existing == null) return requested;
    if (requested != null && !requested.equals(existing)) {
      throw new ValidationErrorException("The source identity of a role session cannot be changed once it is set: "
          + "the calling session's source identity is " + existing + ".");
    }
    return existing;
  }

  private PolicySet policySet(CallerPolicies.Resolved p, Policy trust, OrganizationTree org, String roleAccount) {
    PolicySet caller = p.policies();
    PolicySet.Builder b = PolicySet.builder().identityPolicies(caller.identityPolicies()).resourcePolicy(trust)
        .permissionsBoundary(caller.permissionsBoundary());
    caller.sessionPolicies().forEach(b::sessionPolicy);
    caller.serviceControlPolicies().forEach(b::scpLevel);
    if (org.resourceControlPoliciesEnabled() && !org.isManagementAccount(roleAccount)) {
      for (OrganizationTree.Level level : org.levels(roleAccount)) {
        List<Policy> atLevel = new ArrayList<>();
        for (OrganizationTree.AttachedPolicy rcp : level.resourceControlPolicies()) {
          compiled.compile(rcp.document(), PolicyType.RESOURCE_CONTROL, rcp.arn()).ifPresent(atLevel::add);
        }
        b.rcpLevel(atLevel);
      }
    }
    return b.build();
  }

  private static Map<String, List<String>> requestContext(CallerPolicies.Resolved p, AssumeRoleRequest in, SessionTags tags,
      String sourceIdentity) {
    Map<String, List<String>> context = new LinkedHashMap<>(RequestContextKeys.global(p.caller()));
    context.put("sts:RoleSessionName", List.of(in.roleSessionName()));
    if (in.externalId() != null) context.put("sts:ExternalId", List.of(in.externalId()));
    if (sourceIdentity != null) context.put("sts:SourceIdentity", List.of(sourceIdentity));
    if (!tags.requested().isEmpty()) {
      tags.requested().forEach((k, v) -> context.put("aws:RequestTag/" + k, List.of(v)));
      context.put("aws:TagKeys", List.copyOf(tags.requested().keySet()));
    }
    if (in.transitiveTagKeys() != null && !in.transitiveTagKeys().isEmpty()) {
      context.put("sts:TransitiveTagKeys", List.copyOf(in.transitiveTagKeys()));
    }
    return context;
  }

  private void authorize(CallerPolicies.Resolved p, PolicySet policies, Map<String, List<String>> context, String action,
      String roleArn, OrganizationTree org, String roleAccount) {
    ResolvedCaller caller = p.caller();
    String callerRole = caller.type() == ResolvedCaller.PrincipalKind.ASSUMED_ROLE ? caller.principalArn() : null;
    AuthorizationRequest request = AuthorizationRequest.builder().principal(caller.arn()).roleArn(callerRole)
        .action(action).resource(roleArn).resourceAccount(roleAccount).context(context)
        .principalInManagementAccount(p.inManagementAccount())
        .resourceInManagementAccount(org.isManagementAccount(roleAccount)).build();
    AuthorizationResult result = authorizer.authorize(request, policies);
    if (!result.isAllowed()) throw new AccessDeniedException(DenialMessage.of(caller.arn(), action, roleArn, result, policies));
  }
}
