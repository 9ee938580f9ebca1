package io.gatehouse.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.policy.AuthorizationRequest;
import io.gatehouse.policy.AuthorizationResult;
import io.gatehouse.policy.Authorizer;
import io.gatehouse.policy.Policy;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicySet;
import io.gatehouse.policy.PolicyType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AWS's access-denied sentences for each kind of policy that refuses. */
class DenialMessageTest {
  static final String USER = "arn:aws:iam::111122223333:user/alice";
  static final String RESOURCE = "arn:aws:iam::111122223333:role/x";
  static final String ALLOW = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"*\"}]}";
  static final String DENY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iam:GetRole\",\"Resource\":\"*\"}]}";
  static final String OTHER = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";

  static Policy policy(String json, PolicyType type) {
    return PolicyParser.parse(json, type).policy().orElseThrow();
  }

  static String message(PolicySet policies) {
    return message(USER, policies);
  }

  static String message(String principal, PolicySet policies) {
    AuthorizationRequest request = AuthorizationRequest.builder().principal(principal).action("iam:GetRole").resource(RESOURCE).build();
    AuthorizationResult result = Authorizer.aws().authorize(request, policies);
    assertThat(result.isAllowed()).isFalse();
    return DenialMessage.of(principal, "iam:GetRole", RESOURCE, result);
  }

  static final String HEAD = "User: " + USER + " is not authorized to perform: iam:GetRole on resource: " + RESOURCE;

  @Test
  void implicitDenials() {
    assertThat(message(PolicySet.builder().build())).isEqualTo(HEAD + " because no identity-based policy allows the iam:GetRole action");
    assertThat(message(PolicySet.builder().identityPolicy(policy(ALLOW, PolicyType.IDENTITY))
        .permissionsBoundary(policy(OTHER, PolicyType.PERMISSIONS_BOUNDARY)).build()))
        .isEqualTo(HEAD + " because no permissions boundary allows the iam:GetRole action");
    String session = "arn:aws:sts::111122223333:assumed-role/r/s1";
    assertThat(message(session, PolicySet.builder().identityPolicy(policy(ALLOW, PolicyType.IDENTITY))
        .sessionPolicy(policy(OTHER, PolicyType.SESSION)).build()))
        .isEqualTo("User: " + session + " is not authorized to perform: iam:GetRole on resource: " + RESOURCE
            + " because no session policy allows the iam:GetRole action");
    assertThat(message(PolicySet.builder().identityPolicy(policy(ALLOW, PolicyType.IDENTITY))
        .scpLevel(List.of(policy(OTHER, PolicyType.SERVICE_CONTROL))).build()))
        .isEqualTo(HEAD + " because no service control policy allows the iam:GetRole action");
  }

  @Test
  void explicitDenialsNameThePolicyByItsArn() {
    String managed = "arn:aws:iam::111122223333:policy/no-get";
    assertThat(message(PolicySet.builder().identityPolicy(policy(ALLOW, PolicyType.IDENTITY))
        .identityPolicy(policy(DENY, PolicyType.IDENTITY).named(managed)).build()))
        .isEqualTo(HEAD + " with an explicit deny in an identity-based policy: " + managed);
    // an inline policy has no ARN to give
    assertThat(message(PolicySet.builder().identityPolicy(policy(DENY, PolicyType.IDENTITY).named("inline-name")).build()))
        .isEqualTo(HEAD + " with an explicit deny in an identity-based policy");
    String scp = "arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-abcd1234";
    assertThat(message(PolicySet.builder().identityPolicy(policy(ALLOW, PolicyType.IDENTITY))
        .scpLevel(List.of(policy(ALLOW, PolicyType.SERVICE_CONTROL), policy(DENY, PolicyType.SERVICE_CONTROL).named(scp))).build()))
        .isEqualTo(HEAD + " with an explicit deny in a service control policy: " + scp);
    assertThat(message(PolicySet.builder().identityPolicy(policy(ALLOW, PolicyType.IDENTITY))
        .permissionsBoundary(policy(DENY, PolicyType.PERMISSIONS_BOUNDARY).named("arn:aws:iam::aws:policy/B")).build()))
        .isEqualTo(HEAD + " with an explicit deny in a permissions boundary: arn:aws:iam::aws:policy/B");
  }

  @Test
  void aRoleTrustPolicyThatDoesNotLetTheCallerInIsNamedSo() {
    String role = "arn:aws:iam::444455556666:role/Closed";
    Policy trust = policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"arn:aws:iam::999999999999:root\"},\"Action\":\"sts:AssumeRole\"}]}", PolicyType.TRUST);
    PolicySet policies = PolicySet.builder().identityPolicy(policy(ALLOW.replace("iam:*", "sts:AssumeRole"), PolicyType.IDENTITY))
        .resourcePolicy(trust).build();
    AuthorizationResult result = Authorizer.aws().authorize(AuthorizationRequest.builder().principal(USER)
        .action("sts:AssumeRole").resource(role).build(), policies);
    assertThat(DenialMessage.of(USER, "sts:AssumeRole", role, result, policies)).isEqualTo("User: " + USER
        + " is not authorized to perform: sts:AssumeRole on resource: " + role
        + " because no role trust policy allows the sts:AssumeRole action");
  }
}
