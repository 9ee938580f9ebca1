package io.gatehouse.policy.internal.condition;

import io.gatehouse.policy.internal.match.VariableSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** BinaryEquals: base64 policy values compared byte for byte with the (base64) request value. */
public final class BinaryOperator implements ConditionOperator {
    private final byte[][] values;

    private BinaryOperator(byte[][] values) {
        this.values = values;
    }

    /** Null when a value is not base64. */
    public static BinaryOperator of(List<String> values) {
        byte[][] v = new byte[values.size()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = decode(values.get(i));
            if (v[i] == null) {
                return null;
            }
        }
        return new BinaryOperator(v);
    }

    private static byte[] decode(String s) {
        try {
            return Base64.getDecoder().decode(s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public boolean negated() {
        return false;
    }

    @Override
    public boolean test(String requestValue, VariableSource vars) {
        byte[] r = decode(requestValue);
        if (r == null) {
            return false;
        }
        for (byte[] p : values) {
            if (Arrays.equals(p, r)) {
                return true;
            }
        }
        return false;
    }
}
