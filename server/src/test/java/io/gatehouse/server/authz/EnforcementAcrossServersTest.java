package io.gatehouse.server.authz;

import io.gatehouse.server.testing.SharedDatabaseServers;
import static io.gatehouse.server.authz.EnforcementWorld.allow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

/**
 * Two servers on one database with the default change poll (250 ms): a policy written through one
 * decides the next request on that server, and requests on the other within about a second.
 */
class EnforcementAcrossServersTest {
  @TempDir Path dir;

  private ServerConfig config(String name, AwsBasicCredentials root) {
    return SharedDatabaseServers.config(dir, name, root, null);
  }

  private static IamClient iam(GatehouseServer server, AwsCredentials credentials) {
    return IamClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(ApacheHttpClient.builder()).build();
  }

  @Test
  void aPolicyChangeDecidesTheNextRequestHereAndSoonOnTheOtherServer() throws Exception {
    AwsBasicCredentials root = SharedDatabaseServers.newRoot();
    Supplier<Database> shared = TestDatabases.shared("h2");
    GatehouseServer a = new GatehouseServer(config("a", root), Clock.systemUTC(), shared).start();
    GatehouseServer b = new GatehouseServer(config("b", root), Clock.systemUTC(), shared).start();
    try (IamClient rootOnA = iam(a, root)) {
      rootOnA.createUser(u -> u.userName("mover"));
      var key = rootOnA.createAccessKey(k -> k.userName("mover")).accessKey();
      AwsBasicCredentials mover = AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
      try (IamClient onA = iam(a, mover); IamClient onB = iam(b, mover)) {
        Eventually.within(Duration.ofSeconds(5), Duration.ofMillis(20), () ->
            assertThatThrownBy(onB::listRoles).isInstanceOf(IamException.class).hasMessageContaining("no identity-based policy allows"));

        rootOnA.putUserPolicy(p -> p.userName("mover").policyName("list").policyDocument(allow("\"iam:ListRoles\"")));
        assertThat(onA.listRoles().roles()).isNotNull(); // the next request on the server that wrote it
        Eventually.within(Duration.ofSeconds(2), Duration.ofMillis(20), () -> assertThat(onB.listRoles().roles()).isNotNull());

        rootOnA.deleteUserPolicy(p -> p.userName("mover").policyName("list"));
        assertThatThrownBy(onA::listRoles).isInstanceOf(IamException.class);
        Eventually.within(Duration.ofSeconds(2), Duration.ofMillis(20), () ->
            assertThatThrownBy(onB::listRoles).isInstanceOf(IamException.class).hasMessageContaining("no identity-based policy allows"));
      }
    } finally {
      b.stop();
      a.stop();
    }
  }
}
