package io.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.runtime.GatehouseServer;
import io.gatehouse.server.storage.Database;
import io.gatehouse.server.testing.Eventually;
import io.gatehouse.server.testing.SharedDatabaseServers;
import io.gatehouse.server.testing.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.User;

/**
 * The API's reads are served from a cache that every identity-store commit empties: a server reads
 * its own writes at once, and another server's at its next change-log poll — even for users, groups
 * and list pages it had already read (and cached) before the change.
 */
class IdentityStoreAcrossServersTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgresql"})
  void cachedReadsFollowWritesHereAtOnceAndOnTheOtherServerAtItsNextPoll(String backend) throws Exception {
    AwsBasicCredentials root = SharedDatabaseServers.newRoot();
    Supplier<Database> shared = TestDatabases.shared(backend);
    GatehouseServer a = SharedDatabaseServers.start(dir, "a", root, shared);
    GatehouseServer b = SharedDatabaseServers.start(dir, "b", root, shared);
    try (IdentitystoreClient onA = client(a, root); IdentitystoreClient onB = client(b, root)) {
      String store = a.bootstrap().identityStoreId();
      String alice = onA.createUser(r -> r.identityStoreId(store).userName("alice").displayName("Alice")
          .name(n -> n.givenName("Alice").familyName("Liddell"))).userId();
      String group = onA.createGroup(r -> r.identityStoreId(store).displayName("Platform-Engineers")).groupId();

      // B reads everything once (A's writes reach B's cache only through B's own database reads)
      Eventually.within(Duration.ofSeconds(10), Duration.ofMillis(20), () ->
          assertThat(onB.listUsers(r -> r.identityStoreId(store)).users()).extracting(User::userName).containsExactly("alice"));
      assertThat(onB.describeUser(r -> r.identityStoreId(store).userId(alice)).displayName()).isEqualTo("Alice");
      assertThat(onB.describeGroup(r -> r.identityStoreId(store).groupId(group)).displayName()).isEqualTo("Platform-Engineers");

      // A changes all three; B follows at its next poll
      onA.updateUser(r -> r.identityStoreId(store).userId(alice).operations(o -> o.attributePath("displayName")
          .attributeValue(software.amazon.awssdk.core.document.Document.fromString("Alice L."))));
      onA.deleteGroup(r -> r.identityStoreId(store).groupId(group));
      onA.createUser(r -> r.identityStoreId(store).userName("bob").displayName("Bob")
          .name(n -> n.givenName("Bob").familyName("Builder")));
      Eventually.within(Duration.ofSeconds(10), Duration.ofMillis(20), () -> {
        assertThat(onB.describeUser(r -> r.identityStoreId(store).userId(alice)).displayName()).isEqualTo("Alice L.");
        assertThat(onB.listUsers(r -> r.identityStoreId(store)).users()).extracting(User::userName)
            .containsExactlyInAnyOrder("alice", "bob");
        assertThatThrownBy(() -> onB.describeGroup(r -> r.identityStoreId(store).groupId(group)))
            .isInstanceOf(ResourceNotFoundException.class);
      });

      // B's own writes: the very next read through B sees them
      onB.updateUser(r -> r.identityStoreId(store).userId(alice).operations(o -> o.attributePath("displayName")
          .attributeValue(software.amazon.awssdk.core.document.Document.fromString("Alice Liddell"))));
      assertThat(onB.describeUser(r -> r.identityStoreId(store).userId(alice)).displayName()).isEqualTo("Alice Liddell");
      onB.createUser(r -> r.identityStoreId(store).userName("carol").displayName("Carol")
          .name(n -> n.givenName("Carol").familyName("Danvers")));
      assertThat(onB.listUsers(r -> r.identityStoreId(store)).users()).extracting(User::userName)
          .containsExactlyInAnyOrder("alice", "bob", "carol");
      onB.deleteUser(r -> r.identityStoreId(store).userId(alice));
      assertThatThrownBy(() -> onB.describeUser(r -> r.identityStoreId(store).userId(alice)))
          .isInstanceOf(ResourceNotFoundException.class);
    } finally {
      b.stop();
      a.stop();
    }
  }

  private static IdentitystoreClient client(GatehouseServer server, AwsBasicCredentials root) {
    return IdentitystoreClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(root))
        .httpClientBuilder(ApacheHttpClient.builder()).build();
  }
}
