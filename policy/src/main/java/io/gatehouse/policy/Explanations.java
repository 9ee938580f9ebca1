package io.gatehouse.policy;

import io.gatehouse.policy.internal.eval.Source;

/** AWS's words for policy kinds, as used in AccessDenied messages. */
final class Explanations {
    private Explanations() {}

    static String phrase(PolicyType t) {
        return switch (t) {
            case IDENTITY -> "identity-based policy";
            case RESOURCE -> "resource-based policy";
            case TRUST -> "role trust policy";
            case PERMISSIONS_BOUNDARY -> "permissions boundary";
            case SESSION -> "session policy";
            case SERVICE_CONTROL -> "service control policy";
            case RESOURCE_CONTROL -> "resource control policy";
        };
    }

    static String withArticle(PolicyType t) {
        String p = phrase(t);
        return (p.startsWith("i") || p.startsWith("a") ? "an " : "a ") + p;
    }

    /** The policy type for a source; null for built-in rules. */
    static PolicyType typeOf(Source s) {
        return switch (s) {
            case SERVICE_CONTROL -> PolicyType.SERVICE_CONTROL;
            case RESOURCE_CONTROL -> PolicyType.RESOURCE_CONTROL;
            case RESOURCE -> PolicyType.RESOURCE;
            case IDENTITY -> PolicyType.IDENTITY;
            case PERMISSIONS_BOUNDARY -> PolicyType.PERMISSIONS_BOUNDARY;
            case SESSION -> PolicyType.SESSION;
            case BUILT_IN, ROOT_USER -> null;
        };
    }
}
