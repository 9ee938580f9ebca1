package io.gatehouse.policy.internal.eval;

import io.gatehouse.policy.Decision;
import io.gatehouse.policy.internal.model.Effect;
import io.gatehouse.policy.internal.model.PolicyDocument;
import io.gatehouse.policy.internal.model.Statement;
import java.util.Set;

/**
 * AWS's policy evaluation logic, in the order of docs/EVALUATION.md:
 * <ol>
 * <li>built-in: sts:GetCallerIdentity is always allowed;</li>
 * <li>an explicit Deny in any applicable policy (SCP, RCP, resource, identity, boundary, session) wins;</li>
 * <li>every SCP level must allow (IAM principals of member accounts only);</li>
 * <li>RCPs only deny (RCPFullAWSAccess is implicit);</li>
 * <li>grants: a resource-based policy naming the caller directly allows within its account on its own;
 * otherwise the identity side (identity policies, or a same-account resource policy naming the
 * session's role) must allow, then the permissions boundary, then the session policies; across
 * accounts (and for KMS keys and role trust policies) the resource-based policy must allow too.</li>
 * </ol>
 */
public final class Evaluator {
    private static final Statement[] NONE = new Statement[0];

    private final Set<String> rcpServices;

    public Evaluator(Set<String> rcpServices) {
        this.rcpServices = Set.copyOf(rcpServices);
    }

    /** The policies that apply to one request, compiled. Levels of SCPs/RCPs go root first. */
    public record Policies(PolicyDocument[] identity, PolicyDocument resource, PolicyDocument boundary,
                           PolicyDocument[] session, PolicyDocument[][] scps, PolicyDocument[][] rcps) {}

