package io.gatehouse.policy.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.policy.internal.match.VariableSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One condition per family, evaluated against a small request context. */
class ConditionOperatorsTest {

    private static boolean holds(String operator, String key, List<String> values, Map<String, List<String>> context) {
        OperatorCatalog.Ok ok = (OperatorCatalog.Ok) OperatorCatalog.compile(operator, values, true);
        Condition c = new Condition(operator, ok.qualifier(), ok.ifExists(), key, key.toLowerCase(Locale.ROOT), ok.operator());
        Map<String, String[]> lower = new HashMap<>();
        context.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v.toArray(String[]::new)));
        VariableSource vars = lower::get;
        return c.evaluate(vars);
    }

    private static Map<String, List<String>> ctx(String key, String... values) {
        return Map.of(key, List.of(values));
    }

    @Test
    void strings() {
        assertThat(holds("StringEquals", "aws:username", List.of("alice"), ctx("aws:username", "alice"))).isTrue();
        assertThat(holds("StringEquals", "aws:username", List.of("alice"), ctx("aws:username", "Alice"))).isFalse();
        assertThat(holds("StringEqualsIgnoreCase", "aws:username", List.of("alice"), ctx("aws:username", "Alice"))).isTrue();
        assertThat(holds("StringLike", "s3:prefix", List.of("home/*"), ctx("s3:prefix", "home/alice/"))).isTrue();
        assertThat(holds("StringNotLike", "s3:prefix", List.of("home/*"), ctx("s3:prefix", "tmp/"))).isTrue();
        // several policy values: OR for positive operators, none may match for negated ones
        assertThat(holds("StringNotEquals", "aws:username", List.of("alice", "bob"), ctx("aws:username", "bob"))).isFalse();
        assertThat(holds("StringEquals", "aws:username", List.of("${aws:PrincipalTag/owner}"),
                Map.of("aws:username", List.of("carol"), "aws:PrincipalTag/owner", List.of("carol")))).isTrue();
    }

    @Test
    void missingKeys() {
        Map<String, List<String>> none = Map.of();
        assertThat(holds("StringEquals", "aws:username", List.of("a"), none)).isFalse();
        assertThat(holds("StringNotEquals", "aws:username", List.of("a"), none)).isTrue();
        assertThat(holds("StringEqualsIfExists", "aws:username", List.of("a"), none)).isTrue();
        assertThat(holds("ForAnyValue:StringEquals", "aws:TagKeys", List.of("a"), none)).isFalse();
        assertThat(holds("ForAnyValue:StringEqualsIfExists", "aws:TagKeys", List.of("a"), none)).isTrue();
        assertThat(holds("ForAllValues:StringEquals", "aws:TagKeys", List.of("a"), none)).isTrue();
        assertThat(holds("Null", "aws:TokenIssueTime", List.of("true"), none)).isTrue();
        assertThat(holds("Null", "aws:TokenIssueTime", List.of("false"), ctx("aws:TokenIssueTime", "x"))).isTrue();
    }

    @Test
    void setOperators() {
        Map<String, List<String>> keys = ctx("aws:TagKeys", "env", "team");
        assertThat(holds("ForAllValues:StringEquals", "aws:TagKeys", List.of("env", "team", "owner"), keys)).isTrue();
        assertThat(holds("ForAllValues:StringEquals", "aws:TagKeys", List.of("env"), keys)).isFalse();
        assertThat(holds("ForAnyValue:StringEquals", "aws:TagKeys", List.of("team"), keys)).isTrue();
        assertThat(holds("ForAnyValue:StringNotEquals", "aws:TagKeys", List.of("env", "team"), keys)).isFalse();
    }

    @Test
    void numbersDatesBooleansBinary() {
        assertThat(holds("NumericLessThan", "s3:max-keys", List.of("10"), ctx("s3:max-keys", "9.5"))).isTrue();
        assertThat(holds("NumericGreaterThanEquals", "s3:max-keys", List.of("10"), ctx("s3:max-keys", "ten"))).isFalse();
        assertThat(holds("NumericNotEquals", "s3:max-keys", List.of("10"), ctx("s3:max-keys", "10.0"))).isFalse();
        assertThat(holds("DateLessThan", "aws:CurrentTime", List.of("2030-01-01T00:00:00Z"), ctx("aws:CurrentTime", "2025-06-01T12:00:00Z"))).isTrue();
        assertThat(holds("DateGreaterThan", "aws:CurrentTime", List.of("1893456000"), ctx("aws:CurrentTime", "2025-06-01T12:00:00Z"))).isFalse();
        assertThat(holds("DateEquals", "aws:CurrentTime", List.of("2025-06-01"), ctx("aws:CurrentTime", "2025-06-01T00:00:00+00:00"))).isTrue();
        assertThat(holds("Bool", "aws:SecureTransport", List.of("true"), ctx("aws:SecureTransport", "TRUE"))).isTrue();
        assertThat(holds("BinaryEquals", "k:bin", List.of("QmluYXJ5"), ctx("k:bin", "QmluYXJ5"))).isTrue();
    }

    @Test
    void ipAddresses() {
        assertThat(holds("IpAddress", "aws:SourceIp", List.of("203.0.113.0/24"), ctx("aws:SourceIp", "203.0.113.9"))).isTrue();
        assertThat(holds("IpAddress", "aws:SourceIp", List.of("203.0.113.0/24"), ctx("aws:SourceIp", "203.0.114.9"))).isFalse();
        assertThat(holds("IpAddress", "aws:SourceIp", List.of("2001:db8::/32"), ctx("aws:SourceIp", "2001:db8:1::5"))).isTrue();
        assertThat(holds("IpAddress", "aws:SourceIp", List.of("203.0.113.0/24"), ctx("aws:SourceIp", "::ffff:203.0.113.9"))).isTrue();
        assertThat(holds("NotIpAddress", "aws:SourceIp", List.of("10.0.0.0/8"), ctx("aws:SourceIp", "not-an-ip"))).isTrue();
        assertThat(holds("IpAddress", "aws:SourceIp", List.of("10.0.0.0/8"), ctx("aws:SourceIp", "example.com"))).isFalse();
    }

    @Test
    void arns() {
        String role = "arn:aws:iam::111122223333:role/OrgAdmin-1";
        assertThat(holds("ArnLike", "aws:PrincipalArn", List.of("arn:aws:iam::*:role/OrgAdmin*"), ctx("aws:PrincipalArn", role))).isTrue();
        assertThat(holds("ArnEquals", "aws:PrincipalArn", List.of("arn:aws:iam::*:role/OrgAdmin*"), ctx("aws:PrincipalArn", role))).isTrue();
        assertThat(holds("ArnNotLike", "aws:PrincipalArn", List.of("arn:aws:iam::*:role/OrgAdmin*"), ctx("aws:PrincipalArn", role))).isFalse();
        assertThat(holds("ArnLike", "aws:SourceArn", List.of("arn:aws:sns:*:*:topic"), ctx("aws:SourceArn", "topic"))).isFalse();
    }

    @Test
    void badOperatorsAndValuesAreProblems() {
        assertThat(OperatorCatalog.compile("StringEqualz", List.of("a"), true)).isInstanceOf(OperatorCatalog.Problem.class);
        assertThat(OperatorCatalog.compile("ForSomeValues:StringEquals", List.of("a"), true)).isInstanceOf(OperatorCatalog.Problem.class);
        assertThat(OperatorCatalog.compile("NullIfExists", List.of("true"), true)).isInstanceOf(OperatorCatalog.Problem.class);
        assertThat(OperatorCatalog.compile("IpAddress", List.of("300.1.1.1"), true)).isInstanceOf(OperatorCatalog.Problem.class);
        assertThat(OperatorCatalog.compile("DateLessThan", List.of("tomorrow"), true)).isInstanceOf(OperatorCatalog.Problem.class);
    }
}
