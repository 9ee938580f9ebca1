package io.gatehouse.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.core.Ids;
import io.gatehouse.server.testing.ServerProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/**
 * Nothing acknowledged is lost: a burst of writes from several threads against a server in its own
 * JVM on the embedded H2 database, a {@code kill -9} in the middle of it, a restart on the same data
 * dir, and every write that got a success response must be there.
 */
class KillNineDurabilityTest {
  private static final int THREADS = 6;
  private static final int KILL_AFTER_ACKS = 120;
  private static final Duration BURST_LIMIT = Duration.ofSeconds(90);

  private final AwsBasicCredentials root = AwsBasicCredentials.create(Ids.uniqueId("AKIA"), Ids.secretAccessKey());
  private final Map<String, String> env = Map.of(
      "GATEHOUSE_ROOT_ACCESS_KEY_ID", root.accessKeyId(),
      "GATEHOUSE_ROOT_SECRET_ACCESS_KEY", root.secretAccessKey());

  private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder, URI endpoint) {
    return builder.endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(root))
        .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)))
        // One attempt per write: an acknowledgement is exactly one success response.
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  @Test
  void everyAcknowledgedWriteSurvivesKillNine(@TempDir Path dataDir) throws Exception {
    Set<String> ackedUsers = ConcurrentHashMap.newKeySet();
    Set<String> ackedOus = ConcurrentHashMap.newKeySet();
    String storeId;
    String rootId;

    try (ServerProcess server = ServerProcess.start(dataDir, List.of(), env)) {
      URI endpoint = server.awaitReady(Duration.ofSeconds(120));
      try (SsoAdminClient sso = client(SsoAdminClient.builder(), endpoint);
          IdentitystoreClient ids = client(IdentitystoreClient.builder(), endpoint);
          OrganizationsClient orgs = client(OrganizationsClient.builder(), endpoint)) {
        storeId = sso.listInstances(r -> {}).instances().get(0).identityStoreId();
        rootId = orgs.listRoots().roots().get(0).id();

        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger acks = new AtomicInteger();
        long deadline = System.nanoTime() + BURST_LIMIT.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          writers.add(pool.submit(() -> {
            for (int i = 0; !killed.get() && System.nanoTime() < deadline; i++) {
              String name = "w" + thread + "-" + i;
              try {
                if (i % 2 == 0) {
                  ids.createUser(r -> r.identityStoreId(storeId).userName(name).displayName("Writer " + name)
                      .name(n -> n.givenName("Writer").familyName(name)));
                  ackedUsers.add(name);
                } else {
                  orgs.createOrganizationalUnit(r -> r.parentId(rootId).name(name));
                  ackedOus.add(name);
                }
                acks.incrementAndGet();
              } catch (RuntimeException e) {
                if (!killed.get()) throw e; // before the kill every write must succeed
              }
            }
          }));
        }
        while (acks.get() < KILL_AFTER_ACKS && System.nanoTime() < deadline) Thread.sleep(5);
        killed.set(true);
        server.kill();
        pool.shutdown();
        for (Future<?> w : writers) w.get();
        assertThat(acks.get()).as("writes acknowledged before the kill").isGreaterThanOrEqualTo(KILL_AFTER_ACKS);
      }
    }

    try (ServerProcess restarted = ServerProcess.start(dataDir, List.of(), env)) {
      URI endpoint = restarted.awaitReady(Duration.ofSeconds(120));
      try (SsoAdminClient sso = client(SsoAdminClient.builder(), endpoint);
          IdentitystoreClient ids = client(IdentitystoreClient.builder(), endpoint);
          OrganizationsClient orgs = client(OrganizationsClient.builder(), endpoint)) {
        assertThat(sso.listInstances(r -> {}).instances().get(0).identityStoreId()).isEqualTo(storeId);
        Set<String> users = new HashSet<>();
        ids.listUsersPaginator(r -> r.identityStoreId(storeId)).users().stream().map(User::userName).forEach(users::add);
        Set<String> ous = new HashSet<>();
        orgs.listOrganizationalUnitsForParentPaginator(r -> r.parentId(rootId)).stream()
            .flatMap(page -> page.organizationalUnits().stream()).map(OrganizationalUnit::name).forEach(ous::add);
        System.out.printf("acknowledged before kill -9: %d users, %d OUs; found after restart: %d users, %d OUs%n",
            ackedUsers.size(), ackedOus.size(), users.size(), ous.size());
        assertThat(users).containsAll(ackedUsers);
        assertThat(ous).containsAll(ackedOus);
      }
      // A JVM ended by SIGTERM exits with 143 (128 + 15) even after its shutdown hook ran to the end.
      assertThat(restarted.terminate(Duration.ofSeconds(30))).as("exit on SIGTERM").isIn(0, 143);
      assertThat(restarted.output()).contains("Gatehouse stopped");
    }
  }
}