    public Verdict evaluate(RequestView r, Policies p) {
        if (r.lowerAction.equals("sts:getcalleridentity")) {
            return Verdict.of(Decision.Allowed, Source.BUILT_IN, -1, -1, null);
        }
        Caller c = r.caller;
        boolean iamPrincipal = switch (c) {
            case Caller.IamUser u -> true;
            case Caller.Role ro -> true;
            case Caller.RoleSession s -> true;
            case Caller.FederatedUser f -> true;
            case Caller.AccountRoot root -> true;
            case Caller.ServicePrincipal s -> false;
            case Caller.Anonymous a -> false;
            case Caller.Other o -> false;
        };
        boolean root = c instanceof Caller.AccountRoot;
        boolean serviceLinked = Caller.isServiceLinkedRole(c);
        boolean scpApplies = iamPrincipal && p.scps().length > 0 && !r.principalInManagementAccount && !serviceLinked;
        // RCPs restrict every caller, AWS service principals included (AWS's data-perimeter RCPs test
        // aws:PrincipalIsAWSService for that reason), except service-linked roles
        boolean rcpApplies = p.rcps().length > 0 && rcpServices.contains(r.service) && !r.resourceInManagementAccount
                && !serviceLinked;
        boolean hasBoundary = p.boundary() != null && iamPrincipal && !root;
        boolean sessionApplies = p.session().length > 0
                && (c instanceof Caller.RoleSession || c instanceof Caller.FederatedUser || c instanceof Caller.Role);
        boolean identityApplies = iamPrincipal && !root;

        // 1. one pass over every applicable policy: an explicit deny anywhere wins at once; allows are noted
        Scan scan = new Scan();
        int scpMissingLevel = -1;
        if (scpApplies) {
            for (int level = 0; level < p.scps().length; level++) {
                PolicyDocument[] docs = p.scps()[level];
                boolean levelAllows = false;
                for (int i = 0; i < docs.length; i++) {
                    scan.allow = null;
                    Statement d = scan(docs[i], r, scan);
                    if (d != null) {
                        return Verdict.of(Decision.ExplicitlyDenied, Source.SERVICE_CONTROL, i, level, d);
                    }
                    levelAllows |= scan.allow != null;
                }
                if (!levelAllows && scpMissingLevel < 0) {
                    scpMissingLevel = level;
                }
            }
        }
        if (rcpApplies) {
            for (int level = 0; level < p.rcps().length; level++) {
                PolicyDocument[] docs = p.rcps()[level];
                for (int i = 0; i < docs.length; i++) {
                    Statement d = firstResourceDeny(docs[i], r, hasBoundary);
                    if (d != null) {
                        return Verdict.of(Decision.ExplicitlyDenied, Source.RESOURCE_CONTROL, i, level, d);
                    }
                }
            }
        }
        PrincipalMatch grant = PrincipalMatch.NONE;
        Statement rpAllow = null;
        if (p.resource() != null) {
            for (int pass = 0; pass < 2; pass++) {
                for (Statement s : candidates(p.resource(), r, pass == 0)) {
                    if (s.effect() == Effect.DENY) {
                        if (matches(s, r) && appliesToCaller(s, r.caller, hasBoundary)) {
                            return Verdict.of(Decision.ExplicitlyDenied, Source.RESOURCE, 0, -1, s);
                        }
                    } else {
                        PrincipalMatch m = better(grant, s, r, hasBoundary);
                        if (m != grant) {
                            grant = m;
                            rpAllow = s;
                        }
                    }
                }
            }
        }
        int identityAllowIndex = -1;
        Statement identityAllow = null;
        if (identityApplies) {
            for (int i = 0; i < p.identity().length; i++) {
                scan.allow = identityAllow;
                Statement d = scan(p.identity()[i], r, scan);
                if (d != null) {
                    return Verdict.of(Decision.ExplicitlyDenied, Source.IDENTITY, i, -1, d);
                }
                if (identityAllow == null && scan.allow != null) {
                    identityAllow = scan.allow;
                    identityAllowIndex = i;
                }
            }
        }
        Statement boundaryAllow = null;
        if (hasBoundary) {
            scan.allow = null;
            Statement d = scan(p.boundary(), r, scan);
            if (d != null) {
                return Verdict.of(Decision.ExplicitlyDenied, Source.PERMISSIONS_BOUNDARY, 0, -1, d);
            }
            boundaryAllow = scan.allow;
        }
        boolean sessionAllows = false;
        if (sessionApplies) {
            for (int i = 0; i < p.session().length; i++) {
                scan.allow = null;
                Statement d = scan(p.session()[i], r, scan);
                if (d != null) {
                    return Verdict.of(Decision.ExplicitlyDenied, Source.SESSION, i, -1, d);
                }
                sessionAllows |= scan.allow != null;
            }
        }

        // 2. every SCP level must allow
        if (scpMissingLevel >= 0) {
            return Verdict.of(Decision.ImplicitlyDenied, Source.SERVICE_CONTROL, -1, scpMissingLevel, null);
        }

        // 3. grants
        if (!iamPrincipal) {
            return grant == PrincipalMatch.DIRECT || grant == PrincipalMatch.WILDCARD
                    ? Verdict.of(Decision.Allowed, Source.RESOURCE, 0, -1, rpAllow)
                    : Verdict.of(Decision.ImplicitlyDenied, Source.RESOURCE, -1, -1, null);
        }
        boolean sameAccount = c.account() != null && c.account().equals(r.resourceAccount);
        boolean resourcePolicyRequired = !sameAccount || isKmsKey(r) || isTrustRequest(r);
        if (sameAccount && grant == PrincipalMatch.DIRECT) {
            // naming the user, session or federated user: not limited by boundary or session policy
            return Verdict.of(Decision.Allowed, Source.RESOURCE, 0, -1, rpAllow);
        }
        if (sameAccount && grant == PrincipalMatch.WILDCARD && !sessionApplies) {
            return Verdict.of(Decision.Allowed, Source.RESOURCE, 0, -1, rpAllow);
        }
        if (resourcePolicyRequired && grant == PrincipalMatch.NONE) {
            return Verdict.of(Decision.ImplicitlyDenied, Source.RESOURCE, -1, -1, null);
        }
        if (root) {
            if (sameAccount) {
                return Verdict.of(Decision.Allowed, Source.ROOT_USER, -1, -1, null);
            }
            return new Verdict(Decision.Allowed, Source.RESOURCE, 0, -1, rpAllow, Source.ROOT_USER, -1, null);
        }
        // a same-account grant to the session's role, or to everyone, adds to the identity side and
        // is then limited by the boundary and the session policies
        boolean roleGrant = sameAccount && (grant == PrincipalMatch.ROLE || grant == PrincipalMatch.WILDCARD);
        if (identityAllow == null && !roleGrant) {
            return Verdict.of(Decision.ImplicitlyDenied, Source.IDENTITY, -1, -1, null);
        }
        if (hasBoundary && boundaryAllow == null) {
            return Verdict.of(Decision.ImplicitlyDenied, Source.PERMISSIONS_BOUNDARY, -1, -1, null);
        }
        if (sessionApplies && !sessionAllows) {
            return Verdict.of(Decision.ImplicitlyDenied, Source.SESSION, -1, -1, null);
        }
        if (identityAllow != null) {
            return grant != PrincipalMatch.NONE
                    ? new Verdict(Decision.Allowed, Source.IDENTITY, identityAllowIndex, -1, identityAllow, Source.RESOURCE, 0, rpAllow)
                    : Verdict.of(Decision.Allowed, Source.IDENTITY, identityAllowIndex, -1, identityAllow);
        }
        return Verdict.of(Decision.Allowed, Source.RESOURCE, 0, -1, rpAllow);
    }

