package io.gatehouse.server.sts;

import static io.gatehouse.server.sts.StsWorld.allowAssume;
import static io.gatehouse.server.sts.StsWorld.session;
import static io.gatehouse.server.sts.StsWorld.trusting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gatehouse.server.auth.SessionTokens;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.testing.GatehouseTestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * GetCallerIdentity and GetSessionToken, and what AssumeRole carries into a session: ExternalId,
 * session tags (transitive through a chain), source identity, session names and managed session policies.
 */
class StsSessionsSdkTest {
  @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.h2();

  private StsWorld world;
  private String member;
  private AwsSessionCredentials admin;
  private String managementRoot;

  @BeforeEach
  void oneMember() {
    world = new StsWorld(server);
    member = world.createAccount("member");
    admin = world.adminOf(member);
    managementRoot = "arn:aws:iam::" + server.managementAccountId() + ":root";
  }

  @AfterEach
  void realTime() {
    server.clock().reset();
    world.close();
  }

  private static StsException stsError(Runnable call) {
    try {
      call.run();
    } catch (StsException e) {
      return e;
    }
    throw new AssertionError("the call succeeded");
  }

  private SessionContext sealed(Credentials c) {
    Keyring keyring = Keyring.loadOrCreate(server.dataDir().resolve("keyring"));
    return SessionContext.decode(new SessionTokens(keyring, server.clock()).open(c.accessKeyId(), c.sessionToken())
        .orElseThrow().context()).orElseThrow();
  }

  @Test
  void getCallerIdentityTellsRootUserAndAssumedRole() {
    GetCallerIdentityResponse root = world.sts(world.root()).getCallerIdentity();
    assertThat(root.account()).isEqualTo(server.managementAccountId());
    assertThat(root.arn()).isEqualTo(managementRoot);
    assertThat(root.userId()).isEqualTo(server.managementAccountId());

    var iam = world.iam(admin);
    var user = iam.createUser(b -> b.userName("bob").path("/team/")).user();
    var key = iam.createAccessKey(b -> b.userName("bob")).accessKey();
    var bob = software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    GetCallerIdentityResponse asBob = world.sts(bob).getCallerIdentity();
    assertThat(asBob.arn()).isEqualTo("arn:aws:iam::" + member + ":user/team/bob").isEqualTo(user.arn());
    assertThat(asBob.userId()).isEqualTo(user.userId()).startsWith("AIDA");
    assertThat(asBob.account()).isEqualTo(member);

    GetCallerIdentityResponse asAdmin = world.sts(admin).getCallerIdentity();
    assertThat(asAdmin.arn()).isEqualTo("arn:aws:sts::" + member + ":assumed-role/OrganizationAccountAccessRole/admin");
    assertThat(asAdmin.userId()).matches("AROA[A-Z0-9]+:admin");
  }

