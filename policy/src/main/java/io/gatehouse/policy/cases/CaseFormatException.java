package io.gatehouse.policy.cases;

import io.gatehouse.policy.Finding;
import java.util.List;

/** A case line that is not valid: bad JSON, a missing field, or a policy with errors (its findings). */
public final class CaseFormatException extends Exception {
    private final String caseId;
    private final transient List<Finding> findings;

    public CaseFormatException(String caseId, String message, List<Finding> findings) {
        super(message);
        this.caseId = caseId;
        this.findings = List.copyOf(findings);
    }

    /** The case id when it could be read, else null. */
    public String caseId() {
        return caseId;
    }

    public List<Finding> findings() {
        return findings;
    }
}
