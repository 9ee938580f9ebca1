package io.gatehouse.server.testing;

import io.gatehouse.server.config.ServerConfig;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.runtime.GatehouseServer;
import io.gatehouse.server.storage.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * A Gatehouse server in the test's JVM on a free port, for integration tests that drive it with
 * the AWS SDK for Java v2. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension static GatehouseTestServer server = GatehouseTestServer.h2();
 *
 * @Test void listsTheInstance() {
 *   try (SsoAdminClient sso = server.client(SsoAdminClient.builder())) {
 *     assertThat(sso.listInstances().instances()).hasSize(1);
 *   }
 * }
 * }</pre>
 *
 * <p>To run one suite on both backends, make it abstract with a subclass per backend
 * ({@link #h2()}, {@link #postgres()}). On PostgreSQL each server gets a fresh schema from
 * {@link TestDatabases#postgres()}; where none is configured the tests are skipped (outside CI).
 * The root credentials are random but known; the clock is a {@link MutableClock}.
 */
public final class GatehouseTestServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {
  private final String backend;
  private final Supplier<Database> database;
  private final Map<String, String> extraOptions = new HashMap<>();
  private final MutableClock clock = new MutableClock();
  private final AwsBasicCredentials root =
      AwsBasicCredentials.create(Ids.uniqueId("AKIA"), Ids.secretAccessKey());
  private final List<AutoCloseable> clients = new ArrayList<>();
  private Path dataDir;
  private GatehouseServer server;

  private GatehouseTestServer(String backend, Supplier<Database> database) {
    this.backend = backend;
    this.database = database;
  }

  /** On a private in-memory H2 database. */
  public static GatehouseTestServer h2() {
    return new GatehouseTestServer("h2", TestDatabases::h2);
  }

  /** On a fresh schema of the test PostgreSQL ({@code GATEHOUSE_TEST_PG_URL}). */
  public static GatehouseTestServer postgres() {
    return new GatehouseTestServer("postgresql", TestDatabases::postgres);
  }

  /** By backend name, {@code h2} or {@code postgresql}. */
  public static GatehouseTestServer on(String backend) {
    return switch (backend) {
      case "h2" -> h2();
      case "postgresql" -> postgres();
      default -> throw new IllegalArgumentException("unknown backend " + backend);
    };
  }

  /** Sets a server option by its name (e.g. {@code max-body-bytes}) before the server starts. */
  public GatehouseTestServer withOption(String name, String value) {
    if (server != null) throw new IllegalStateException("the server has started");
    extraOptions.put(name, value);
    return this;
  }

  public String backend() {
    return backend;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Starts the server unless it runs already. */
  public synchronized GatehouseTestServer start() {
    if (server != null) return this;
    try {
      dataDir = Files.createTempDirectory("gatehouse-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> options = new HashMap<>(Map.of(
        "port", "0",
        "data-dir", dataDir.toString(),
        "root-access-key-id", root.accessKeyId(),
        "root-secret-access-key", root.secretAccessKey(),
        "shutdown-grace", "2s"));
    options.putAll(extraOptions);
    ServerConfig config = ServerConfig.load(options, Map.of());
    server = new GatehouseServer(config, clock, database).start();
    return this;
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable c : clients) {
      try {
        c.close();
      } catch (Exception ignored) {
        // a client that fails to close cannot affect the next test
      }
    }
    clients.clear();
    if (server != null) {
      server.stop();
      server = null;
    }
    if (dataDir != null) {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a leftover temp dir is harmless
      }
      dataDir = null;
    }
  }

  public GatehouseServer server() {
    if (server == null) throw new IllegalStateException("the server is not running");
    return server;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server().port());
  }

  public AwsBasicCredentials rootCredentials() {
    return root;
  }

  /**
   * Configures any SDK v2 client for this server: endpoint override, region us-east-1, the root
   * credentials, and for synchronous clients the Apache HTTP client (several are on the test
   * classpath, so one must be named). The client is closed with the server.
   */
  public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
    builder.endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(root));
    if (builder instanceof SdkSyncClientBuilder<?, ?> sync) {
      sync.httpClientBuilder(ApacheHttpClient.builder());
    }
    C client = builder.build();
    if (client instanceof AutoCloseable closeable) {
      synchronized (this) {
        clients.add(closeable);
      }
    }
    return client;
  }

  public String managementAccountId() {
    return server().bootstrap().managementAccountId();
  }

  public String identityStoreId() {
    return server().bootstrap().identityStoreId();
  }

  public String instanceArn() {
    return server().bootstrap().instance().instanceArn();
  }

  public MutableClock clock() {
    return clock;
  }

  /** The server's data directory (keyring, root-credentials). */
  public Path dataDir() {
    return dataDir;
  }
}
