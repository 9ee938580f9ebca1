package io.gatehouse.policy.internal.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy string with policy variables: literal text and {@code ${key}} / {@code ${key, 'default'}}
 * references, plus the escapes {@code ${*}}, {@code ${?}} and {@code ${$}} which stand for literal
 * characters. Resolution never evaluates a value as a pattern: characters from values stay literal.
 */
public final class Template {
    private sealed interface Part permits Text, Variable {}

    private record Text(String text, boolean literalWildcards) implements Part {}

    private record Variable(String key, String lowerKey, String fallback) implements Part {}

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = parts;
    }

    public String source() {
        return source;
    }

    /** Parses {@code text}; returns null when it contains no variable (use plain matching then). */
    public static Template parse(String text) {
        if (text.indexOf("${") < 0) {
            return null;
        }
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            int close = open < 0 ? -1 : text.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                lit.append(text, i, text.length());
                break;
            }
            lit.append(text, i, open);
            String inner = text.substring(open + 2, close);
            if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
                flush(parts, lit);
                parts.add(new Text(inner, true));
            } else {
                flush(parts, lit);
                parts.add(variable(inner.trim()));
            }
            i = close + 1;
        }
        flush(parts, lit);
        return new Template(text, List.copyOf(parts));
    }

    private static Variable variable(String inner) {
        int comma = inner.indexOf(',');
        if (comma < 0) {
            return new Variable(inner, inner.toLowerCase(Locale.ROOT), null);
        }
        String key = inner.substring(0, comma).trim();
        String rest = inner.substring(comma + 1).trim();
        String fallback = rest;
        if (rest.length() >= 2 && rest.startsWith("'") && rest.endsWith("'")) {
            fallback = rest.substring(1, rest.length() - 1);
        }
        return new Variable(key, key.toLowerCase(Locale.ROOT), fallback);
    }

    private static void flush(List<Part> parts, StringBuilder lit) {
        if (!lit.isEmpty()) {
            parts.add(new Text(lit.toString(), false));
            lit.setLength(0);
        }
    }

    /** The keys this template reads, as written. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Part p : parts) {
            if (p instanceof Variable v) {
                keys.add(v.key());
            }
        }
        return keys;
    }

    /** The text with values substituted, or null when a variable is missing and has no default. */
    public String resolve(VariableSource vars) {
        StringBuilder out = new StringBuilder(source.length() + 16);
        for (Part p : parts) {
            switch (p) {
                case Text t -> out.append(t.text());
                case Variable v -> {
                    String value = valueOf(v, vars);
                    if (value == null) {
                        return null;
                    }
                    out.append(value);
                }
            }
        }
        return out.toString();
    }

    /** A wildcard pattern with values substituted (values are literal), or null when a variable is missing. */
    public Glob resolveGlob(VariableSource vars, boolean ignoreCase) {
        StringBuilder out = new StringBuilder(source.length() + 16);
        boolean[] wild = new boolean[source.length() + 64];
        for (Part p : parts) {
            String piece;
            boolean patternText;
            switch (p) {
                case Text t -> {
                    piece = t.text();
                    patternText = !t.literalWildcards();
                }
                case Variable v -> {
                    piece = valueOf(v, vars);
                    if (piece == null) {
                        return null;
                    }
                    patternText = false;
                }
            }
            int start = out.length();
            out.append(piece);
            if (out.length() > wild.length) {
                wild = java.util.Arrays.copyOf(wild, out.length() * 2);
            }
            for (int i = 0; i < piece.length(); i++) {
                wild[start + i] = patternText;
            }
        }
        return Glob.of(out.toString(), java.util.Arrays.copyOf(wild, out.length()), ignoreCase);
    }

    private static String valueOf(Variable v, VariableSource vars) {
        String[] values = vars.values(v.lowerKey());
        if (values == null || values.length == 0) {
            return v.fallback();
        }
        if (values.length > 1) {
            return null; // a multi-valued key cannot stand in a single string
        }
        return values[0];
    }

    @Override
    public String toString() {
        return source;
    }
}
