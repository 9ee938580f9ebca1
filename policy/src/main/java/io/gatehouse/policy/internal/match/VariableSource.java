package io.gatehouse.policy.internal.match;

/** Where policy variables get their values: the request context, keyed by lower-cased key. */
@FunctionalInterface
public interface VariableSource {
    /** The values of a context key (lower-cased), or null when the request has no such key. */
    String[] values(String lowerCaseKey);
}
