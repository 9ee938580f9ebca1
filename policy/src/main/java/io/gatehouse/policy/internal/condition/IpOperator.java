package io.gatehouse.policy.internal.condition;

import io.gatehouse.policy.internal.match.VariableSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** IpAddress and NotIpAddress with IPv4 and IPv6 addresses or CIDR blocks. */
public final class IpOperator implements ConditionOperator {
    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] addr) {
            if (addr.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (addr[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (addr[full] & mask) == (network[full] & mask);
        }
    }

    private final boolean negated;
    private final Block[] blocks;

    private IpOperator(boolean negated, Block[] blocks) {
        this.negated = negated;
        this.blocks = blocks;
    }

    /** Null when a value is not an IP address or CIDR block. */
    public static IpOperator of(boolean negated, List<String> values) {
        Block[] b = new Block[values.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = block(values.get(i).trim());
            if (b[i] == null) {
                return null;
            }
        }
        return new IpOperator(negated, b);
    }

    private static Block block(String s) {
        int slash = s.indexOf('/');
        byte[] addr = parseAddress(slash < 0 ? s : s.substring(0, slash));
        if (addr == null) {
            return null;
        }
        int prefix = addr.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > addr.length * 8) {
                return null;
            }
        }
        return new Block(addr, prefix);
    }

    /** Parses a literal IPv4 or IPv6 address without any name lookup; null when it is not one. */
    static byte[] parseAddress(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return null;
        }
        if (s.indexOf(':') < 0) {
            return parseV4(s);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!ok) {
                return null;
            }
        }
        try {
            // only hex digits, colons and dots: InetAddress parses it as a literal, no DNS
            // an IPv4-mapped IPv6 address (::ffff:192.0.2.1) comes back as its IPv4 address
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] parseV4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (value < 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = -1;
            } else if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    @Override
    public boolean negated() {
        return negated;
    }

    @Override
    public boolean test(String requestValue, VariableSource vars) {
        byte[] addr = parseAddress(requestValue.trim());
        if (addr == null) {
            return false;
        }
        for (Block b : blocks) {
            if (b.contains(addr)) {
                return true;
            }
        }
        return false;
    }
}
