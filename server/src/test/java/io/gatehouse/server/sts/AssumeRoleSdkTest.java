package io.gatehouse.server.sts;

import static io.gatehouse.server.sts.StsWorld.allowAssume;
import static io.gatehouse.server.sts.StsWorld.session;
import static io.gatehouse.server.sts.StsWorld.trusting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gatehouse.server.auth.Session;
import io.gatehouse.server.auth.SessionTokens;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.testing.GatehouseTestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * AssumeRole through the AWS SDK for Java v2: the trust policy and the caller's permissions
 * (identity policies, boundary, session policies, SCPs) decide, with AWS's cross-account and
 * same-account rules; the credentials act in the role's account and stop at expiry.
 */
abstract class AssumeRoleSdkTest {
  /** The server under test: on H2 and on PostgreSQL (see the subclasses). */
  abstract GatehouseTestServer server();

  private StsWorld world;
  private String tooling;
  private String production;
  private AwsSessionCredentials toolingAdmin;
  private AwsSessionCredentials productionAdmin;
  private String deployRoleArn;

  @BeforeEach
  void twoAccounts() {
    world = new StsWorld(server());
    tooling = world.createAccount("tooling");
    production = world.createAccount("production");
    toolingAdmin = world.adminOf(tooling);
    productionAdmin = world.adminOf(production);
    deployRoleArn = world.createRole(productionAdmin, "DeployRole", trusting("arn:aws:iam::" + tooling + ":root"), """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:Get*","iam:List*"],"Resource":"*"}]}""");
  }

  @AfterEach
  void realTime() {
    server().clock().reset();
    world.close();
  }

  /** A role of the tooling account that the test reaches from the management root, with the given identity policy. */
  private AwsSessionCredentials pipeline(String identityPolicy) {
    String arn = world.createRole(toolingAdmin, "Pipeline", trusting("arn:aws:iam::" + server().managementAccountId() + ":root"),
        identityPolicy);
    return session(world.assume(world.root(), arn, "ci", b -> {}));
  }

  private static String denial(Runnable call) {
    try {
      call.run();
    } catch (AwsServiceException e) {
      assertThat(e.statusCode()).as(e.toString() + " " + e.awsErrorDetails().sdkHttpResponse().statusCode()).isEqualTo(403);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
      return e.awsErrorDetails().errorMessage();
    }
    throw new AssertionError("the call was allowed");
  }

