package io.gatehouse.policy.internal.condition;

import io.gatehouse.policy.internal.match.VariableSource;
import java.math.BigDecimal;
import java.util.List;

/** NumericEquals, NumericNotEquals, NumericLessThan(Equals), NumericGreaterThan(Equals). */
public final class NumericOperator implements ConditionOperator {
    private final Comparison comparison;
    private final boolean negated;
    private final double[] values;

    private NumericOperator(Comparison comparison, boolean negated, double[] values) {
        this.comparison = comparison;
        this.negated = negated;
        this.values = values;
    }

    /** Null when a value is not a number. */
    public static NumericOperator of(Comparison comparison, boolean negated, List<String> values) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            Double d = parse(values.get(i));
            if (d == null) {
                return null;
            }
            v[i] = d;
        }
        return new NumericOperator(comparison, negated, v);
    }

    static Double parse(String s) {
        try {
            return new BigDecimal(s.trim()).doubleValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public boolean negated() {
        return negated;
    }

    @Override
    public boolean test(String requestValue, VariableSource vars) {
        double r;
        try {
            r = Double.parseDouble(requestValue.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Double.isNaN(r)) {
            return false;
        }
        for (double p : values) {
            if (comparison.holds(Double.compare(r, p))) {
                return true;
            }
        }
        return false;
    }
}
