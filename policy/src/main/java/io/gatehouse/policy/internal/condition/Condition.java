package io.gatehouse.policy.internal.condition;

import io.gatehouse.policy.internal.match.VariableSource;

/**
 * One operator applied to one key, e.g. {@code "ForAnyValue:StringLikeIfExists": {"aws:TagKeys": [...]}}.
 * Keys are compared lower-cased. Rules (AWS "Condition operators" and "multivalued context keys"):
 * a missing key makes a plain operator false, a negated one true, an IfExists one true;
 * ForAnyValue needs at least one request value to match (false when the key is missing, unless
 * IfExists); ForAllValues needs every request value to match (true when the key is missing or empty).
 * A policy value holding a policy variable with no value is null (AWS "Policy variables with no
 * value"): it equals and is like nothing, so positive operators do not match it and negated
 * operators do.
 */
public record Condition(String operatorName, SetQualifier qualifier, boolean ifExists,
                        String key, String lowerKey, ConditionOperator operator) {

    public boolean evaluate(VariableSource context) {
        String[] values = context.values(lowerKey);
        boolean present = values != null && values.length > 0;
        if (operator instanceof NullOperator n) {
            return n.matchesPresence(present);
        }
        boolean negated = operator.negated();
        return switch (qualifier) {
            case NONE -> {
                if (!present) {
                    yield ifExists || negated;
                }
                if (values.length > 1) {
                    // a single-valued operator on a multivalued key: any value matching counts
                    boolean any = false;
                    for (String v : values) {
                        if (operator.test(v, context)) {
                            any = true;
                            break;
                        }
                    }
                    yield negated != any;
                }
                yield negated != operator.test(values[0], context);
            }
            case FOR_ANY_VALUE -> {
                if (!present) {
                    yield ifExists;
                }
                for (String v : values) {
                    if (negated != operator.test(v, context)) {
                        yield true;
                    }
                }
                yield false;
            }
            case FOR_ALL_VALUES -> {
                if (!present) {
                    yield true;
                }
                for (String v : values) {
                    if (negated == operator.test(v, context)) {
                        yield false;
                    }
                }
                yield true;
            }
        };
    }
}