  @Test
  void seedScenario_aToolingRoleDeploysToProductionWithCredentialsThatExpire() {
    AwsSessionCredentials pipeline = pipeline(allowAssume(deployRoleArn));

    Instant before = server().clock().instant();
    AssumeRoleResponse deploy = world.assume(pipeline, deployRoleArn, "release-42", b -> {});

    assertThat(deploy.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + production + ":assumed-role/DeployRole/release-42");
    assertThat(deploy.assumedRoleUser().assumedRoleId()).startsWith("AROA").endsWith(":release-42");
    assertThat(deploy.credentials().accessKeyId()).startsWith("ASIA");
    assertThat(deploy.credentials().expiration()).isCloseTo(before.plusSeconds(3600), within(5, ChronoUnit.SECONDS));

    AwsSessionCredentials deployer = session(deploy);
    GetCallerIdentityResponse me = world.sts(deployer).getCallerIdentity();
    assertThat(me.account()).isEqualTo(production);
    assertThat(me.arn()).isEqualTo(deploy.assumedRoleUser().arn());
    assertThat(me.userId()).isEqualTo(deploy.assumedRoleUser().assumedRoleId());
    // it acts in production: IAM there is production's
    IamClient iam = world.iam(deployer);
    assertThat(iam.getRole(b -> b.roleName("DeployRole")).role().arn()).isEqualTo(deployRoleArn);

    server().clock().advance(Duration.ofSeconds(3601));
    assertThatThrownBy(() -> world.sts(deployer).getCallerIdentity()).isInstanceOfSatisfying(StsException.class, e -> {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is expired");
    });
    assertThatThrownBy(() -> iam.getRole(b -> b.roleName("DeployRole"))).isInstanceOfSatisfying(IamException.class,
        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
  }

  @Test
  void deniedByTheTrustPolicy() {
    String closed = world.createRole(productionAdmin, "Closed", trusting("arn:aws:iam::" + server().managementAccountId() + ":root"), null);
    AwsSessionCredentials pipeline = pipeline(allowAssume("*"));

    String message = denial(() -> world.assume(pipeline, closed, "s1", b -> {}));
    assertThat(message).isEqualTo("User: arn:aws:sts::" + tooling + ":assumed-role/Pipeline/ci is not authorized to perform: "
        + "sts:AssumeRole on resource: " + closed + " because no role trust policy allows the sts:AssumeRole action");
  }

  @Test
  void crossAccountNeedsAnIdentityPolicyOfTheCaller() {
    AwsSessionCredentials pipeline = pipeline(null);

    String message = denial(() -> world.assume(pipeline, deployRoleArn, "s1", b -> {}));
    assertThat(message).isEqualTo("User: arn:aws:sts::" + tooling + ":assumed-role/Pipeline/ci is not authorized to perform: "
        + "sts:AssumeRole on resource: " + deployRoleArn + " because no identity-based policy allows the sts:AssumeRole action");
  }

  @Test
  void aMissingRoleIsDeniedLikeARefusedOne() {
    AwsSessionCredentials pipeline = pipeline(allowAssume("*"));
    String missing = "arn:aws:iam::" + production + ":role/Nope";
    assertThat(denial(() -> world.assume(pipeline, missing, "s1", b -> {})))
        .isEqualTo("User: arn:aws:sts::" + tooling + ":assumed-role/Pipeline/ci is not authorized to perform: "
            + "sts:AssumeRole on resource: " + missing);
  }

  @Test
  void anScpOnTheCallersOuDeniesAndDetachingItAllowsAtOnce() {
    AwsSessionCredentials pipeline = pipeline(allowAssume(deployRoleArn));
    String rootId = world.orgs.listRoots().roots().getFirst().id();
    String ou = world.orgs.createOrganizationalUnit(b -> b.parentId(rootId).name("workloads")).organizationalUnit().id();
    world.orgs.moveAccount(b -> b.accountId(tooling).sourceParentId(rootId).destinationParentId(ou));
    var scp = world.orgs.createPolicy(b -> b.type(PolicyType.SERVICE_CONTROL_POLICY).name("no-assume").description("d")
        .content("""
            {"Version":"2012-10-17","Statement":[{"Sid":"NoAssume","Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}]}"""))
        .policy().policySummary();
    world.orgs.attachPolicy(b -> b.policyId(scp.id()).targetId(ou));

    String message = denial(() -> world.assume(pipeline, deployRoleArn, "s1", b -> {}));
    assertThat(message).isEqualTo("User: arn:aws:sts::" + tooling + ":assumed-role/Pipeline/ci is not authorized to perform: "
        + "sts:AssumeRole on resource: " + deployRoleArn + " with an explicit deny in a service control policy: " + scp.arn());

    // the management account is exempt from SCPs, wherever it sits
    world.orgs.detachPolicy(b -> b.policyId(scp.id()).targetId(ou));
    assertThat(world.assume(pipeline, deployRoleArn, "s1", b -> {}).credentials().accessKeyId()).startsWith("ASIA");
  }

  @Test
  void aPermissionsBoundaryBlocksWhatTheRolePolicyAllows() {
    IamClient iam = world.iam(toolingAdmin);
    String boundary = iam.createPolicy(b -> b.policyName("only-iam-reads").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:Get*","Resource":"*"}]}""")).policy().arn();
    AwsSessionCredentials pipeline = pipeline(allowAssume(deployRoleArn));
    iam.putRolePermissionsBoundary(b -> b.roleName("Pipeline").permissionsBoundary(boundary));

    assertThat(denial(() -> world.assume(pipeline, deployRoleArn, "s1", b -> {})))
        .endsWith("because no permissions boundary allows the sts:AssumeRole action");

    iam.deleteRolePermissionsBoundary(b -> b.roleName("Pipeline"));
    assertThat(world.assume(pipeline, deployRoleArn, "s1", b -> {}).assumedRoleUser().arn()).endsWith("/DeployRole/s1");
  }

