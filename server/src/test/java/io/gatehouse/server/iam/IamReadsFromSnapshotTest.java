package io.gatehouse.server.iam;

import io.gatehouse.server.testing.SharedDatabaseServers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gatehouse.server.config.ServerConfig;
import io.gatehouse.server.runtime.GatehouseServer;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.Eventually;
import io.gatehouse.server.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * GetRole and GetUser are answered from the IAM snapshot. Server A polls the change log only once a
 * minute (the longest allowed), so what it answers right after its own writes can only come from the reload that
 * follows its own commits; server B, polling every 50 ms, follows A eventually (as AWS's IAM does).
 */
class IamReadsFromSnapshotTest {
  @TempDir Path dir;

  private ServerConfig config(String name, AwsBasicCredentials root, String poll) {
    return SharedDatabaseServers.config(dir, name, root, poll);
  }

  private static IamClient iam(GatehouseServer server, AwsBasicCredentials credentials) {
    return IamClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(ApacheHttpClient.builder()).build();
  }

  @Test
  void getRoleAndGetUserReadThisServersWritesAtOnceAndOtherServersFollow() throws Exception {
    AwsBasicCredentials root = SharedDatabaseServers.newRoot();
    Supplier<Database> shared = TestDatabases.shared("h2");
    GatehouseServer a = new GatehouseServer(config("a", root, "1m"), Clock.systemUTC(), shared).start();
    GatehouseServer b = new GatehouseServer(config("b", root, "50ms"), Clock.systemUTC(), shared).start();
    try (IamClient onA = iam(a, root); IamClient onB = iam(b, root)) {
      String account = a.bootstrap().managementAccountId();
      String boundary = "arn:aws:iam::aws:policy/ReadOnlyAccess";

      Role created = onA.createRole(r -> r.roleName("Deployer").path("/ci/").assumeRolePolicyDocument(IamSdkTest.TRUST)
          .description("deploys")).role();
      Role got = onA.getRole(r -> r.roleName("deployer")).role(); // names are case-insensitive
      assertThat(got.roleName()).isEqualTo("Deployer");
      assertThat(got.roleId()).isEqualTo(created.roleId());
      assertThat(got.arn()).isEqualTo("arn:aws:iam::" + account + ":role/ci/Deployer");
      assertThat(got.path()).isEqualTo("/ci/");
      // CreateRole answers with the clock's instant; the database keeps microseconds (rounded).
      assertThat(got.createDate()).isCloseTo(created.createDate(), within(1, ChronoUnit.MILLIS));
      assertThat(got.assumeRolePolicyDocument()).isEqualTo(created.assumeRolePolicyDocument());
      assertThat(IamSdkTest.decoded(got.assumeRolePolicyDocument())).isEqualTo(IamSdkTest.TRUST);
      assertThat(got.maxSessionDuration()).isEqualTo(3600);
      assertThat(got.permissionsBoundary()).isNull();
      assertThat(got.tags()).isEmpty();

      onA.updateRole(r -> r.roleName("Deployer").description("deploys prod").maxSessionDuration(7200));
      got = onA.getRole(r -> r.roleName("Deployer")).role();
      assertThat(got.description()).isEqualTo("deploys prod");
      assertThat(got.maxSessionDuration()).isEqualTo(7200);

      onA.tagRole(r -> r.roleName("Deployer").tags(t -> t.key("team").value("platform"), t -> t.key("Env").value("prod")));
      assertThat(onA.getRole(r -> r.roleName("Deployer")).role().tags())
          .extracting(t -> t.key() + "=" + t.value()).containsExactly("Env=prod", "team=platform");

      onA.putRolePermissionsBoundary(r -> r.roleName("Deployer").permissionsBoundary(boundary));
      assertThat(onA.getRole(r -> r.roleName("Deployer")).role().permissionsBoundary().permissionsBoundaryArn())
          .isEqualTo(boundary);

      String trust2 = IamSdkTest.TRUST.replace("ec2.amazonaws.com", "lambda.amazonaws.com");
      onA.updateAssumeRolePolicy(r -> r.roleName("Deployer").policyDocument(trust2));
      assertThat(IamSdkTest.decoded(onA.getRole(r -> r.roleName("Deployer")).role().assumeRolePolicyDocument()))
          .isEqualTo(trust2);

      onA.createUser(u -> u.userName("traveller").tags(t -> t.key("k").value("v")));
      assertThat(onA.getUser(u -> u.userName("TRAVELLER")).user().tags()).extracting(t -> t.value()).containsExactly("v");

      Eventually.within(Duration.ofSeconds(10), Duration.ofMillis(25), () -> {
        Role onOther = onB.getRole(r -> r.roleName("Deployer")).role();
        assertThat(onOther.maxSessionDuration()).isEqualTo(7200);
        assertThat(onOther.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(boundary);
        assertThat(IamSdkTest.decoded(onOther.assumeRolePolicyDocument())).isEqualTo(trust2);
      });

      // Created through B: A's snapshot does not have it until A's next poll, its database does.
      onB.createRole(r -> r.roleName("FromB").assumeRolePolicyDocument(IamSdkTest.TRUST)
          .tags(t -> t.key("made-on").value("b")));
      Role fromB = onA.getRole(r -> r.roleName("FromB")).role();
      assertThat(fromB.arn()).isEqualTo("arn:aws:iam::" + account + ":role/FromB");
      assertThat(fromB.tags()).extracting(t -> t.value()).containsExactly("b");

      onA.deleteRolePermissionsBoundary(r -> r.roleName("Deployer"));
      onA.untagRole(r -> r.roleName("Deployer").tagKeys("team", "Env"));
      onA.deleteRole(r -> r.roleName("Deployer"));
      assertThatThrownBy(() -> onA.getRole(r -> r.roleName("Deployer")))
          .isInstanceOf(NoSuchEntityException.class)
          .hasMessageContaining("The role with name Deployer cannot be found.");
    } finally {
      b.stop();
      a.stop();
    }
  }
}
