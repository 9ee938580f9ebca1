package io.gatehouse.policy;

import java.util.EnumMap;
import java.util.Map;

/**
 * Size limits per policy kind, in characters not counting white space (as AWS counts them), plus
 * the structural limits that protect the parser. Defaults are AWS's quotas.
 */
public record PolicyLimits(Map<PolicyType, Integer> maxChars, int maxDepth, int maxStatements) {

    public PolicyLimits {
        maxChars = Map.copyOf(maxChars);
        if (maxDepth < 4) {
            throw new IllegalArgumentException("maxDepth must be at least 4");
        }
    }

    /** AWS's defaults: managed policy 6,144; role trust 2,048; session 2,048; SCP/RCP 5,120; bucket policy 20 KB. */
    public static PolicyLimits aws() {
        Map<PolicyType, Integer> m = new EnumMap<>(PolicyType.class);
        m.put(PolicyType.IDENTITY, 6144);
        m.put(PolicyType.PERMISSIONS_BOUNDARY, 6144);
        m.put(PolicyType.RESOURCE, 20480);
        m.put(PolicyType.TRUST, 2048);
        m.put(PolicyType.SESSION, 2048);
        m.put(PolicyType.SERVICE_CONTROL, 5120);
        m.put(PolicyType.RESOURCE_CONTROL, 5120);
        return new PolicyLimits(m, 32, 1000);
    }

    /** Limits with no size quota (for tools that read policies from elsewhere), keeping the structural ones. */
    public static PolicyLimits unlimitedSize() {
        Map<PolicyType, Integer> m = new EnumMap<>(PolicyType.class);
        for (PolicyType t : PolicyType.values()) {
            m.put(t, Integer.MAX_VALUE);
        }
        return new PolicyLimits(m, 32, 100_000);
    }

    public PolicyLimits withMaxChars(PolicyType type, int chars) {
        Map<PolicyType, Integer> m = new EnumMap<>(maxChars);
        m.put(type, chars);
        return new PolicyLimits(m, maxDepth, maxStatements);
    }

    public int maxCharsFor(PolicyType type) {
        return maxChars.getOrDefault(type, Integer.MAX_VALUE);
    }
}
