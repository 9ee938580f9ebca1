package io.gatehouse.policy.internal.condition;

import io.gatehouse.policy.internal.match.ArnPattern;
import io.gatehouse.policy.internal.match.VariableSource;
import java.util.List;

/** ArnEquals, ArnLike, ArnNotEquals, ArnNotLike: all four match segment by segment with wildcards. */
public final class ArnOperator implements ConditionOperator {
    private final boolean negated;
    private final ArnPattern[] patterns;

    public ArnOperator(boolean negated, List<String> values, boolean variables) {
        this.negated = negated;
        this.patterns = values.stream().map(v -> ArnPattern.compile(v, variables)).toArray(ArnPattern[]::new);
    }

    @Override
    public boolean negated() {
        return negated;
    }

    @Override
    public boolean test(String requestValue, VariableSource vars) {
        String[] segments = ArnPattern.splitForMatching(requestValue);
        if (segments == null) {
            return false; // Arn operators never match a value that is not an ARN
        }
        for (ArnPattern p : patterns) {
            if (p.matches(requestValue, segments, vars)) {
                return true;
            }
        }
        return false;
    }
}