  @Test
  void aSessionPolicyNarrowsTheSessionAndIsSealedInItsToken() {
    String pipelineArn = world.createRole(toolingAdmin, "Pipeline",
        trusting("arn:aws:iam::" + server().managementAccountId() + ":root"), allowAssume(deployRoleArn));
    String narrow = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}]}""";
    AssumeRoleResponse narrowed = world.assume(world.root(), pipelineArn, "narrow", b -> b.policy(narrow));
    assertThat(narrowed.packedPolicySize()).isBetween(1, 100);

    assertThat(denial(() -> world.assume(session(narrowed), deployRoleArn, "s1", b -> {})))
        .endsWith("because no session policy allows the sts:AssumeRole action");

    {
      Keyring keyring = keyring();
      Session sealed = new SessionTokens(keyring, server().clock())
          .open(narrowed.credentials().accessKeyId(), narrowed.credentials().sessionToken()).orElseThrow();
      SessionContext context = SessionContext.decode(sealed.context()).orElseThrow();
      assertThat(context.inlinePolicy()).isEqualTo(narrow);
      assertThat(context.roleArn()).isEqualTo(pipelineArn);
      assertThat(context.sessionName()).isEqualTo("narrow");
      assertThat(sealed.caller().arn()).isEqualTo("arn:aws:sts::" + tooling + ":assumed-role/Pipeline/narrow");
    }

    // a session policy that allows it leaves the role's own permissions in force
    AssumeRoleResponse wide = world.assume(world.root(), pipelineArn, "wide", b -> b.policy(allowAssume("*")));
    assertThat(world.assume(session(wide), deployRoleArn, "s1", b -> {}).credentials()).isNotNull();
  }

  @Test
  void managedSessionPoliciesResolveCustomerAndAwsPoliciesAttachedToNobodyAndAMissingOneIsAValidationError() {
    String pipelineArn = world.createRole(toolingAdmin, "Pipeline",
        trusting("arn:aws:iam::" + server().managementAccountId() + ":root"), allowAssume(deployRoleArn));
    // neither policy is attached to any principal: found by ARN, not through an attachment
    String onlyGetRole = world.iam(toolingAdmin).createPolicy(b -> b.policyName("only-get-role").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"*"}]}""")).policy().arn();
    String powerUser = "arn:aws:iam::aws:policy/PowerUserAccess";

    AssumeRoleResponse narrowed = world.assume(world.root(), pipelineArn, "narrow", b -> b.policyArns(p -> p.arn(onlyGetRole)));
    assertThat(narrowed.packedPolicySize()).isBetween(1, 100);
    assertThat(denial(() -> world.assume(session(narrowed), deployRoleArn, "s1", b -> {})))
        .endsWith("because no session policy allows the sts:AssumeRole action");

    AssumeRoleResponse awsManaged = world.assume(world.root(), pipelineArn, "power", b -> b.policyArns(p -> p.arn(powerUser)));
    assertThat(world.assume(session(awsManaged), deployRoleArn, "s1", b -> {}).assumedRoleUser().arn()).endsWith("/DeployRole/s1");
    AssumeRoleResponse readOnly = world.assume(world.root(), pipelineArn, "read",
        b -> b.policyArns(p -> p.arn("arn:aws:iam::aws:policy/IAMReadOnlyAccess")));
    assertThat(denial(() -> world.assume(session(readOnly), deployRoleArn, "s1", b -> {})))
        .endsWith("because no session policy allows the sts:AssumeRole action");

    String productionPolicy = world.iam(productionAdmin).createPolicy(b -> b.policyName("theirs").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""")).policy().arn();
    for (String missing : new String[] {"arn:aws:iam::" + tooling + ":policy/nope", "arn:aws:iam::aws:policy/NoSuchAwsPolicy",
        productionPolicy /* exists, but not in the role's account */}) {
      assertThatThrownBy(() -> world.assume(world.root(), pipelineArn, "s1", b -> b.policyArns(p -> p.arn(missing))))
          .as(missing).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Policy " + missing + " does not exist or is not attachable.");
          });
    }
  }

  private Keyring keyring() {
    return Keyring.loadOrCreate(server().dataDir().resolve("keyring"));
  }

  @Test
  void durationSecondsGoesFrom900ToTheRolesMaximum() {
    IamClient iam = world.iam(productionAdmin);
    iam.createRole(b -> b.roleName("Long").maxSessionDuration(7200)
        .assumeRolePolicyDocument(trusting("arn:aws:iam::" + server().managementAccountId() + ":root")));
    String longArn = "arn:aws:iam::" + production + ":role/Long";

    Instant now = server().clock().instant();
    AssumeRoleResponse twoHours = world.assume(world.root(), longArn, "s1", b -> b.durationSeconds(7200));
    assertThat(twoHours.credentials().expiration()).isCloseTo(now.plusSeconds(7200), within(5, ChronoUnit.SECONDS));
    AssumeRoleResponse shortest = world.assume(world.root(), longArn, "s1", b -> b.durationSeconds(900));
    assertThat(shortest.credentials().expiration()).isCloseTo(now.plusSeconds(900), within(5, ChronoUnit.SECONDS));

    assertThatThrownBy(() -> world.assume(world.root(), longArn, "s1", b -> b.durationSeconds(7201)))
        .isInstanceOfSatisfying(StsException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
          assertThat(e.awsErrorDetails().errorMessage())
              .isEqualTo("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        });
    assertThatThrownBy(() -> world.assume(world.root(), longArn, "s1", b -> b.durationSeconds(899)))
        .isInstanceOfSatisfying(StsException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
          assertThat(e.awsErrorDetails().errorMessage()).contains("durationSeconds", "greater than or equal to 900");
        });
  }

  @Test
  void roleChainingIsCappedAtOneHour() {
    productionAdminRoleMax(43200);
    AwsSessionCredentials pipeline = pipeline(allowAssume(deployRoleArn));

    assertThatThrownBy(() -> world.assume(pipeline, deployRoleArn, "s1", b -> b.durationSeconds(3601)))
        .isInstanceOfSatisfying(StsException.class, e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
            "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining."));
    // not chained, the role's maximum applies
    world.iam(productionAdmin).updateAssumeRolePolicy(b -> b.roleName("DeployRole")
        .policyDocument(trusting("arn:aws:iam::" + server().managementAccountId() + ":root")));
    assertThat(world.assume(world.root(), deployRoleArn, "s1", b -> b.durationSeconds(7200)).credentials()).isNotNull();
  }

  private void productionAdminRoleMax(int seconds) {
    world.iam(productionAdmin).updateRole(b -> b.roleName("DeployRole").maxSessionDuration(seconds));
  }

  @Test
  void withinOneAccountATrustPolicyNamingTheUserIsEnoughButNamingTheAccountNeedsTheUsersPermission() {
    IamClient iam = world.iam(toolingAdmin);
    String userArn = iam.createUser(b -> b.userName("alice")).user().arn();
    var key = iam.createAccessKey(b -> b.userName("alice")).accessKey();
    AwsBasicCredentials alice = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    String named = world.createRole(toolingAdmin, "NamesAlice", trusting(userArn), null);
    String account = world.createRole(toolingAdmin, "NamesAccount", trusting("arn:aws:iam::" + tooling + ":root"), null);

    assertThat(world.assume(alice, named, "alice", b -> {}).assumedRoleUser().arn())
        .isEqualTo("arn:aws:sts::" + tooling + ":assumed-role/NamesAlice/alice");
    assertThat(denial(() -> world.assume(alice, account, "alice", b -> {})))
        .isEqualTo("User: " + userArn + " is not authorized to perform: sts:AssumeRole on resource: " + account
            + " because no identity-based policy allows the sts:AssumeRole action");

    iam.putUserPolicy(b -> b.userName("alice").policyName("assume").policyDocument(allowAssume(account)));
    assertThat(world.assume(alice, account, "alice", b -> {}).credentials()).isNotNull();
  }

  @Test
  void revokingTheRolesOlderSessionsWithATokenIssueTimeDenyStopsTheirChains() {
    AwsSessionCredentials old = pipeline(allowAssume(deployRoleArn));
    Instant cutoff = server().clock().instant().plusSeconds(1);
    // what the console's "Revoke active sessions" adds to the role
    world.iam(toolingAdmin).putRolePolicy(b -> b.roleName("Pipeline").policyName("AWSRevokeOlderSessions").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
         "Condition":{"DateLessThan":{"aws:TokenIssueTime":"%s"}}}]}""".formatted(cutoff)));

    assertThat(denial(() -> world.assume(old, deployRoleArn, "s1", b -> {})))
        .endsWith("with an explicit deny in an identity-based policy"); // the inline AWSRevokeOlderSessions has no ARN to name
    server().clock().advance(Duration.ofSeconds(2));
    AwsSessionCredentials fresh = session(world.assume(world.root(),
        "arn:aws:iam::" + tooling + ":role/Pipeline", "ci", b -> {}));
    assertThat(world.assume(fresh, deployRoleArn, "s1", b -> {}).credentials()).isNotNull();
  }
}
