package io.gatehouse.policy.internal.condition;

import io.gatehouse.policy.internal.match.VariableSource;

/**
 * One condition operator family with its compiled policy values. {@link #test} answers the
 * positive form for one request value (true when it matches any policy value: values are ORed);
 * {@link #negated} says whether the operator is the negation of that form.
 */
public sealed interface ConditionOperator
        permits StringOperator, NumericOperator, DateOperator, BoolOperator, BinaryOperator,
                IpOperator, ArnOperator, NullOperator {

    boolean negated();

    boolean test(String requestValue, VariableSource vars);
}
