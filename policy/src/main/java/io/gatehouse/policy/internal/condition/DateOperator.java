package io.gatehouse.policy.internal.condition;

import io.gatehouse.policy.internal.match.VariableSource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * DateEquals, DateNotEquals, DateLessThan(Equals), DateGreaterThan(Equals). Dates are ISO 8601
 * (date, date-time with or without offset) or epoch seconds; both sides compare as instants.
 */
public final class DateOperator implements ConditionOperator {
    private final Comparison comparison;
    private final boolean negated;
    private final long[] millis;

    private DateOperator(Comparison comparison, boolean negated, long[] millis) {
        this.comparison = comparison;
        this.negated = negated;
        this.millis = millis;
    }

    /** Null when a value is not a date. */
    public static DateOperator of(Comparison comparison, boolean negated, List<String> values) {
        long[] v = new long[values.size()];
        for (int i = 0; i < v.length; i++) {
            Long m = toEpochMillis(values.get(i));
            if (m == null) {
                return null;
            }
            v[i] = m;
        }
        return new DateOperator(comparison, negated, v);
    }

    /** Epoch milliseconds of an ISO 8601 date/date-time or of epoch seconds; null when neither. */
    public static Long toEpochMillis(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return null;
        }
        if (isNumber(s)) {
            try {
                return Math.round(Double.parseDouble(s) * 1000.0);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the other ISO shapes below
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the other ISO shapes below
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the other ISO shapes below
        }
        try {
            return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static boolean isNumber(String s) {
        int dots = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                dots++;
            } else if ((c < '0' || c > '9') && !(i == 0 && c == '-')) {
                return false;
            }
        }
        return dots <= 1;
    }

    @Override
    public boolean negated() {
        return negated;
    }

    @Override
    public boolean test(String requestValue, VariableSource vars) {
        Long r = toEpochMillis(requestValue);
        if (r == null) {
            return false;
        }
        for (long p : millis) {
            if (comparison.holds(Long.compare(r, p))) {
                return true;
            }
        }
        return false;
    }
}
