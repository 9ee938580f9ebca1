package io.gatehouse.policy;

import io.gatehouse.policy.internal.eval.Evaluator;
import io.gatehouse.policy.internal.model.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every policy that applies to a request: the principal's identity policies, the resource's
 * policy (or a role's trust policy for sts:AssumeRole), the principal's permissions boundary, the
 * session policies, the SCPs of the principal's account and the RCPs of the resource's account
 * (each as levels, root first, account last; an empty list means no organization policies).
 * Immutable; build once per principal/resource and reuse.
 */
public final class PolicySet {
    private final List<Policy> identity;
    private final Policy resource;
    private final Policy boundary;
    private final List<Policy> session;
    private final List<List<Policy>> scps;
    private final List<List<Policy>> rcps;
    private final Evaluator.Policies compiled;

    private PolicySet(Builder b) {
        this.identity = List.copyOf(b.identity);
        this.resource = b.resource;
        this.boundary = b.boundary;
        this.session = List.copyOf(b.session);
        this.scps = b.scps.stream().map(List::copyOf).toList();
        this.rcps = b.rcps.stream().map(List::copyOf).toList();
        this.compiled = new Evaluator.Policies(docs(identity), resource == null ? null : resource.document(),
                boundary == null ? null : boundary.document(), docs(session), levels(scps), levels(rcps));
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Policy> identityPolicies() { return identity; }

    public Policy resourcePolicy() { return resource; }

    public Policy permissionsBoundary() { return boundary; }

    public List<Policy> sessionPolicies() { return session; }

    public List<List<Policy>> serviceControlPolicies() { return scps; }

    public List<List<Policy>> resourceControlPolicies() { return rcps; }

    Evaluator.Policies compiled() {
        return compiled;
    }

    private static PolicyDocument[] docs(List<Policy> policies) {
        return policies.stream().map(Policy::document).toArray(PolicyDocument[]::new);
    }

    private static PolicyDocument[][] levels(List<List<Policy>> levels) {
        return levels.stream().map(PolicySet::docs).toArray(PolicyDocument[][]::new);
    }

    public static final class Builder {
        private final List<Policy> identity = new ArrayList<>();
        private Policy resource;
        private Policy boundary;
        private final List<Policy> session = new ArrayList<>();
        private final List<List<Policy>> scps = new ArrayList<>();
        private final List<List<Policy>> rcps = new ArrayList<>();

        private Builder() {}

        public Builder identityPolicy(Policy p) {
            identity.add(Objects.requireNonNull(p));
            return this;
        }

        public Builder identityPolicies(List<Policy> ps) {
            ps.forEach(this::identityPolicy);
            return this;
        }

        /** The resource-based policy, or the role's trust policy when the request is sts:AssumeRole. */
        public Builder resourcePolicy(Policy p) {
            this.resource = p;
            return this;
        }

        public Builder permissionsBoundary(Policy p) {
            this.boundary = p;
            return this;
        }

        public Builder sessionPolicy(Policy p) {
            session.add(Objects.requireNonNull(p));
            return this;
        }

        /** Adds one SCP level (root first, account last): the SCPs attached there. */
        public Builder scpLevel(List<Policy> level) {
            scps.add(List.copyOf(level));
            return this;
        }

        /** Adds one RCP level (root first); RCPFullAWSAccess is implicit and need not be listed. */
        public Builder rcpLevel(List<Policy> level) {
            rcps.add(List.copyOf(level));
            return this;
        }

        public PolicySet build() {
            return new PolicySet(this);
        }
    }
}
