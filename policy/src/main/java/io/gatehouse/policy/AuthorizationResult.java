package io.gatehouse.policy;

import io.gatehouse.policy.internal.eval.Source;
import io.gatehouse.policy.internal.eval.Verdict;
import io.gatehouse.policy.internal.model.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decision with its explanation: the statements that decided it (the deny that won, or the
 * allows that granted), and for an implicit deny the kind of policy that had no allow. The
 * AWS-style message is built only when asked for.
 */
public final class AuthorizationResult {
    private final AuthorizationRequest request;
    private final PolicySet policies;
    private final Verdict verdict;

    AuthorizationResult(AuthorizationRequest request, PolicySet policies, Verdict verdict) {
        this.request = request;
        this.policies = policies;
        this.verdict = verdict;
    }

    public Decision decision() {
        return verdict.decision();
    }

    public boolean isAllowed() {
        return verdict.decision() == Decision.Allowed;
    }

    /** For an implicit deny: the kind of policy in which no statement allowed the request. */
    public Optional<PolicyType> missingAllow() {
        if (verdict.decision() != Decision.ImplicitlyDenied) {
            return Optional.empty();
        }
        return Optional.ofNullable(Explanations.typeOf(verdict.source()));
    }

    /** For an implicit deny by SCPs: the level (root = 0) at which nothing allowed; else -1. */
    public int missingAllowLevel() {
        return verdict.decision() == Decision.ImplicitlyDenied ? verdict.level() : -1;
    }

    /** The deny that won, or the allow statements that granted; empty for an implicit deny. */
    public List<DecidingStatement> decidingStatements() {
        List<DecidingStatement> out = new ArrayList<>(2);
        if (verdict.statement() != null) {
            out.add(ref(verdict.source(), verdict.policyIndex(), verdict.level(), verdict.statement()));
        }
        if (verdict.alsoStatement() != null) {
            out.add(ref(verdict.alsoAllowedBy(), verdict.alsoPolicyIndex(), -1, verdict.alsoStatement()));
        }
        return out;
    }

    /** True when no policy decided but a built-in rule did (sts:GetCallerIdentity, the account root user). */
    public boolean decidedByBuiltInRule() {
        return verdict.source() == Source.BUILT_IN || verdict.source() == Source.ROOT_USER;
    }

    private DecidingStatement ref(Source source, int index, int level, Statement st) {
        PolicyType type = Explanations.typeOf(source);
        Policy policy = policyAt(source, index, level);
        if (type == PolicyType.RESOURCE && policy != null && policy.type() == PolicyType.TRUST) {
            type = PolicyType.TRUST;
        }
        return new DecidingStatement(type, policy == null ? Optional.empty() : policy.name(), index, level,
                st.index(), Optional.ofNullable(st.sid()));
    }

    private Policy policyAt(Source source, int index, int level) {
        try {
            return switch (source) {
                case IDENTITY -> policies.identityPolicies().get(index);
                case RESOURCE -> policies.resourcePolicy();
                case PERMISSIONS_BOUNDARY -> policies.permissionsBoundary();
                case SESSION -> policies.sessionPolicies().get(index);
                case SERVICE_CONTROL -> policies.serviceControlPolicies().get(level).get(index);
                case RESOURCE_CONTROL -> policies.resourceControlPolicies().get(level).get(index);
                case BUILT_IN, ROOT_USER -> null;
            };
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }

    /**
     * AWS-style explanation, e.g. "User: arn:aws:iam::111122223333:user/alice is not authorized to
     * perform: s3:GetObject on resource: arn:aws:s3:::b/k because no identity-based policy allows
     * the s3:GetObject action".
     */
    public String explanation() {
        String action = request.action();
        String head = "User: " + request.principal() + " is not authorized to perform: " + action
                + " on resource: " + request.resource();
        return switch (verdict.decision()) {
            case Allowed -> switch (verdict.source()) {
                case BUILT_IN -> "Allowed: " + action + " needs no permission and cannot be denied";
                case ROOT_USER -> "Allowed: the account root user has every permission in its own account";
                default -> {
                    StringBuilder sb = new StringBuilder("Allowed by ");
                    List<DecidingStatement> refs = decidingStatements();
                    for (int i = 0; i < refs.size(); i++) {
                        if (i > 0) {
                            sb.append(" and ");
                        }
                        sb.append(refs.get(i).describe());
                    }
                    if (verdict.alsoAllowedBy() == Source.ROOT_USER) {
                        sb.append(" (the caller is the account root user)");
                    }
                    yield sb.toString();
                }
            };
            case ExplicitlyDenied -> head + " with an explicit deny in " + Explanations.withArticle(typeOrResource())
                    + " (" + decidingStatements().getFirst().describe() + ")";
            case ImplicitlyDenied -> head + " because no " + Explanations.phrase(typeOrResource())
                    + " allows the " + action + " action"
                    + (verdict.source() == Source.SERVICE_CONTROL && verdict.level() >= 0 ? " (level " + verdict.level() + ")" : "");
        };
    }

    private PolicyType typeOrResource() {
        PolicyType t = Explanations.typeOf(verdict.source());
        if (t == PolicyType.RESOURCE && policies.resourcePolicy() != null
                && policies.resourcePolicy().type() == PolicyType.TRUST) {
            return PolicyType.TRUST;
        }
        return t == null ? PolicyType.IDENTITY : t;
    }

    @Override
    public String toString() {
        return decision() + ": " + explanation();
    }
}
