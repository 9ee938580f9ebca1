package io.gatehouse.server.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.authz.ResolvedCaller.PrincipalKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The global keys per kind of caller follow AWS's "AWS global condition context keys" availability rules. */
class RequestContextKeysTest {
  static final String ACCOUNT = "111122223333";
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00.250Z");
  static final Instant ISSUED = Instant.parse("2026-11-23T11:50:00Z");

  static ResolvedCaller root() {
    return new ResolvedCaller(ACCOUNT, "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:root", PrincipalKind.ROOT,
        ACCOUNT, null, Map.of(), null, List.of(), false, null, null, "203.0.113.7", true, "eu-west-1", NOW);
  }

  static ResolvedCaller user(Map<String, String> tags) {
    return new ResolvedCaller(ACCOUNT, "arn:aws:iam::111122223333:user/eng/alice", "arn:aws:iam::111122223333:user/eng/alice",
        PrincipalKind.USER, "AIDAEXAMPLEUSERID123", "alice", tags, "o-a1b2c3d4e5",
        List.of("o-a1b2c3d4e5/r-ab12/ou-ab12-cdef3456/"), false, null, null, "203.0.113.7", false, "us-east-1", NOW);
  }

  static ResolvedCaller session(boolean mfa) {
    return new ResolvedCaller(ACCOUNT, "arn:aws:sts::111122223333:assumed-role/DeployRole/ci",
        "arn:aws:iam::111122223333:role/deploy/DeployRole", PrincipalKind.ASSUMED_ROLE, "AROAEXAMPLEROLEID123:ci", null,
        Map.of("team", "red"), null, List.of(), mfa, ISSUED, "bob", "10.0.0.1", true, "us-east-1", NOW);
  }

  @Test
  void rootUserHasPrincipalKeysButNoUsernameSessionOrOrganizationKeys() {
    Map<String, List<String>> ctx = RequestContextKeys.global(root());
    assertThat(ctx).containsEntry("aws:PrincipalArn", List.of("arn:aws:iam::111122223333:root"))
        .containsEntry("aws:PrincipalAccount", List.of(ACCOUNT))
        .containsEntry("aws:PrincipalType", List.of("Account"))
        .containsEntry("aws:userid", List.of(ACCOUNT))
        .containsEntry("aws:SourceIp", List.of("203.0.113.7"))
        .containsEntry("aws:SecureTransport", List.of("true"))
        .containsEntry("aws:RequestedRegion", List.of("eu-west-1"))
        .containsEntry("aws:CurrentTime", List.of("2026-11-23T12:00:00Z"))
        .containsEntry("aws:EpochTime", List.of(Long.toString(NOW.getEpochSecond())))
        .containsEntry("aws:ViaAWSService", List.of("false"))
        .containsEntry("aws:PrincipalIsAWSService", List.of("false"));
    assertThat(ctx).doesNotContainKeys("aws:username", "aws:TokenIssueTime", "aws:MultiFactorAuthPresent",
        "aws:MultiFactorAuthAge", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:CalledVia", "aws:SourceIdentity");
    assertThat(ctx.keySet()).noneMatch(k -> k.startsWith("aws:PrincipalTag/"));
  }

  @Test
  void iamUserHasUsernameTagsAndOrganizationButNoSessionKeys() {
    Map<String, List<String>> ctx = RequestContextKeys.global(user(Map.of("team", "blue", "cost-center", "42")));
    assertThat(ctx).containsEntry("aws:username", List.of("alice"))
        .containsEntry("aws:PrincipalType", List.of("User"))
        .containsEntry("aws:userid", List.of("AIDAEXAMPLEUSERID123"))
        .containsEntry("aws:PrincipalTag/team", List.of("blue"))
        .containsEntry("aws:PrincipalTag/cost-center", List.of("42"))
        .containsEntry("aws:PrincipalOrgID", List.of("o-a1b2c3d4e5"))
        .containsEntry("aws:PrincipalOrgPaths", List.of("o-a1b2c3d4e5/r-ab12/ou-ab12-cdef3456/"))
        .containsEntry("aws:SecureTransport", List.of("false"));
    // Long-term credentials: AWS leaves out MultiFactorAuthPresent and TokenIssueTime.
    assertThat(ctx).doesNotContainKeys("aws:TokenIssueTime", "aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge");
  }

  @Test
  void roleSessionHasTheRoleAsPrincipalArnAndSessionKeys() {
    Map<String, List<String>> ctx = RequestContextKeys.global(session(false));
    assertThat(ctx).containsEntry("aws:PrincipalArn", List.of("arn:aws:iam::111122223333:role/deploy/DeployRole"))
        .containsEntry("aws:PrincipalType", List.of("AssumedRole"))
        .containsEntry("aws:userid", List.of("AROAEXAMPLEROLEID123:ci"))
        .containsEntry("aws:TokenIssueTime", List.of("2026-11-23T11:50:00Z"))
        .containsEntry("aws:MultiFactorAuthPresent", List.of("false"))
        .containsEntry("aws:PrincipalTag/team", List.of("red"))
        .containsEntry("aws:SourceIdentity", List.of("bob"));
    assertThat(ctx).doesNotContainKeys("aws:username", "aws:MultiFactorAuthAge", "aws:PrincipalOrgID");

    Map<String, List<String>> withMfa = RequestContextKeys.global(session(true));
    assertThat(withMfa).containsEntry("aws:MultiFactorAuthPresent", List.of("true"))
        .containsEntry("aws:MultiFactorAuthAge", List.of("600"));
  }

  @Test
  void globalServicesReportUsEast1AsTheRequestedRegion() {
    assertThat(RequestContextKeys.requestedRegion("iam", "eu-west-1")).isEqualTo("us-east-1");
    assertThat(RequestContextKeys.requestedRegion("organizations", "eu-west-1")).isEqualTo("us-east-1");
    assertThat(RequestContextKeys.requestedRegion("sts", "eu-west-1")).isEqualTo("eu-west-1");
    assertThat(RequestContextKeys.requestedRegion("sso-admin", "eu-central-1")).isEqualTo("eu-central-1");
  }

  @Test
  void onlyIamUsersHaveAUserName() {
    assertThatThrownBy(() -> new ResolvedCaller(ACCOUNT, "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:root",
        PrincipalKind.ROOT, ACCOUNT, "root", Map.of(), null, List.of(), false, null, null, null, true, "us-east-1", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RequestContextKeys.global(root().withoutSourceIp())).doesNotContainKey("aws:SourceIp");
  }

  @Test
  void requestContextAddsInputKeysAndResourceTagsWhereTheActionSupportsThem() throws Exception {
    CatalogEntry getRole = OperationCatalogTest.CATALOG.find("iam", "GetRole");
    Map<String, List<String>> ctx = RequestContextKeys.of(user(Map.of()), getRole,
        ResourceArnsTest.input("{'RoleName':'x'}"), Map.of("env", "prod"));
    assertThat(ctx).containsEntry("aws:ResourceTag/env", List.of("prod")).containsEntry("iam:ResourceTag/env", List.of("prod"));

    // identitystore:DescribeUser has no resource-tag keys.
    CatalogEntry describeUser = OperationCatalogTest.CATALOG.find("identitystore", "DescribeUser");
    assertThat(RequestContextKeys.of(user(Map.of()), describeUser, ResourceArnsTest.input("{'IdentityStoreId':'d-1234567890','UserId':'u'}"),
        Map.of("env", "prod"))).doesNotContainKeys("aws:ResourceTag/env", "iam:ResourceTag/env");
  }
}
