package io.gatehouse.server.sts;

import io.gatehouse.policy.Policy;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.iam.IamSnapshot;
import io.gatehouse.server.organizations.OrganizationTree;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the policy engine needs about a caller: the principal ARN it evaluates (a session's own ARN,
 * with the role's ARN beside it), the identity policies, boundary and session policies in force,
 * the SCPs of the caller's account path (none for the management account), the principal's tags
 * and the global condition keys AWS puts in every request context.
 */
record CallerPermissions(String principal, String roleArn, List<Policy> identityPolicies, Policy boundary,
    List<Policy> sessionPolicies, List<List<Policy>> serviceControlPolicies, boolean inManagementAccount,
    Map<String, String> principalTags, Map<String, List<String>> context) {

  static CallerPermissions of(Caller caller, Optional<StsSessions.ActiveSession> session, IamSnapshot iam,
      OrganizationTree organization, CompiledPolicies compiled, RequestFacts facts) {
    SessionContext ctx = session.map(StsSessions.ActiveSession::context).orElse(null);
    String roleArn = ctx != null && ctx.kind() == SessionContext.Kind.ASSUMED_ROLE ? ctx.roleArn() : null;
    // the IAM identity whose policies apply: the role of a role session, else the user (root has none)
    String identityArn = roleArn != null ? roleArn : caller.type() == Caller.PrincipalType.USER ? caller.arn() : null;
    Optional<IamSnapshot.Principal> principal = identityArn == null ? Optional.empty() : iam.principal(identityArn);

    List<Policy> identity = new ArrayList<>();
    Policy boundary = null;
    Map<String, String> tags = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (principal.isPresent()) {
      for (IamSnapshot.PolicyDocument doc : principal.get().identityPolicies()) {
        if (doc.policy() != null) identity.add(doc.policy());
        else compiled.compile(doc.document(), PolicyType.IDENTITY, doc.arn() != null ? doc.arn() : doc.name()).ifPresent(identity::add);
      }
      boundary = principal.get().permissionsBoundary()
          .flatMap(doc -> doc.policy() != null ? Optional.of(doc.policy())
              : compiled.compile(doc.document(), PolicyType.PERMISSIONS_BOUNDARY, doc.arn())).orElse(null);
      tags.putAll(principal.get().tags());
    }
    List<Policy> sessionPolicies = new ArrayList<>();
    if (ctx != null) {
      tags.putAll(ctx.tags()); // session tags override the role's tags of the same key
      if (ctx.inlinePolicy() != null) {
        compiled.compile(ctx.inlinePolicy(), PolicyType.SESSION, "inline session policy").ifPresent(sessionPolicies::add);
      }
      for (String arn : ctx.policyArns()) {
        ManagedPolicies.document(iam, arn)
            .flatMap(doc -> compiled.compile(doc, PolicyType.SESSION, arn)).ifPresent(sessionPolicies::add);
      }
      if (ctx.hasSessionPolicies() && sessionPolicies.isEmpty()) {
        // session policies that no longer resolve still bound the session: to nothing
        compiled.compile("{\"Version\":\"2012-10-17\",\"Statement\":[]}", PolicyType.SESSION, "session policy")
            .ifPresent(sessionPolicies::add);
      }
    }

    boolean management = organization.isManagementAccount(caller.accountId());
    List<List<Policy>> scps = new ArrayList<>();
    if (!management && organization.serviceControlPoliciesEnabled()) {
      for (OrganizationTree.Level level : organization.levels(caller.accountId())) {
        List<Policy> atLevel = new ArrayList<>();
        for (OrganizationTree.AttachedPolicy p : level.serviceControlPolicies()) {
          compiled.compile(p.document(), PolicyType.SERVICE_CONTROL, p.arn()).ifPresent(atLevel::add);
        }
        scps.add(atLevel);
      }
    }

    Map<String, List<String>> context = new LinkedHashMap<>();
    context.put("aws:PrincipalArn", List.of(roleArn != null ? roleArn : caller.arn()));
    context.put("aws:PrincipalAccount", List.of(caller.accountId()));
    context.put("aws:PrincipalType", List.of(switch (caller.type()) {
      case ROOT -> "Account";
      case USER -> "User";
      case ASSUMED_ROLE -> "AssumedRole";
      case FEDERATED_USER -> "FederatedUser";
    }));
    context.put("aws:userid", List.of(caller.userId()));
    if (caller.type() == Caller.PrincipalType.USER) {
      context.put("aws:username", List.of(caller.arn().substring(caller.arn().lastIndexOf('/') + 1)));
    }
    organization.organizationId().ifPresent(id -> context.put("aws:PrincipalOrgID", List.of(id)));
    organization.orgPath(caller.accountId()).ifPresent(path -> context.put("aws:PrincipalOrgPaths", List.of(path)));
    tags.forEach((k, v) -> context.put("aws:PrincipalTag/" + k, List.of(v)));
    if (ctx != null && ctx.sourceIdentity() != null) context.put("aws:SourceIdentity", List.of(ctx.sourceIdentity()));
    session.ifPresent(s -> context.put("aws:TokenIssueTime", List.of(s.session().issuedAt().toString())));
    context.put("aws:CurrentTime", List.of(facts.time().toString()));
    context.put("aws:EpochTime", List.of(Long.toString(facts.time().getEpochSecond())));
    if (facts.sourceIp() != null) context.put("aws:SourceIp", List.of(facts.sourceIp()));
    if (facts.region() != null) context.put("aws:RequestedRegion", List.of(facts.region()));
    context.put("aws:SecureTransport", List.of("false"));
    if (session.isPresent()) context.put("aws:MultiFactorAuthPresent", List.of("false"));

    String evaluated = caller.arn();
    return new CallerPermissions(evaluated, roleArn, List.copyOf(identity), boundary, List.copyOf(sessionPolicies),
        scps, management, Map.copyOf(tags), context);
  }

  /** The request facts every context carries. */
  record RequestFacts(Instant time, String sourceIp, String region) {}
}