  @Test
  void getSessionTokenIssuesSessionsOfTheCallerButNotFromSessions() {
    Instant now = server.clock().instant();
    Credentials rootSession = world.sts(world.root()).getSessionToken(b -> b.durationSeconds(7200)).credentials();
    // the account root user gets at most an hour
    assertThat(rootSession.expiration()).isCloseTo(now.plusSeconds(3600), within(5, ChronoUnit.SECONDS));
    assertThat(rootSession.accessKeyId()).startsWith("ASIA");
    assertThat(world.sts(session(rootSession)).getCallerIdentity().arn()).isEqualTo(managementRoot);

    var iam = world.iam(admin);
    iam.createUser(b -> b.userName("carol"));
    var key = iam.createAccessKey(b -> b.userName("carol")).accessKey();
    var carol = software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    Credentials userSession = world.sts(carol).getSessionToken().credentials();
    assertThat(userSession.expiration()).isCloseTo(now.plusSeconds(43200), within(5, ChronoUnit.SECONDS));
    Credentials longest = world.sts(carol).getSessionToken(b -> b.durationSeconds(129600)).credentials();
    assertThat(longest.expiration()).isCloseTo(now.plusSeconds(129600), within(5, ChronoUnit.SECONDS));
    assertThat(world.sts(session(userSession)).getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + member + ":user/carol");
    assertThat(stsError(() -> world.sts(carol).getSessionToken(b -> b.durationSeconds(129601))).awsErrorDetails().errorCode())
        .isEqualTo("ValidationError");

    StsException fromSession = stsError(() -> world.sts(session(userSession)).getSessionToken());
    assertThat(fromSession.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(fromSession.awsErrorDetails().errorMessage()).isEqualTo("Cannot call GetSessionToken with session credentials");
    assertThat(stsError(() -> world.sts(admin).getSessionToken()).awsErrorDetails().errorMessage())
        .isEqualTo("Cannot call GetSessionToken with session credentials");

    // the server's clock moves past the root session's end (SigV4's 15-minute skew still holds for the others)
    server.clock().advance(Duration.ofSeconds(3601));
    assertThat(stsError(() -> world.sts(session(rootSession)).getCallerIdentity()).awsErrorDetails().errorCode())
        .isEqualTo("ExpiredToken");
  }

  @Test
  void externalIdIsTheStsExternalIdConditionKey() {
    String arn = world.createRole(admin, "Vendor", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"sts:AssumeRole",
         "Condition":{"StringEquals":{"sts:ExternalId":"s3cr3t-42"}}}]}""".formatted(managementRoot), null);

    assertThat(stsError(() -> world.assume(world.root(), arn, "v1", b -> {})).awsErrorDetails().errorMessage())
        .endsWith("because no role trust policy allows the sts:AssumeRole action");
    assertThat(stsError(() -> world.assume(world.root(), arn, "v1", b -> b.externalId("wrong-id"))).statusCode())
        .isEqualTo(403);
    assertThat(world.assume(world.root(), arn, "v1", b -> b.externalId("s3cr3t-42")).credentials()).isNotNull();
  }

  @Test
  void sessionTagsNeedTagSessionAreSealedAndTransitiveOnesFollowTheChain() {
    String first = world.createRole(admin, "First", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},"Action":["sts:AssumeRole","sts:TagSession"],
         "Condition":{"StringEquals":{"aws:RequestTag/team":"blue"}}}]}""".formatted(managementRoot),
        allowAssume("*"));
    String untaggable = world.createRole(admin, "Untaggable", StsWorld.trusting(managementRoot), null);
    String second = world.createRole(admin, "Second", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:role/First"},
         "Action":["sts:AssumeRole","sts:TagSession"],"Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}}]}"""
        .formatted(member), null);

    assertThat(stsError(() -> world.assume(world.root(), untaggable, "t1",
        b -> b.tags(Tag.builder().key("team").value("blue").build()))).awsErrorDetails().errorMessage())
        .contains("sts:TagSession");
    assertThat(stsError(() -> world.assume(world.root(), first, "t1",
        b -> b.tags(Tag.builder().key("team").value("red").build()))).statusCode()).isEqualTo(403);
    assertThat(stsError(() -> world.assume(world.root(), first, "t1", b -> b.tags(
        Tag.builder().key("team").value("blue").build(), Tag.builder().key("TEAM").value("x").build())))
        .awsErrorDetails().errorMessage()).isEqualTo("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
    assertThat(stsError(() -> world.assume(world.root(), first, "t1", b -> b
        .tags(Tag.builder().key("team").value("blue").build()).transitiveTagKeys("cost-center")))
        .awsErrorDetails().errorMessage()).isEqualTo("The specified transitive tag key must be included in the requested tags.");

    AssumeRoleResponse tagged = world.assume(world.root(), first, "t1", b -> b
        .tags(Tag.builder().key("team").value("blue").build(), Tag.builder().key("cost-center").value("7").build())
        .transitiveTagKeys("team"));
    assertThat(tagged.packedPolicySize()).isBetween(1, 100);
    SessionContext sealed = sealed(tagged.credentials());
    assertThat(sealed.tags()).containsExactlyInAnyOrderEntriesOf(Map.of("team", "blue", "cost-center", "7"));
    assertThat(sealed.transitiveTagKeys()).containsExactly("team");

    // the chained session is trusted for its principal tag and inherits only the transitive tag
    AssumeRoleResponse chained = world.assume(session(tagged), second, "t2", b -> {});
    assertThat(sealed(chained.credentials()).tags()).containsExactlyEntriesOf(Map.of("team", "blue"));
    assertThat(sealed(chained.credentials()).transitiveTagKeys()).containsExactly("team");
    // an inherited transitive key cannot be passed again
    assertThat(stsError(() -> world.assume(session(tagged), second, "t3",
        b -> b.tags(Tag.builder().key("Team").value("green").build()))).awsErrorDetails().errorCode())
        .isEqualTo("ValidationError");
  }

  @Test
  void sourceIdentityIsSetOnceForTheWholeChain() {
    String first = world.createRole(admin, "First", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},
         "Action":["sts:AssumeRole","sts:SetSourceIdentity"],"Condition":{"StringLike":{"sts:SourceIdentity":"alice*"}}}]}"""
        .formatted(managementRoot), """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole","sts:SetSourceIdentity"],"Resource":"*"}]}""");
    String second = world.createRole(admin, "Second", """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
         "Action":["sts:AssumeRole","sts:SetSourceIdentity"]}]}""".formatted(member), null);

    assertThat(stsError(() -> world.assume(world.root(), first, "s1", b -> b.sourceIdentity("mallory"))).statusCode())
        .isEqualTo(403);
    AssumeRoleResponse withSource = world.assume(world.root(), first, "s1", b -> b.sourceIdentity("alice@example.com"));
    assertThat(withSource.sourceIdentity()).isEqualTo("alice@example.com");

    AssumeRoleResponse chained = world.assume(session(withSource), second, "s2", b -> {});
    assertThat(chained.sourceIdentity()).isEqualTo("alice@example.com");
    // a role whose trust policy does not allow sts:SetSourceIdentity cannot continue a chain that carries one
    String plain = world.createRole(admin, "Plain", trusting("arn:aws:iam::" + member + ":root"), null);
    assertThat(stsError(() -> world.assume(session(withSource), plain, "s2", b -> {})).awsErrorDetails().errorMessage())
        .contains("sts:SetSourceIdentity");
    assertThat(sealed(chained.credentials()).sourceIdentity()).isEqualTo("alice@example.com");
    assertThat(stsError(() -> world.assume(session(withSource), second, "s2", b -> b.sourceIdentity("bob")))
        .awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(world.assume(session(withSource), second, "s2", b -> b.sourceIdentity("alice@example.com")).sourceIdentity())
        .isEqualTo("alice@example.com");
  }

  @Test
  void roleSessionNamesFollowAwsRules() {
    String arn = world.createRole(admin, "Named", trusting(managementRoot), null);
    for (String bad : new String[] {"a", "has space", "x".repeat(65), "semi;colon"}) {
      StsException e = stsError(() -> world.assume(world.root(), arn, bad, b -> {}));
      assertThat(e.awsErrorDetails().errorCode()).as(bad).isEqualTo("ValidationError");
      assertThat(e.awsErrorDetails().errorMessage()).as(bad).contains("roleSessionName");
    }
    String longest = "a=b,c.d@e-f+g_" + "h".repeat(50);
    assertThat(world.assume(world.root(), arn, longest, b -> {}).assumedRoleUser().arn()).endsWith("/Named/" + longest);
  }

  @Test
  void managedSessionPoliciesAreSealedByArnAndMalformedInlineOnesAreRejected() {
    var iam = world.iam(admin);
    String policyArn = iam.createPolicy(b -> b.policyName("reads").policyDocument("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:Get*","Resource":"*"}]}""")).policy().arn();
    String arn = world.createRole(admin, "Scoped", trusting(managementRoot), null);
    iam.attachRolePolicy(b -> b.roleName("Scoped").policyArn(policyArn));

    AssumeRoleResponse scoped = world.assume(world.root(), arn, "p1", b -> b.policyArns(d -> d.arn(policyArn)));
    assertThat(sealed(scoped.credentials()).policyArns()).containsExactly(policyArn);

    StsException unknown = stsError(() -> world.assume(world.root(), arn, "p1",
        b -> b.policyArns(d -> d.arn("arn:aws:iam::" + member + ":policy/nope"))));
    assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("ValidationError");

    StsException malformed = stsError(() -> world.assume(world.root(), arn, "p1", b -> b.policy("{\"Statement\":[")));
    assertThat(malformed.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
    StsException tooLong = stsError(() -> world.assume(world.root(), arn, "p1", b -> b.policy("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetRole","Resource":"%s"}]}"""
        .formatted("x".repeat(2100)))));
    assertThat(tooLong.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
  }
}
