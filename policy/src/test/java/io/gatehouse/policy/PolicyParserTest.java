package io.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

    private static ParseResult parse(String json, PolicyType type) {
        return PolicyParser.parse(json, type);
    }

    private static List<String> errors(ParseResult r) {
        return r.errors().stream().map(Finding::message).toList();
    }

    @Test
    void aValidIdentityPolicyCompilesWithoutFindings() {
        ParseResult r = parse("""
                {"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow",
                 "Action":["s3:GetObject","s3:List*"],"Resource":"arn:aws:s3:::b/*"}]}""", PolicyType.IDENTITY);
        assertThat(r.findings()).isEmpty();
        assertThat(r.hasErrors()).isFalse();
        Policy p = r.policy().orElseThrow();
        assertThat(p.statementCount()).isEqualTo(1);
        assertThat(p.version()).contains("2012-10-17");
        assertThat(p.type()).isEqualTo(PolicyType.IDENTITY);
    }

    @Test
    void statementMayBeASingleObject() {
        ParseResult r = parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}""", PolicyType.SERVICE_CONTROL);
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.policy().orElseThrow().statementCount()).isEqualTo(1);
    }

    @Test
    void aMissingVersionIsAWarningBecauseVariablesBecomeLiteral() {
        ParseResult r = parse("""
                {"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""", PolicyType.IDENTITY);
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.policy()).isPresent();
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(f.message()).contains("2008-10-17");
        });
    }

    @Test
    void malformedJsonIsAFindingWithItsLocation() {
        ParseResult r = parse("{\"Version\": \"2012-10-17\",\n  \"Statement\": [ {\"Effect\": \"Allow\", } ]}", PolicyType.IDENTITY);
        assertThat(r.policy()).isEmpty();
        assertThat(r.errors()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Syntax errors in policy.");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.column()).isGreaterThan(1);
        });
    }

    @Test
    void anIdentityPolicyMustNotNameAPrincipal() {
        ParseResult r = parse("""
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}""", PolicyType.IDENTITY);
        assertThat(r.errors()).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("Policy document should not specify a principal.");
            assertThat(f.path()).isEqualTo("$.Statement[0].Principal");
            assertThat(f.line()).isEqualTo(2);
        });
    }

    @Test
    void aTrustPolicyNeedsAPrincipalAndNoResource() {
        ParseResult r = parse("""
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"},
                  {"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}]}""", PolicyType.TRUST);
        assertThat(errors(r)).containsExactlyInAnyOrder("Missing required field Principal", "Has prohibited field Resource");
    }

    @Test
    void aResourcePolicyNeedsAPrincipal() {
        ParseResult r = parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}]}""", PolicyType.RESOURCE);
        assertThat(errors(r)).containsExactly("Missing required field Principal");
    }

    @Test
    void resourceControlPoliciesDenyWithPrincipalStarAndNamedActions() {
        ParseResult r = parse("""
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"},
                  {"Effect":"Deny","Principal":{"AWS":"111122223333"},"Action":"s3:*","Resource":"*"},
                  {"Effect":"Deny","Principal":"*","NotAction":"s3:*","Resource":"*"},
                  {"Effect":"Deny","Principal":"*","Action":"*","Resource":"*"}]}""", PolicyType.RESOURCE_CONTROL);
        assertThat(r.errors()).extracting(Finding::path).containsExactly(
                "$.Statement[0].Effect", "$.Statement[1].Principal", "$.Statement[2].NotAction", "$.Statement[3].Action");
        ParseResult full = parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""",
                PolicyType.RESOURCE_CONTROL);
        assertThat(full.hasErrors()).isFalse();
    }

    @Test
    void everyProblemIsCollectedNotOnlyTheFirst() {
        ParseResult r = parse("""
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Permit","Action":"GetObject","Resource":"bucket"},
                  {"Effect":"Allow","Action":"s3:*","NotAction":"iam:*","Resource":"*",
                   "Condition":{"StringEqualz":{"aws:username":"x"},"NumericLessThan":{"s3:max-keys":"ten"}}},
                  {"Effect":"Allow"}]}""", PolicyType.IDENTITY);
        assertThat(errors(r)).containsExactlyInAnyOrder(
                "Invalid effect: \"Permit\". Effect must be \"Allow\" or \"Deny\"",
                "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. Found `GetObject`",
                "Resource bucket must be in ARN format or \"*\".",
                "A statement cannot contain both Action and NotAction",
                "Invalid Condition type : StringEqualz",
                "Invalid value for condition operator `NumericLessThan`: [ten]",
                "Policy statement must contain actions.",
                "Policy statement must contain resources.");
        assertThat(r.policy()).isEmpty();
    }

    @Test
    void sidsMustBeUniqueAndAlphanumericInIdentityPolicies() {
        ParseResult r = parse("""
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*"},
                  {"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*"},
                  {"Sid":"has space","Effect":"Allow","Action":"s3:*","Resource":"*"}]}""", PolicyType.IDENTITY);
        assertThat(errors(r)).anyMatch(m -> m.startsWith("Statement IDs (SID) in a single policy must be unique."))
                .anyMatch(m -> m.startsWith("Statement IDs (SID) must be alpha-numeric."));
    }

    @Test
    void wrongTypesAreFindings() {
        ParseResult r = parse("""
                {"Version":2012,"Statement":[{"Effect":true,"Action":{"a":1},"Resource":[1,null],
                  "Condition":{"StringEquals":{"aws:username":{"x":"y"}}}}, 7]}""", PolicyType.IDENTITY);
        assertThat(r.errors()).extracting(Finding::path).contains("$.Version", "$.Statement[0].Effect",
                "$.Statement[0].Action", "$.Statement[0].Resource[0]", "$.Statement[0].Resource[1]",
                "$.Statement[0].Condition.StringEquals.aws:username", "$.Statement[1]");
    }

    @Test
    void unknownAndDuplicateElementsAreErrors() {
        ParseResult r = parse("""
                {"Version":"2012-10-17","Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":"s3:*","Resource":"*","Effekt":"Deny"}]}""", PolicyType.IDENTITY);
        assertThat(errors(r)).anyMatch(m -> m.contains("Duplicate field `Version`"))
                .anyMatch(m -> m.contains("Unknown field `Effekt`"));
    }

    @Test
    void principalsAreChecked() {
        ParseResult r = parse("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Principal":{"AWS":["111122223333","arn:aws:iam::111122223333:root","alice"],"Robot":"x"}}]}""",
                PolicyType.RESOURCE);
        assertThat(errors(r)).containsExactlyInAnyOrder("Invalid principal in policy: \"AWS\":\"alice\"",
                "Invalid principal in policy: unknown principal type `Robot`; use AWS, Service, Federated or CanonicalUser");
    }

    @Test
    void sizeQuotasDefaultToAwsAndCanBeChanged() {
        StringBuilder actions = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            actions.append(i == 0 ? "" : ",").append("\"s3:GetObjectVersion").append(i).append('"');
        }
        String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[" + actions
                + "],\"Resource\":\"*\"}]}";
        assertThat(errors(parse(big, PolicyType.IDENTITY))).containsExactly("Cannot exceed quota for PolicySize: 6144");
        PolicyParser roomy = new PolicyParser(PolicyLimits.aws().withMaxChars(PolicyType.IDENTITY, 100_000));
        assertThat(roomy.check(big, PolicyType.IDENTITY).hasErrors()).isFalse();
    }

    @Test
    void invalidUtf8IsAFinding() {
        byte[] bytes = "{\"Version\":\"2012-10-17\",\"Id\":\"xx\"}".getBytes(StandardCharsets.UTF_8);
        bytes[25] = (byte) 0xC3;
        bytes[26] = (byte) 0x28;
        ParseResult r = PolicyParser.parse(bytes, PolicyType.IDENTITY);
        assertThat(errors(r)).singleElement().asString().contains("not valid UTF-8");
    }

    @Test
    void deepNestingIsAFindingNotACrash() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        ParseResult r = parse("{\"Version\":\"2012-10-17\",\"Statement\":" + deep + "}", PolicyType.IDENTITY);
        assertThat(errors(r)).anyMatch(m -> m.equals("policy document is nested too deeply"));
        assertThat(r.policy()).isEmpty();
    }

    @Test
    void theLenientParserReportsKindRulesAsWarnings() {
        String json = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}""";
        ParseResult r = PolicyParser.lenient(PolicyLimits.aws()).check(json, PolicyType.IDENTITY);
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.findings()).singleElement().extracting(Finding::severity).isEqualTo(Finding.Severity.WARNING);
    }
}
