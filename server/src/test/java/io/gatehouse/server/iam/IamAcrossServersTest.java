package io.gatehouse.server.iam;

import io.gatehouse.server.testing.SharedDatabaseServers;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.config.ServerConfig;
import io.gatehouse.server.runtime.GatehouseServer;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.Eventually;
import io.gatehouse.server.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * Two servers on one database: what IAM writes on one reaches the other's snapshot and
 * authenticator through the change log (topics {@code iam} and {@code credentials}); the poll is
 * 50 ms, the generous wait only absorbs a loaded machine (speed is for the benchmarks).
 */
class IamAcrossServersTest {
  @TempDir Path dir;

  private ServerConfig config(String name, AwsBasicCredentials root) {
    return SharedDatabaseServers.config(dir, name, root, "50ms");
  }

  private static IamClient iam(GatehouseServer server, AwsBasicCredentials credentials) {
    return IamClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(ApacheHttpClient.builder()).build();
  }

  @Test
  void writesOnOneServerReachTheOther() throws Exception {
    AwsBasicCredentials root = SharedDatabaseServers.newRoot();
    Supplier<Database> shared = TestDatabases.shared("h2");
    GatehouseServer a = new GatehouseServer(config("a", root), Clock.systemUTC(), shared).start();
    GatehouseServer b = new GatehouseServer(config("b", root), Clock.systemUTC(), shared).start();
    try (IamClient onA = iam(a, root)) {
      String account = a.bootstrap().managementAccountId();
      onA.createRole(r -> r.roleName("shared").assumeRolePolicyDocument(IamSdkTest.TRUST));
      onA.attachRolePolicy(r -> r.roleName("shared").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
      onA.createUser(u -> u.userName("traveller"));
      onA.putUserPolicy(u -> u.userName("traveller").policyName("self").policyDocument(IamSdkTest.GET_SELF));
      AccessKey key = onA.createAccessKey(k -> k.userName("traveller")).accessKey();

      String roleArn = "arn:aws:iam::" + account + ":role/shared";
      Eventually.within(Duration.ofSeconds(10), Duration.ofMillis(25), () ->
          assertThat(b.iam().snapshot().principal(roleArn).orElseThrow().identityPolicies())
              .extracting(IamSnapshot.PolicyDocument::name).containsExactly("ReadOnlyAccess"));
      try (IamClient onB = iam(b, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
        Eventually.within(Duration.ofSeconds(10), Duration.ofMillis(25), () ->
            assertThat(onB.getUser().user().userName()).isEqualTo("traveller"));
      }

      onA.detachRolePolicy(r -> r.roleName("shared").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
      Eventually.within(Duration.ofSeconds(10), Duration.ofMillis(25), () ->
          assertThat(b.iam().snapshot().principal(roleArn).orElseThrow().identityPolicies()).isEmpty());
    } finally {
      b.stop();
      a.stop();
    }
  }
}