    /** Scratch for one evaluation: the first allow found by {@link #scan}. */
    private static final class Scan {
        Statement allow;
    }

    /**
     * One pass over the statements of a policy that can apply to the request's service: returns the
     * first matching Deny, and records the first matching Allow in {@code out} (if none is recorded yet).
     */
    private static Statement scan(PolicyDocument d, RequestView r, Scan out) {
        Statement deny = scan(d.forService(r.service), r, out);
        return deny != null ? deny : scan(d.anyService(), r, out);
    }

    private static Statement scan(Statement[] statements, RequestView r, Scan out) {
        for (Statement s : statements) {
            if (s.effect() == Effect.DENY) {
                if (matches(s, r)) {
                    return s;
                }
            } else if (out.allow == null && matches(s, r)) {
                out.allow = s;
            }
        }
        return null;
    }

    /** KMS key policies are required: identity policies alone never grant access to a key. */
    private static boolean isKmsKey(RequestView r) {
        return r.service.equals("kms") && r.segments != null && r.segments[2].equalsIgnoreCase("kms")
                && r.segments[5].startsWith("key/");
    }

    private static boolean isTrustRequest(RequestView r) {
        return r.service.equals("sts") && r.segments != null && r.segments[2].equalsIgnoreCase("iam")
                && r.segments[5].startsWith("role/");
    }

    private static PrincipalMatch better(PrincipalMatch current, Statement s, RequestView r, boolean hasBoundary) {
        if (current == PrincipalMatch.DIRECT || s.effect() != Effect.ALLOW) {
            return current;
        }
        PrincipalMatch m = PrincipalMatch.of(s, r.caller, hasBoundary);
        if (m.ordinal() <= current.ordinal()) {
            return current;
        }
        if (!matches(s, r)) {
            return current;
        }
        return m;
    }

    private static Statement[] candidates(PolicyDocument d, RequestView r, boolean byService) {
        return byService ? d.forService(r.service) : d.anyService();
    }

    private static boolean matches(Statement s, RequestView r) {
        return s.matchesAction(r.lowerAction)
                && s.matchesResource(r.resource, r.segments, r)
                && s.conditionsHold(r);
    }

    /** First Deny statement of a resource-based policy (or RCP) that applies to this caller. */
    private static Statement firstResourceDeny(PolicyDocument d, RequestView r, boolean hasBoundary) {
        Statement s = firstResourceDeny(d.forService(r.service), r, hasBoundary);
        return s != null ? s : firstResourceDeny(d.anyService(), r, hasBoundary);
    }

    private static Statement firstResourceDeny(Statement[] statements, RequestView r, boolean hasBoundary) {
        for (Statement s : statements) {
            if (s.effect() == Effect.DENY && matches(s, r) && appliesToCaller(s, r.caller, hasBoundary)) {
                return s;
            }
        }
        return null;
    }

    private static boolean appliesToCaller(Statement s, Caller c, boolean hasBoundary) {
        if (s.principal() == null) {
            return true;
        }
        if (s.notPrincipal()) {
            return !PrincipalMatch.exempt(s.principal(), c, hasBoundary);
        }
        return PrincipalMatch.named(s.principal(), c) != PrincipalMatch.NONE;
    }

    static Statement[] none() {
        return NONE;
    }
}
