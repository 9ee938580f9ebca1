package io.gatehouse.policy.internal.match;

/**
 * A precompiled IAM wildcard pattern: {@code *} matches any run of characters (including none and
 * including {@code /} and {@code :}), {@code ?} exactly one. Characters that came from a policy
 * variable's value are literal even when they are {@code *} or {@code ?}. Matching allocates nothing.
 */
public final class Glob {
    private enum Shape { ANY, EXACT, PREFIX, GENERAL }

    private final String text;
    private final char[] chars;
    /** Null when every {@code *}/{@code ?} in {@link #chars} is a wildcard; else true where a char is a wildcard. */
    private final boolean[] wild;
    private final boolean ignoreCase;
    private final Shape shape;

    private Glob(String text, boolean[] wild, boolean ignoreCase) {
        this.text = text;
        this.chars = text.toCharArray();
        this.wild = wild;
        this.ignoreCase = ignoreCase;
        this.shape = shapeOf();
    }

    /** Every {@code *} and {@code ?} in {@code pattern} is a wildcard. */
    public static Glob of(String pattern, boolean ignoreCase) {
        return new Glob(pattern, null, ignoreCase);
    }

    /** A pattern whose wildcard positions are given (for patterns built from policy variables). */
    static Glob of(String pattern, boolean[] wild, boolean ignoreCase) {
        return new Glob(pattern, wild, ignoreCase);
    }

    public String text() {
        return text;
    }

    public boolean isAny() {
        return shape == Shape.ANY;
    }

    public boolean hasWildcard() {
        return shape != Shape.EXACT;
    }

    private boolean isStar(int i) {
        return chars[i] == '*' && (wild == null || wild[i]);
    }

    private boolean isQuestion(int i) {
        return chars[i] == '?' && (wild == null || wild[i]);
    }

    private Shape shapeOf() {
        int stars = 0;
        int questions = 0;
        for (int i = 0; i < chars.length; i++) {
            if (isStar(i)) {
                stars++;
            } else if (isQuestion(i)) {
                questions++;
            }
        }
        if (stars == 0 && questions == 0) {
            return Shape.EXACT;
        }
        if (chars.length == 1 && stars == 1) {
            return Shape.ANY;
        }
        if (questions == 0 && stars == 1 && isStar(chars.length - 1)) {
            return Shape.PREFIX;
        }
        return Shape.GENERAL;
    }

    public boolean matches(String s) {
        return switch (shape) {
            case ANY -> true;
            case EXACT -> ignoreCase ? text.equalsIgnoreCase(s) : text.equals(s);
            case PREFIX -> s.regionMatches(ignoreCase, 0, text, 0, chars.length - 1);
            case GENERAL -> general(s);
        };
    }

    private boolean general(String s) {
        int pi = 0;
        int si = 0;
        int star = -1;
        int mark = 0;
        int n = s.length();
        int m = chars.length;
        while (si < n) {
            if (pi < m && isStar(pi)) {
                star = pi++;
                mark = si;
            } else if (pi < m && (isQuestion(pi) || same(chars[pi], s.charAt(si)))) {
                pi++;
                si++;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < m && isStar(pi)) {
            pi++;
        }
        return pi == m;
    }

    private boolean same(char a, char b) {
        if (a == b) {
            return true;
        }
        return ignoreCase && (Character.toLowerCase(a) == Character.toLowerCase(b)
                || Character.toUpperCase(a) == Character.toUpperCase(b));
    }

    @Override
    public String toString() {
        return text;
    }
}
