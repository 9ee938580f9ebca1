package io.gatehouse.policy.internal.condition;

import io.gatehouse.policy.internal.match.VariableSource;
import java.util.List;

/** Null: "true" matches when the key is absent, "false" when it is present. Evaluated on presence only. */
public final class NullOperator implements ConditionOperator {
    private final boolean matchAbsent;
    private final boolean matchPresent;

    public NullOperator(List<String> values) {
        boolean absent = false;
        boolean present = false;
        for (String v : values) {
            if (v.equalsIgnoreCase("true")) {
                absent = true;
            } else if (v.equalsIgnoreCase("false")) {
                present = true;
            }
        }
        this.matchAbsent = absent;
        this.matchPresent = present;
    }

    public boolean matchesPresence(boolean present) {
        return present ? matchPresent : matchAbsent;
    }

    @Override
    public boolean negated() {
        return false;
    }

    @Override
    public boolean test(String requestValue, VariableSource vars) {
        return matchPresent;
    }
}
