package io.gatehouse.policy.internal.condition;

/** The ordering part of Numeric and Date operators: request value compared with the policy value. */
public enum Comparison {
    EQUALS, LESS_THAN, LESS_THAN_EQUALS, GREATER_THAN, GREATER_THAN_EQUALS;

    boolean holds(int cmp) {
        return switch (this) {
            case EQUALS -> cmp == 0;
            case LESS_THAN -> cmp < 0;
            case LESS_THAN_EQUALS -> cmp <= 0;
            case GREATER_THAN -> cmp > 0;
            case GREATER_THAN_EQUALS -> cmp >= 0;
        };
    }
}
