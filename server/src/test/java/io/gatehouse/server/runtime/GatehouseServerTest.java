package io.gatehouse.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.server.bootstrap.Bootstrap;
import io.gatehouse.server.bootstrap.RootCredentials;
import io.gatehouse.server.config.ServerConfig;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on its default embedded H2 in a data dir, as {@code gatehouse serve} runs it. */
class GatehouseServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private static ServerConfig config(Path dataDir) {
    return ServerConfig.load(Map.of("port", "0", "data-dir", dataDir.toString(), "shutdown-grace", "1s"), Map.of());
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthIsOkOnceReadyAndTheListenerClosesOnStop(@TempDir Path dataDir) throws Exception {
    GatehouseServer server = new GatehouseServer(config(dataDir), Clock.systemUTC()).start();
    int port = server.port();
    try {
      HttpResponse<String> health = get(port, "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
      assertThat(health.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    } finally {
      server.stop();
    }
    assertThat(server.ready()).isFalse();
    try {
      get(port, "/health");
      throw new AssertionError("still listening after stop");
    } catch (ConnectException expected) {
      // closed
    }
  }

  @Test
  void everyOtherPathReachesTheAwsEndpointWithItsRequestId(@TempDir Path dataDir) throws Exception {
    GatehouseServer server = new GatehouseServer(config(dataDir), Clock.systemUTC()).start();
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
          .header("X-Amz-Target", "SWBExternalService.ListInstances")
          .header("Content-Type", "application/x-amz-json-1.1")
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
      HttpResponse<String> deep = get(server.port(), "/some/deep/path%2Fencoded?x=1");
      assertThat(deep.headers().firstValue("x-amzn-RequestId")).isPresent();
    } finally {
      server.stop();
    }
  }

  @Test
  void firstStartGeneratesRootCredentialsOnceAndARestartKeepsEverything(@TempDir Path dataDir) throws Exception {
    GatehouseServer first = new GatehouseServer(config(dataDir), Clock.systemUTC()).start();
    Bootstrap.Result before = first.bootstrap();
    first.stop();

    RootCredentials root = before.rootCredentials();
    assertThat(root.origin()).isEqualTo(RootCredentials.Origin.GENERATED);
    assertThat(root.accessKeyId()).matches("AKIA[A-Z2-7]{16}");
    Path file = dataDir.resolve("root-credentials");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    String written = Files.readString(file);
    assertThat(written).contains("[gatehouse]")
        .contains("aws_access_key_id = " + root.accessKeyId())
        .contains("aws_secret_access_key = " + root.secretAccessKey().value());

    GatehouseServer second = new GatehouseServer(config(dataDir), Clock.systemUTC()).start();
    try {
      Bootstrap.Result after = second.bootstrap();
      assertThat(after.managementAccountId()).isEqualTo(before.managementAccountId());
      assertThat(after.organization()).isEqualTo(before.organization());
      assertThat(after.identityStoreId()).isEqualTo(before.identityStoreId());
      assertThat(after.instance()).isEqualTo(before.instance());
      assertThat(after.rootCredentials().accessKeyId()).isEqualTo(root.accessKeyId());
      assertThat(after.rootCredentials().origin()).isEqualTo(RootCredentials.Origin.EXISTING);
      assertThat(Files.readString(file)).as("not regenerated").isEqualTo(written);
    } finally {
      second.stop();
    }
  }

  @Test
  void configuredRootCredentialsAreUsedAndNoFileIsWritten(@TempDir Path dataDir) {
    ServerConfig config = ServerConfig.load(Map.of("port", "0", "data-dir", dataDir.toString()),
        Map.of("GATEHOUSE_ROOT_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
            "GATEHOUSE_ROOT_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    GatehouseServer server = new GatehouseServer(config, Clock.systemUTC()).start();
    try {
      RootCredentials root = server.bootstrap().rootCredentials();
      assertThat(root.origin()).isEqualTo(RootCredentials.Origin.CONFIGURED);
      assertThat(root.accessKeyId()).isEqualTo("AKIAIOSFODNN7EXAMPLE");
      assertThat(dataDir.resolve("root-credentials")).doesNotExist();
    } finally {
      server.stop();
    }
  }

  @Test
  void whileBootstrappingHealthAndRequestsAnswer503ThenHealthTurns200(@TempDir Path dataDir) throws Exception {
    var databaseMayOpen = new java.util.concurrent.CountDownLatch(1);
    GatehouseServer server = new GatehouseServer(config(dataDir), Clock.systemUTC(), () -> {
      try {
        databaseMayOpen.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return io.gatehouse.server.storage.Database.embedded(dataDir);
    });
    var starting = java.util.concurrent.CompletableFuture.runAsync(server::start);
    try {
      int port = -1;
      while (port < 0) {
        try {
          port = server.port();
        } catch (IllegalStateException notListeningYet) {
          Thread.sleep(10);
        }
      }
      HttpResponse<String> health = get(port, "/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).isEqualTo("{\"status\":\"starting\"}");
      HttpResponse<String> early = get(port, "/");
      assertThat(early.statusCode()).isEqualTo(503);
      assertThat(early.headers().firstValue("retry-after")).hasValue("1");

      databaseMayOpen.countDown();
      starting.get(120, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(get(port, "/health").statusCode()).isEqualTo(200);
    } finally {
      databaseMayOpen.countDown();
      starting.get(120, java.util.concurrent.TimeUnit.SECONDS);
      server.stop();
    }
  }

  @Test
  void stopIsIdempotent(@TempDir Path dataDir) {
    GatehouseServer server = new GatehouseServer(config(dataDir), Clock.systemUTC()).start();
    server.stop();
    server.stop();
    server.awaitStop();
    assertThat(server.ready()).isFalse();
  }
}
