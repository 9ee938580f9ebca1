package io.gatehouse.policy.internal.eval;

import io.gatehouse.policy.Decision;
import io.gatehouse.policy.internal.model.Statement;

/**
 * What evaluation decided and why: the deciding policy kind, the policy's position (and level for
 * SCPs/RCPs), and the statement when one decided. For an implicit deny, {@code source} is the kind
 * of policy that had no allow and {@code statement} is null.
 */
public record Verdict(Decision decision, Source source, int policyIndex, int level, Statement statement,
                      Source alsoAllowedBy, int alsoPolicyIndex, Statement alsoStatement) {

    static Verdict of(Decision d, Source s, int policyIndex, int level, Statement st) {
        return new Verdict(d, s, policyIndex, level, st, null, -1, null);
    }
}
