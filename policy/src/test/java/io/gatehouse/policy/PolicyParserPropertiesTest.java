package io.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzzing the parser: no input - malformed JSON, deep nesting, huge arrays, invalid UTF-8, wrong
 * types - escapes as an exception; each problem becomes a finding, and a policy is returned exactly
 * when there is no error.
 */
class PolicyParserPropertiesTest {

    private static final String VALID = """
            {"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":["s3:Get*","sqs:SendMessage"],
            "Resource":"arn:aws:s3:::b/${aws:username}/*","Condition":{"StringLike":{"aws:PrincipalTag/team":"d*"},
            "IpAddress":{"aws:SourceIp":["10.0.0.0/8","2001:db8::/32"]},"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"}}},
            {"Effect":"Deny","NotAction":"iam:*","NotResource":["arn:aws:iam::*:role/Admin"]}]}""";

    private static void consistent(ParseResult r) {
        assertThat(r.policy().isPresent()).isEqualTo(!r.hasErrors());
        for (Finding f : r.findings()) {
            assertThat(f.message()).isNotBlank();
            assertThat(f.line()).isGreaterThanOrEqualTo(0);
            assertThat(f.column()).isGreaterThanOrEqualTo(0);
            assertThat(f.path()).startsWith("$");
        }
    }

    @Property(tries = 500)
    void anyStringIsParsedWithoutThrowing(@ForAll String text, @ForAll PolicyType type) {
        consistent(PolicyParser.parse(text, type));
    }

    @Property(tries = 500)
    void anyBytesAreParsedWithoutThrowing(@ForAll @Size(max = 300) byte[] bytes, @ForAll PolicyType type) {
        consistent(PolicyParser.parse(bytes, type));
    }

    @Property(tries = 1000)
    void mutatedPoliciesNeverThrow(@ForAll("mutations") String text, @ForAll PolicyType type) {
        consistent(PolicyParser.parse(text, type));
    }

    @Property(tries = 300)
    void invalidUtf8InsideAValidPolicyIsAnError(@ForAll @IntRange(min = 1, max = 300) int at,
                                                @ForAll("badUtf8") byte[] bad) {
        byte[] good = VALID.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int pos = Math.min(at, good.length - 1);
        byte[] mixed = new byte[good.length + bad.length];
        System.arraycopy(good, 0, mixed, 0, pos);
        System.arraycopy(bad, 0, mixed, pos, bad.length);
        System.arraycopy(good, pos, mixed, pos + bad.length, good.length - pos);
        ParseResult r = PolicyParser.parse(mixed, PolicyType.IDENTITY);
        consistent(r);
        assertThat(r.hasErrors()).isTrue();
    }

    @Property(tries = 50)
    void deepNestingAnywhereIsAFinding(@ForAll @IntRange(min = 33, max = 20_000) int depth,
                                       @ForAll("openers") String opener) {
        String close = opener.equals("[") ? "]" : "}";
        String inner = opener.equals("[") ? "" : "";
        String nested = opener.equals("[") ? "[".repeat(depth) + inner + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + close.repeat(depth);
        ParseResult r = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                + nested + ",\"Resource\":\"*\"}]}", PolicyType.IDENTITY);
        consistent(r);
        assertThat(r.hasErrors()).isTrue();
    }

    @Property(tries = 5)
    void hugeArraysAreHandled(@ForAll @IntRange(min = 10_000, max = 200_000) int n) {
        StringBuilder sb = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(i % 7 == 0 ? "42" : "\"s3:GetObject\"");
        }
        sb.append("],\"Resource\":\"*\"}]}");
        ParseResult r = PolicyParser.parse(sb.toString(), PolicyType.IDENTITY);
        consistent(r);
        assertThat(r.hasErrors()).isTrue();
        ParseResult unlimited = new PolicyParser(PolicyLimits.unlimitedSize()).check(sb.toString(), PolicyType.IDENTITY);
        consistent(unlimited);
        assertThat(unlimited.errors()).allMatch(f -> f.message().startsWith("An action must be a string"));
    }

    @Property(tries = 1000)
    void anyValueInAnyElementIsAFindingOrValid(@ForAll("element") String element, @ForAll("json") String value,
                                               @ForAll PolicyType type) {
        String statement = "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"" + element + "\":" + value + "}";
        consistent(PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}", type));
        consistent(PolicyParser.parse("{\"Version\":\"2012-10-17\",\"" + element + "\":" + value + ",\"Statement\":" + statement + "}", type));
    }

    @Provide
    Arbitrary<String> openers() {
        return Arbitraries.of("[", "{");
    }

    @Provide
    Arbitrary<byte[]> badUtf8() {
        return Arbitraries.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, (byte) 0x28},
                new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
    }

    @Provide
    Arbitrary<String> element() {
        return Arbitraries.of("Version", "Id", "Statement", "Sid", "Effect", "Action", "NotAction", "Resource",
                "NotResource", "Principal", "NotPrincipal", "Condition");
    }

    @Provide
    Arbitrary<String> json() {
        Arbitrary<String> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"")
                        .replaceAll("[\\x00-\\x1f]", " ") + "\""),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("true", "false", "null", "1e999", "-0.5", "\"*\"", "\"arn:aws:s3:::b/*\"",
                        "\"s3:Get*\"", "{\"AWS\":\"*\"}", "{\"StringEquals\":{\"aws:username\":\"x\"}}",
                        "{\"Bool\":{\"aws:SecureTransport\":[true,false]}}", "{\"ForAnyValue:IpAddress\":{\"aws:SourceIp\":\"::1\"}}"));
        return Arbitraries.recursive(() -> scalars, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"),
                Combinators.combine(element(), inner).as((k, v) -> "{\"" + k + "\":" + v + "}")), 3);
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID.length() - 1);
        Arbitrary<Character> chars = Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '*', '$', '\\', 'x', ' ', '\u0000', '\uD800');
        return Combinators.combine(position, position, chars, Arbitraries.integers().between(0, 2))
                .as((a, b, c, op) -> switch (op) {
                    case 0 -> VALID.substring(0, a) + c + VALID.substring(a);
                    case 1 -> VALID.substring(0, Math.min(a, b)) + VALID.substring(Math.max(a, b));
                    default -> VALID.substring(0, a) + c + VALID.substring(Math.min(VALID.length(), a + 1));
                });
    }
}
