package io.gatehouse.policy.internal.condition;

import io.gatehouse.policy.internal.match.Glob;
import io.gatehouse.policy.internal.match.Template;
import io.gatehouse.policy.internal.match.VariableSource;
import java.util.List;

/** StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase, StringLike, StringNotLike. */
public final class StringOperator implements ConditionOperator {
    public enum Kind { EQUALS, EQUALS_IGNORE_CASE, LIKE }

    private final Kind kind;
    private final boolean negated;
    private final String[] plain;
    private final Glob[] globs;
    private final Template[] templates;

    public StringOperator(Kind kind, boolean negated, List<String> values, boolean variables) {
        this.kind = kind;
        this.negated = negated;
        int n = values.size();
        int templated = 0;
        Template[] t = new Template[n];
        for (int i = 0; i < n; i++) {
            t[i] = variables ? Template.parse(values.get(i)) : null;
            if (t[i] != null) {
                templated++;
            }
        }
        this.templates = templated == 0 ? new Template[0] : java.util.Arrays.stream(t).filter(x -> x != null).toArray(Template[]::new);
        List<String> statics = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (t[i] == null) {
                statics.add(values.get(i));
            }
        }
        this.plain = statics.toArray(String[]::new);
        this.globs = kind == Kind.LIKE ? statics.stream().map(s -> Glob.of(s, false)).toArray(Glob[]::new) : null;
    }

    @Override
    public boolean negated() {
        return negated;
    }

    @Override
    public boolean test(String v, VariableSource vars) {
        switch (kind) {
            case EQUALS -> {
                for (String p : plain) {
                    if (p.equals(v)) {
                        return true;
                    }
                }
            }
            case EQUALS_IGNORE_CASE -> {
                for (String p : plain) {
                    if (p.equalsIgnoreCase(v)) {
                        return true;
                    }
                }
            }
            case LIKE -> {
                for (Glob g : globs) {
                    if (g.matches(v)) {
                        return true;
                    }
                }
            }
        }
        for (Template t : templates) {
            if (kind == Kind.LIKE) {
                Glob g = t.resolveGlob(vars, false);
                if (g != null && g.matches(v)) {
                    return true;
                }
            } else {
                String resolved = t.resolve(vars);
                if (resolved != null && (kind == Kind.EQUALS ? resolved.equals(v) : resolved.equalsIgnoreCase(v))) {
                    return true;
                }
            }
        }
        return false;
    }
}
