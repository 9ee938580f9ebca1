package io.gatehouse.server.authz;

import io.gatehouse.policy.Policy;
import io.gatehouse.policy.PolicyLimits;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicySet;
import io.gatehouse.policy.PolicyType;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.iam.IamSnapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves the caller of a request into a {@link Subject}: its IAM identity, tags, organization
 * path and every policy that binds it. The result is remembered per access key until the IAM
 * snapshot or the organization changes, so a request usually costs one hash lookup here.
 */
final class Subjects {
  private static final int MAX_CACHED = 50_000;
  private static final PolicyParser EVALUATION = PolicyParser.lenient(PolicyLimits.unlimitedSize());
  /** Session policies that no longer resolve still bound the session: to nothing. */
  private static final Policy NOTHING = EVALUATION.check("{\"Version\":\"2012-10-17\",\"Statement\":[]}", PolicyType.SESSION)
      .policy().orElseThrow();

  private final CallerSessions sessions;
  private final ConcurrentHashMap<String, Subject> byKey = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Optional<Policy>> inlineSessionPolicies = new ConcurrentHashMap<>();

  Subjects(CallerSessions sessions) {
    this.sessions = sessions;
  }

  Subject of(Caller caller, IamSnapshot iam, CompiledOrganization org) {
    String key = caller.accessKeyId() != null ? caller.accessKeyId() : caller.arn();
    Subject known = byKey.get(key);
    if (known != null && known.iam() == iam && known.organization() == org) return known;
    Subject fresh = resolve(caller, iam, org);
    if (byKey.size() >= MAX_CACHED) byKey.clear();
    byKey.put(key, fresh);
    return fresh;
  }

  private Subject resolve(Caller caller, IamSnapshot iam, CompiledOrganization org) {
    CallerSession session = sessions.of(caller).orElse(null);
    Instant issued = session == null ? null : session.issuedAt();
    if (issued == null && caller.accessKeyId() != null && caller.accessKeyId().startsWith("ASIA")) {
      issued = Instant.EPOCH; // temporary credentials whose session could not be read: still temporary
    }

    IamSnapshot.Principal identity = null;
    String principalArn = caller.arn();
    String userName = null;
    switch (caller.type()) {
      case USER -> {
        identity = iam.principalById(caller.userId()).orElseGet(() -> iam.principal(caller.arn()).orElse(null));
        userName = identity != null ? identity.name() : caller.arn().substring(caller.arn().lastIndexOf('/') + 1);
      }
      case ASSUMED_ROLE -> {
        if (session != null && session.roleArn() != null) {
          principalArn = session.roleArn();
          identity = iam.principal(session.roleArn()).orElse(null);
        }
      }
      case ROOT, FEDERATED_USER -> { }
    }

    PolicySet.Builder policies = PolicySet.builder();
    Map<String, String> tags = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (identity != null) {
      for (IamSnapshot.PolicyDocument doc : identity.identityPolicies()) {
        if (doc.policy() != null) policies.identityPolicy(doc.policy());
      }
      identity.permissionsBoundary().map(IamSnapshot.PolicyDocument::policy).ifPresent(policies::permissionsBoundary);
      tags.putAll(identity.tags());
    }
    if (session != null) {
      tags.putAll(session.tags()); // session tags override the role's tags of the same key
      if (session.hasSessionPolicies()) {
        List<Policy> bound = sessionPolicies(session, iam);
        (bound.isEmpty() ? List.of(NOTHING) : bound).forEach(policies::sessionPolicy);
      }
    }
    org.serviceControlPolicies(caller.accountId()).forEach(policies::scpLevel);

    String organizationId = org.tree.organizationId().orElse(null);
    List<String> paths = org.tree.orgPath(caller.accountId()).map(List::of).orElse(List.of());
    return new Subject(iam, org, identity, principalArn, userName, Map.copyOf(tags), organizationId, paths, issued,
        session == null ? null : session.sourceIdentity(), policies.build(), org.tree.isManagementAccount(caller.accountId()));
  }

  private List<Policy> sessionPolicies(CallerSession session, IamSnapshot iam) {
    List<Policy> out = new ArrayList<>(1 + session.policyArns().size());
    if (session.inlinePolicy() != null) {
      if (inlineSessionPolicies.size() >= MAX_CACHED) inlineSessionPolicies.clear();
      inlineSessionPolicies.computeIfAbsent(session.inlinePolicy(),
          json -> EVALUATION.check(json, PolicyType.SESSION).policy()).ifPresent(out::add);
    }
    for (String arn : session.policyArns()) {
      iam.managedPolicy(arn).map(IamSnapshot.PolicyDocument::policy).ifPresent(out::add);
    }
    return out;
  }
}
