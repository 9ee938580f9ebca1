package io.gatehouse.policy.internal.model;

import io.gatehouse.policy.internal.match.Glob;
import java.util.Locale;

/**
 * One Action/NotAction entry: {@code service:Action} with wildcards, matched case-insensitively.
 * {@link #service} is the lower-cased service prefix when it has no wildcard (used to index
 * statements), else null.
 */
public record ActionPattern(String text, String service, Glob glob) {

    public static ActionPattern compile(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        String service = null;
        if (colon > 0) {
            String s = lower.substring(0, colon);
            if (s.indexOf('*') < 0 && s.indexOf('?') < 0) {
                service = s;
            }
        }
        return new ActionPattern(text, service, Glob.of(lower, false));
    }

    /** {@code lowerAction} is the request action already lower-cased. */
    public boolean matches(String lowerAction) {
        return glob.matches(lowerAction);
    }
}
