package io.gatehouse.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.bootstrap.Bootstrap;
import io.gatehouse.server.config.ServerConfig;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.Eventually;
import io.gatehouse.server.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/** Several servers on one database, as a production deployment behind a load balancer runs them. */
class MultiServerTest {
  @TempDir Path dir;

  private ServerConfig config(String name, Map<String, String> extra) {
    Map<String, String> options = new HashMap<>(Map.of(
        "port", "0",
        "data-dir", dir.resolve(name).toString(),
        "keyring-file", dir.resolve("shared-keyring").toString(),
        "change-poll-interval", "50ms",
        "shutdown-grace", "1s"));
    options.putAll(extra);
    return ServerConfig.load(options, Map.of());
  }

  private static <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
      & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>, C> C client(
      B builder, GatehouseServer server, AwsBasicCredentials credentials) {
    return builder.endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(ApacheHttpClient.builder())
        .build();
  }

  @Test
  void serversStartingTogetherOnPostgresBootstrapOneOrganization() throws Exception {
    Supplier<Database> shared = TestDatabases.shared("postgresql");
    List<GatehouseServer> servers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
      List<Callable<GatehouseServer>> starts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ServerConfig config = config("s" + i, Map.of());
        starts.add(() -> new GatehouseServer(config, Clock.systemUTC(), shared).start());
      }
      for (Future<GatehouseServer> f : pool.invokeAll(starts)) servers.add(f.get());
      Bootstrap.Result first = servers.get(0).bootstrap();
      for (GatehouseServer s : servers) {
        assertThat(s.bootstrap().organization()).isEqualTo(first.organization());
        assertThat(s.bootstrap().identityStoreId()).isEqualTo(first.identityStoreId());
        assertThat(s.bootstrap().instance()).isEqualTo(first.instance());
        assertThat(s.bootstrap().rootCredentials().accessKeyId()).isEqualTo(first.rootCredentials().accessKeyId());
      }
      long generated = servers.stream().filter(s -> s.bootstrap().rootCredentials().secretAccessKey() != null).count();
      assertThat(generated).as("root key generated exactly once").isEqualTo(1);
    } finally {
      servers.forEach(GatehouseServer::stop);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void aServerFollowsWritesAndNewKeysMadeThroughAnother(String backend) throws Exception {
    Supplier<Database> shared = TestDatabases.shared(backend);
    AwsBasicCredentials root = AwsBasicCredentials.create(Ids.uniqueId("AKIA"), Ids.secretAccessKey());
    Map<String, String> rootOptions = Map.of("root-access-key-id", root.accessKeyId(),
        "root-secret-access-key", root.secretAccessKey());
    GatehouseServer a = new GatehouseServer(config("a", rootOptions), Clock.systemUTC(), shared).start();
    GatehouseServer b = new GatehouseServer(config("b", rootOptions), Clock.systemUTC(), shared).start();
    try (IdentitystoreClient viaA = client(IdentitystoreClient.builder(), a, root);
        IdentitystoreClient viaB = client(IdentitystoreClient.builder(), b, root)) {
      String storeId = a.bootstrap().identityStoreId();
      String userId = viaA.createUser(r -> r.identityStoreId(storeId).userName("followed").displayName("Followed")
          .name(n -> n.givenName("F").familyName("Ollowed"))).userId();
      assertThat(viaB.describeUser(r -> r.identityStoreId(storeId).userId(userId)).userName()).isEqualTo("followed");

      // A new key stored through server A: server B must accept it once its change feed has caught up.
      AwsBasicCredentials rotated = AwsBasicCredentials.create(Ids.uniqueId("AKIA"), Ids.secretAccessKey());
      a.accessKeys().ensureRootKey(a.bootstrap().managementAccountId(), rotated.accessKeyId(), rotated.secretAccessKey());
      try (SsoAdminClient newKeyViaB = client(SsoAdminClient.builder(), b, rotated);
          SsoAdminClient newKeyViaA = client(SsoAdminClient.builder(), a, rotated)) {
        assertThat(newKeyViaA.listInstances(r -> {}).instances()).as("read-your-writes on A").hasSize(1);
        Eventually.within(Duration.ofSeconds(10), Duration.ofMillis(50), () ->
            assertThat(newKeyViaB.listInstances(r -> {}).instances()).hasSize(1));
      }
    } finally {
      a.stop();
      b.stop();
    }
  }
}
