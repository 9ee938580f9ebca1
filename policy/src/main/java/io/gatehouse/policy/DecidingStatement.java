package io.gatehouse.policy;

import java.util.Optional;

/**
 * A statement that decided (or contributed to) a decision: the kind of policy, the policy's name
 * when it has one, its position among policies of that kind (and its level, root = 0, for SCPs and
 * RCPs; -1 otherwise), and the statement's index and Sid.
 */
public record DecidingStatement(PolicyType policyType, Optional<String> policyName, int policyIndex, int level,
                                int statementIndex, Optional<String> sid) {

    /** "Sid" or "#index" of the statement in "name" or "kind #i". */
    public String describe() {
        String st = sid.filter(s -> !s.isEmpty()).orElse("#" + statementIndex);
        String policy = policyName.orElseGet(() -> Explanations.phrase(policyType) + " #" + policyIndex
                + (level >= 0 ? " (level " + level + ")" : ""));
        return "statement " + st + " of " + policy;
    }
}
