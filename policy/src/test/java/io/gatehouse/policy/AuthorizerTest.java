package io.gatehouse.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Decisions and their explanations through the public API. */
class AuthorizerTest {
    private static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    private static final String QUEUE = "arn:aws:sqs:us-east-1:111122223333:jobs";
    private final Authorizer authorizer = Authorizer.aws();

    private static Policy policy(PolicyType type, String statements) {
        return PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}", type).orThrow();
    }

    private static AuthorizationRequest send(String principal) {
        return AuthorizationRequest.builder().principal(principal).action("sqs:SendMessage").resource(QUEUE)
                .context("aws:SecureTransport", "true").build();
    }

    private static final String ALLOW_SQS = "{\"Sid\":\"AllowSqs\",\"Effect\":\"Allow\",\"Action\":\"sqs:*\",\"Resource\":\"*\"}";

    @Test
    void anAllowNamesItsStatement() {
        PolicySet set = PolicySet.builder().identityPolicy(policy(PolicyType.IDENTITY, ALLOW_SQS).named("SqsFull")).build();
        AuthorizationResult r = authorizer.authorize(send(ALICE), set);
        assertThat(r.decision()).isEqualTo(Decision.Allowed);
        assertThat(r.decidingStatements()).singleElement().satisfies(s -> {
            assertThat(s.policyType()).isEqualTo(PolicyType.IDENTITY);
            assertThat(s.policyName()).contains("SqsFull");
            assertThat(s.sid()).contains("AllowSqs");
        });
        assertThat(r.explanation()).isEqualTo("Allowed by statement AllowSqs of SqsFull");
    }

    @Test
    void anImplicitDenySaysWhichPolicyTypeHadNoAllow() {
        AuthorizationResult none = authorizer.authorize(send(ALICE), PolicySet.builder().build());
        assertThat(none.decision()).isEqualTo(Decision.ImplicitlyDenied);
        assertThat(none.missingAllow()).contains(PolicyType.IDENTITY);
        assertThat(none.explanation()).isEqualTo("User: " + ALICE + " is not authorized to perform: sqs:SendMessage on resource: "
                + QUEUE + " because no identity-based policy allows the sqs:SendMessage action");

        PolicySet bounded = PolicySet.builder().identityPolicy(policy(PolicyType.IDENTITY, ALLOW_SQS))
                .permissionsBoundary(policy(PolicyType.PERMISSIONS_BOUNDARY, "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"))
                .build();
        AuthorizationResult r = authorizer.authorize(send(ALICE), bounded);
        assertThat(r.missingAllow()).contains(PolicyType.PERMISSIONS_BOUNDARY);
        assertThat(r.explanation()).endsWith("because no permissions boundary allows the sqs:SendMessage action");
    }

    @Test
    void anExplicitDenyInAnScpWinsAndIsNamed() {
        Policy full = policy(PolicyType.SERVICE_CONTROL, "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");
        Policy deny = policy(PolicyType.SERVICE_CONTROL, "{\"Sid\":\"NoSqs\",\"Effect\":\"Deny\",\"Action\":\"sqs:*\",\"Resource\":\"*\"}")
                .named("DenySqs");
        PolicySet set = PolicySet.builder().identityPolicy(policy(PolicyType.IDENTITY, ALLOW_SQS))
                .scpLevel(List.of(full)).scpLevel(List.of(full, deny)).build();
        AuthorizationResult r = authorizer.authorize(send(ALICE), set);
        assertThat(r.decision()).isEqualTo(Decision.ExplicitlyDenied);
        assertThat(r.decidingStatements()).singleElement().satisfies(s -> {
            assertThat(s.policyType()).isEqualTo(PolicyType.SERVICE_CONTROL);
            assertThat(s.level()).isEqualTo(1);
            assertThat(s.policyIndex()).isEqualTo(1);
        });
        assertThat(r.explanation()).contains("with an explicit deny in a service control policy (statement NoSqs of DenySqs)");

        // the management account is not restricted by SCPs
        AuthorizationRequest mgmt = AuthorizationRequest.builder().principal(ALICE).action("sqs:SendMessage").resource(QUEUE)
                .principalInManagementAccount(true).build();
        assertThat(authorizer.decide(mgmt, set)).isEqualTo(Decision.Allowed);
    }

    @Test
    void everyScpLevelMustAllow() {
        Policy full = policy(PolicyType.SERVICE_CONTROL, "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}");
        Policy s3Only = policy(PolicyType.SERVICE_CONTROL, "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}");
        PolicySet set = PolicySet.builder().identityPolicy(policy(PolicyType.IDENTITY, ALLOW_SQS))
                .scpLevel(List.of(full)).scpLevel(List.of(s3Only)).scpLevel(List.of(full)).build();
        AuthorizationResult r = authorizer.authorize(send(ALICE), set);
        assertThat(r.decision()).isEqualTo(Decision.ImplicitlyDenied);
        assertThat(r.missingAllow()).contains(PolicyType.SERVICE_CONTROL);
        assertThat(r.missingAllowLevel()).isEqualTo(1);
    }

    @Test
    void serviceLinkedRolesAreNotRestrictedByScps() {
        Policy denyAll = policy(PolicyType.SERVICE_CONTROL, "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}");
        PolicySet set = PolicySet.builder().identityPolicy(policy(PolicyType.IDENTITY, ALLOW_SQS)).scpLevel(List.of(denyAll)).build();
        AuthorizationRequest slr = AuthorizationRequest.builder()
                .principal("arn:aws:sts::111122223333:assumed-role/AWSServiceRoleForSupport/s")
                .roleArn("arn:aws:iam::111122223333:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport")
                .action("sqs:SendMessage").resource(QUEUE).build();
        assertThat(authorizer.decide(slr, set)).isEqualTo(Decision.Allowed);
        assertThat(authorizer.decide(send(ALICE), set)).isEqualTo(Decision.ExplicitlyDenied);
    }

    @Test
    void rcpsApplyToSupportedServicesOutsideTheManagementAccount() {
        Policy rcp = policy(PolicyType.RESOURCE_CONTROL,
                "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"sqs:*\",\"ec2:*\"],\"Resource\":\"*\"}");
        PolicySet set = PolicySet.builder().identityPolicy(policy(PolicyType.IDENTITY, "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"))
                .rcpLevel(List.of(rcp)).build();
        assertThat(authorizer.authorize(send(ALICE), set).explanation()).contains("explicit deny in a resource control policy");
        AuthorizationRequest ec2 = AuthorizationRequest.builder().principal(ALICE).action("ec2:DescribeInstances")
                .resource("*").build();
        assertThat(authorizer.decide(ec2, set)).isEqualTo(Decision.Allowed);
        AuthorizationRequest inManagement = AuthorizationRequest.builder().principal(ALICE).action("sqs:SendMessage")
                .resource(QUEUE).resourceInManagementAccount(true).build();
        assertThat(authorizer.decide(inManagement, set)).isEqualTo(Decision.Allowed);
    }

    @Test
    void rcpsRestrictServicePrincipalsToo() {
        Policy rcp = policy(PolicyType.RESOURCE_CONTROL, "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sqs:*\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringNotEqualsIfExists\":{\"aws:SourceOrgID\":\"o-mine\"}}}");
        Policy rp = policy(PolicyType.RESOURCE, "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"sns.amazonaws.com\"},"
                + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + QUEUE + "\"}");
        PolicySet set = PolicySet.builder().resourcePolicy(rp).rcpLevel(List.of(rcp)).build();
        AuthorizationRequest fromElsewhere = AuthorizationRequest.builder().principal("sns.amazonaws.com")
                .action("sqs:SendMessage").resource(QUEUE).context("aws:SourceOrgID", "o-other").build();
        AuthorizationRequest fromMine = AuthorizationRequest.builder().principal("sns.amazonaws.com")
                .action("sqs:SendMessage").resource(QUEUE).context("aws:SourceOrgID", "o-mine").build();
        assertThat(authorizer.decide(fromElsewhere, set)).isEqualTo(Decision.ExplicitlyDenied);
        assertThat(authorizer.decide(fromMine, set)).isEqualTo(Decision.Allowed);
    }

    @Test
    void crossAccountNeedsBothSidesAndNamesThem() {
        Policy rp = policy(PolicyType.RESOURCE, "{\"Sid\":\"Partner\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"444455556666\"},"
                + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + QUEUE + "\"}");
        String bob = "arn:aws:iam::444455556666:user/bob";
        PolicySet both = PolicySet.builder().identityPolicy(policy(PolicyType.IDENTITY, ALLOW_SQS)).resourcePolicy(rp).build();
        AuthorizationResult r = authorizer.authorize(send(bob), both);
        assertThat(r.decision()).isEqualTo(Decision.Allowed);
        assertThat(r.decidingStatements()).extracting(DecidingStatement::policyType)
                .containsExactly(PolicyType.IDENTITY, PolicyType.RESOURCE);
        PolicySet rpOnly = PolicySet.builder().resourcePolicy(rp).build();
        assertThat(authorizer.authorize(send(bob), rpOnly).missingAllow()).contains(PolicyType.IDENTITY);
        PolicySet idOnly = PolicySet.builder().identityPolicy(policy(PolicyType.IDENTITY, ALLOW_SQS)).build();
        assertThat(authorizer.authorize(send(bob), idOnly).missingAllow()).contains(PolicyType.RESOURCE);
    }

    @Test
    void getCallerIdentityIsAlwaysAllowed() {
        PolicySet denyAll = PolicySet.builder()
                .identityPolicy(policy(PolicyType.IDENTITY, "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}")).build();
        AuthorizationRequest who = AuthorizationRequest.builder().principal(ALICE).action("sts:GetCallerIdentity").resource("*").build();
        AuthorizationResult r = authorizer.authorize(who, denyAll);
        assertThat(r.decision()).isEqualTo(Decision.Allowed);
        assertThat(r.decidedByBuiltInRule()).isTrue();
        assertThat(r.decidingStatements()).isEmpty();
    }

    @Test
    void contextKeysAreCaseInsensitiveAndValuesAreNot() {
        PolicySet set = PolicySet.builder().identityPolicy(policy(PolicyType.IDENTITY,
                "{\"Effect\":\"Allow\",\"Action\":\"sqs:*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"AWS:PrincipalTag/Team\":\"data\"}}}"))
                .build();
        AuthorizationRequest data = AuthorizationRequest.builder().principal(ALICE).action("SQS:sendmessage").resource(QUEUE)
                .context("aws:principaltag/team", "data").build();
        AuthorizationRequest upper = AuthorizationRequest.builder().principal(ALICE).action("sqs:SendMessage").resource(QUEUE)
                .context("aws:principaltag/team", "Data").build();
        assertThat(authorizer.decide(data, set)).isEqualTo(Decision.Allowed);
        assertThat(authorizer.decide(upper, set)).isEqualTo(Decision.ImplicitlyDenied);
    }
}
