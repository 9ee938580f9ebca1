package io.gatehouse.policy.internal.match;

/**
 * A Resource (or Arn-condition) pattern, matched as AWS does: {@code *} alone matches everything;
 * an ARN pattern is compared segment by segment (partition, service, region and account ignore
 * case; the resource part is case-sensitive and may contain {@code :} and {@code /}); anything
 * else, including a short ARN such as {@code arn:aws:sqs:*} whose last {@code *} runs past the
 * colons, is matched as a whole string. Patterns with policy variables are resolved per request; a
 * variable with no value makes the pattern match nothing (so a NotResource entry excludes nothing).
 */
public final class ArnPattern {
    private static final int SEGMENTS = 6;

    private final String source;
    private final boolean any;
    /** Per segment a static glob, or null when {@link #templates} holds it; null for non-ARN patterns. */
    private final Glob[] globs;
    private final Template[] templates;
    private final Glob whole;
    private final Template wholeTemplate;

    private ArnPattern(String source, boolean any, Glob[] globs, Template[] templates, Glob whole, Template wholeTemplate) {
        this.source = source;
        this.any = any;
        this.globs = globs;
        this.templates = templates;
        this.whole = whole;
        this.wholeTemplate = wholeTemplate;
    }

    /** Compiles a pattern; {@code variables} says whether {@code ${...}} is a policy variable (Version 2012-10-17). */
    public static ArnPattern compile(String pattern, boolean variables) {
        if (pattern.equals("*")) {
            return new ArnPattern(pattern, true, null, null, null, null);
        }
        String[] seg = splitTopLevel(pattern);
        if (seg == null) {
            Template t = variables ? Template.parse(pattern) : null;
            return new ArnPattern(pattern, false, null, null, t == null ? Glob.of(pattern, false) : null, t);
        }
        Glob[] globs = new Glob[SEGMENTS];
        Template[] templates = null;
        for (int i = 0; i < SEGMENTS; i++) {
            Template t = variables ? Template.parse(seg[i]) : null;
            if (t != null) {
                if (templates == null) {
                    templates = new Template[SEGMENTS];
                }
                templates[i] = t;
            } else {
                // partition, service, region and account ignore case: compared lower-cased
                globs[i] = i < 5 ? Glob.of(seg[i].toLowerCase(java.util.Locale.ROOT), false) : Glob.of(seg[i], false);
            }
        }
        return new ArnPattern(pattern, false, globs, templates, null, null);
    }

    public boolean hasVariables() {
        return wholeTemplate != null || templates != null;
    }

    public String source() {
        return source;
    }

    public boolean isAny() {
        return any;
    }

    /**
     * Splits an ARN into its six segments at colons outside {@code ${...}}; the sixth keeps any
     * further colons. Null when the text is not an ARN (fewer than six segments or no "arn" prefix).
     */
    public static String[] splitTopLevel(String arn) {
        if (!arn.regionMatches(true, 0, "arn:", 0, 4)) {
            return null;
        }
        String[] out = new String[SEGMENTS];
        int start = 0;
        int seg = 0;
        int depth = 0;
        for (int i = 0; i < arn.length() && seg < SEGMENTS - 1; i++) {
            char c = arn.charAt(i);
            if (c == '$' && i + 1 < arn.length() && arn.charAt(i + 1) == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == ':' && depth == 0) {
                out[seg++] = arn.substring(start, i);
                start = i + 1;
            }
        }
        if (seg < SEGMENTS - 1) {
            return null;
        }
        out[SEGMENTS - 1] = arn.substring(start);
        return out;
    }

    /**
     * Splits a request ARN for {@link #matches}: six segments, the first five lower-cased (they are
     * compared ignoring case); null when the text is not an ARN.
     */
    public static String[] splitForMatching(String arn) {
        String[] seg = splitTopLevel(arn);
        if (seg != null) {
            for (int i = 0; i < 5; i++) {
                seg[i] = seg[i].toLowerCase(java.util.Locale.ROOT);
            }
        }
        return seg;
    }

    /**
     * Whether the request resource matches. {@code resource} is the full text; {@code segments} its
     * six ARN segments from {@link #splitForMatching}, or null when it is not an ARN.
     */
    public boolean matches(String resource, String[] segments, VariableSource vars) {
        if (any) {
            return true;
        }
        if (globs == null) {
            if (whole != null) {
                return whole.matches(resource);
            }
            Glob g = wholeTemplate.resolveGlob(vars, false);
            return g != null && g.matches(resource);
        }
        if (segments == null) {
            return false;
        }
        // the resource part first: it is the one that usually differs
        for (int k = 0; k < SEGMENTS; k++) {
            int i = k == 0 ? SEGMENTS - 1 : k - 1;
            Glob g = globs[i];
            if (g == null) {
                g = templates[i].resolveGlob(vars, i < 5);
                if (g == null) {
                    return false;
                }
            }
            if (!g.matches(segments[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return source;
    }
}
