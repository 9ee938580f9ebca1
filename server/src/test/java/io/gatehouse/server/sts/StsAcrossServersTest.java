package io.gatehouse.server.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.config.ServerConfig;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.runtime.GatehouseServer;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.Eventually;
import io.gatehouse.server.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Temporary credentials are self-contained: a server that shares the keyring verifies a session
 * issued by another at once (no database read, nothing to replicate), and a server with another
 * keyring does not know it.
 */
class StsAcrossServersTest {
  @TempDir Path dir;

  private ServerConfig config(String name, String keyring, AwsBasicCredentials root) {
    Map<String, String> options = new HashMap<>(Map.of(
        "port", "0",
        "data-dir", dir.resolve(name).toString(),
        "keyring-file", dir.resolve(keyring).toString(),
        "change-poll-interval", "50ms",
        "shutdown-grace", "1s",
        "root-access-key-id", root.accessKeyId(),
        "root-secret-access-key", root.secretAccessKey()));
    return ServerConfig.load(options, Map.of());
  }

  private static StsClient sts(GatehouseServer server, AwsCredentials credentials) {
    return StsClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(ApacheHttpClient.builder()).build();
  }

  private static IamClient iam(GatehouseServer server, AwsCredentials credentials) {
    return IamClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(ApacheHttpClient.builder()).build();
  }

  @Test
  void aSessionIssuedOnOneServerSignsOnAnotherWithTheSameKeyringOnly() throws Exception {
    AwsBasicCredentials root = AwsBasicCredentials.create(Ids.uniqueId("AKIA"), Ids.secretAccessKey());
    Supplier<Database> shared = TestDatabases.shared("h2");
    GatehouseServer a = new GatehouseServer(config("a", "shared-keyring", root), Clock.systemUTC(), shared).start();
    GatehouseServer b = new GatehouseServer(config("b", "shared-keyring", root), Clock.systemUTC(), shared).start();
    GatehouseServer other = new GatehouseServer(config("c", "other-keyring", root), Clock.systemUTC(),
        TestDatabases.shared("h2")).start();
    try (StsClient stsA = sts(a, root); IamClient iamA = iam(a, root)) {
      String account = a.bootstrap().managementAccountId();
      iamA.createRole(r -> r.roleName("Ops").assumeRolePolicyDocument(StsWorld.trusting("arn:aws:iam::" + account + ":root")));
      String roleArn = "arn:aws:iam::" + account + ":role/Ops";

      Credentials issued = stsA.assumeRole(r -> r.roleArn(roleArn).roleSessionName("on-a")).credentials();
      AwsSessionCredentials session = AwsSessionCredentials.create(issued.accessKeyId(), issued.secretAccessKey(),
          issued.sessionToken());
      try (StsClient onB = sts(b, session); StsClient onOther = sts(other, session)) {
        assertThat(onB.getCallerIdentity().arn()).isEqualTo("arn:aws:sts::" + account + ":assumed-role/Ops/on-a");
        assertThatThrownBy(onOther::getCallerIdentity).isInstanceOfSatisfying(StsException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
      }

      // and AssumeRole on the second server decides from its own snapshot, which follows the first's writes
      iamA.createRole(r -> r.roleName("Later").assumeRolePolicyDocument(StsWorld.trusting("arn:aws:iam::" + account + ":root")));
      try (StsClient stsB = sts(b, root)) {
        Eventually.within(Duration.ofSeconds(10), Duration.ofMillis(25), () -> assertThat(
            stsB.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/Later").roleSessionName("on-b"))
                .assumedRoleUser().arn()).endsWith(":assumed-role/Later/on-b"));
      }
    } finally {
      other.stop();
      b.stop();
      a.stop();
    }
  }
}
