package io.gatehouse.policy.internal.condition;

import io.gatehouse.policy.internal.match.VariableSource;
import java.util.List;

/** Bool: the request value, read as true/false (case-insensitive), equals one of the policy values. */
public final class BoolOperator implements ConditionOperator {
    private final String[] values;

    public BoolOperator(List<String> values) {
        this.values = values.toArray(String[]::new);
    }

    @Override
    public boolean negated() {
        return false;
    }

    @Override
    public boolean test(String requestValue, VariableSource vars) {
        for (String p : values) {
            if (p.equalsIgnoreCase(requestValue)) {
                return true;
            }
        }
        return false;
    }
}
