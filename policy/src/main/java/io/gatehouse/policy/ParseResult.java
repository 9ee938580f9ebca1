package io.gatehouse.policy;

import java.util.List;
import java.util.Optional;

/**
 * What {@link PolicyParser} made of a document: the compiled policy when the document has no
 * errors, and every finding (errors and warnings) in document order.
 */
public record ParseResult(Optional<Policy> policy, List<Finding> findings) {

    public ParseResult {
        findings = List.copyOf(findings);
    }

    public boolean hasErrors() {
        for (Finding f : findings) {
            if (f.isError()) {
                return true;
            }
        }
        return false;
    }

    public List<Finding> errors() {
        return findings.stream().filter(Finding::isError).toList();
    }

    /** The policy, or an {@link InvalidPolicyException} carrying the findings. */
    public Policy orThrow() {
        return policy.orElseThrow(() -> new InvalidPolicyException(findings));
    }
}
