package io.gatehouse.policy.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchingTest {
    private static VariableSource vars(Map<String, String[]> m) {
        return m::get;
    }

    private static final VariableSource NONE = k -> null;

    @Test
    void globWildcards() {
        assertThat(Glob.of("*", false).matches("anything/at:all")).isTrue();
        assertThat(Glob.of("s3:get*", false).matches("s3:getobject")).isTrue();
        assertThat(Glob.of("s3:?etobject", false).matches("s3:getobject")).isTrue();
        assertThat(Glob.of("s3:?etobject", false).matches("s3:etobject")).isFalse();
        assertThat(Glob.of("a*b*c", false).matches("a-b-b-c")).isTrue();
        assertThat(Glob.of("a*b*c", false).matches("a-c-b")).isFalse();
        assertThat(Glob.of("Orders*", false).matches("orders1")).isFalse();
        assertThat(Glob.of("Orders*", true).matches("orders1")).isTrue();
        assertThat(Glob.of("", false).matches("")).isTrue();
        assertThat(Glob.of("**", false).matches("")).isTrue();
    }

    @Test
    void arnsMatchSegmentBySegment() {
        ArnPattern p = ArnPattern.compile("arn:aws:dynamodb:*:111122223333:table/Orders*", true);
        assertThat(p.matches("x", ArnPattern.splitForMatching("arn:aws:dynamodb:eu-west-1:111122223333:table/OrdersV2"), NONE)).isTrue();
        assertThat(p.matches("x", ArnPattern.splitForMatching("arn:aws:dynamodb:eu-west-1:444455556666:table/OrdersV2"), NONE)).isFalse();
        // the resource part is case-sensitive, the other segments are not
        assertThat(p.matches("x", ArnPattern.splitForMatching("arn:aws:dynamodb:eu-west-1:111122223333:table/orders"), NONE)).isFalse();
        assertThat(p.matches("x", ArnPattern.splitForMatching("arn:AWS:DynamoDB:eu-west-1:111122223333:table/Orders"), NONE)).isTrue();
        // a * in the region segment does not run past its colon
        ArnPattern region = ArnPattern.compile("arn:aws:sqs:us-*:111122223333:q", true);
        assertThat(region.matches("x", ArnPattern.splitForMatching("arn:aws:sqs:us-east-1:111122223333:q"), NONE)).isTrue();
        assertThat(region.matches("x", ArnPattern.splitForMatching("arn:aws:sqs:eu-west-1:111122223333:q"), NONE)).isFalse();
        // the resource part keeps its colons
        ArnPattern lambda = ArnPattern.compile("arn:aws:lambda:*:*:function:fn-*", true);
        assertThat(lambda.matches("x", ArnPattern.splitForMatching("arn:aws:lambda:us-east-1:111122223333:function:fn-1:$LATEST"), NONE)).isTrue();
    }

    @Test
    void nonArnResourcesMatchAsWholeStrings() {
        assertThat(ArnPattern.compile("*", true).matches("*", null, NONE)).isTrue();
        assertThat(ArnPattern.compile("arn:aws:s3:::b/*", true).matches("*", null, NONE)).isFalse();
        String queue = "arn:aws:sqs:us-east-1:111122223333:jobs";
        assertThat(ArnPattern.compile("arn:aws:sqs:*", true).matches(queue, ArnPattern.splitForMatching(queue), NONE)).isTrue();
    }

    @Test
    void policyVariablesAreSubstitutedAsLiteralText() {
        ArnPattern p = ArnPattern.compile("arn:aws:s3:::home/${aws:username}/*", true);
        String own = "arn:aws:s3:::home/alice/notes";
        assertThat(p.matches(own, ArnPattern.splitForMatching(own), vars(Map.of("aws:username", new String[] {"alice"})))).isTrue();
        assertThat(p.matches(own, ArnPattern.splitForMatching(own), vars(Map.of("aws:username", new String[] {"bob"})))).isFalse();
        // a value's * is not a wildcard
        assertThat(p.matches(own, ArnPattern.splitForMatching(own), vars(Map.of("aws:username", new String[] {"*"})))).isFalse();
        // a variable with no value is null: the pattern matches nothing
        assertThat(p.matches(own, ArnPattern.splitForMatching(own), NONE)).isFalse();
        // without Version 2012-10-17 the text is literal
        ArnPattern literal = ArnPattern.compile("arn:aws:s3:::home/${aws:username}/*", false);
        String raw = "arn:aws:s3:::home/${aws:username}/x";
        assertThat(literal.matches(raw, ArnPattern.splitForMatching(raw), NONE)).isTrue();
    }

    @Test
    void templatesHandleDefaultsAndEscapes() {
        assertThat(Template.parse("${aws:PrincipalTag/team, 'none'}").resolve(NONE)).isEqualTo("none");
        assertThat(Template.parse("team-${aws:PrincipalTag/Team}").resolve(vars(Map.of("aws:principaltag/team", new String[] {"data"}))))
                .isEqualTo("team-data");
        assertThat(Template.parse("a${*}b${?}c${$}").resolve(NONE)).isEqualTo("a*b?c$");
        Glob g = Template.parse("a${*}b").resolveGlob(NONE, false);
        assertThat(g.matches("a*b")).isTrue();
        assertThat(g.matches("axxb")).isFalse();
        assertThat(Template.parse("${aws:TagKeys}").resolve(vars(Map.of("aws:tagkeys", new String[] {"a", "b"})))).isNull();
        assertThat(Template.parse("no variables")).isNull();
    }
}
