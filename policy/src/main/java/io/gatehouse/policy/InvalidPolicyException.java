package io.gatehouse.policy;

import java.util.List;

/** A policy document that has errors was used where a valid policy is required. */
public final class InvalidPolicyException extends RuntimeException {
    private final transient List<Finding> findings;

    public InvalidPolicyException(List<Finding> findings) {
        super(findings.stream().filter(Finding::isError).findFirst()
                .map(Finding::toString).orElse("invalid policy"));
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
