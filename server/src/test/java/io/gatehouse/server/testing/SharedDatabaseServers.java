package io.gatehouse.server.testing;

import io.gatehouse.server.config.ServerConfig;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.runtime.GatehouseServer;
import io.gatehouse.server.storage.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * Configuration of one of several servers sharing a database in a test: its own data dir under
 * {@code dir}, one keyring shared by all (so any server opens any session token), the same root
 * key, a short shutdown grace.
 */
public final class SharedDatabaseServers {
  private SharedDatabaseServers() {}

  /** A fresh root key for the servers of one test. */
  public static AwsBasicCredentials newRoot() {
    return AwsBasicCredentials.create(Ids.uniqueId("AKIA"), Ids.secretAccessKey());
  }

  /** Starts server {@code name} on the shared database, polling the change log every 50 ms. */
  public static GatehouseServer start(Path dir, String name, AwsBasicCredentials root, Supplier<Database> shared) {
    return new GatehouseServer(config(dir, name, root, "50ms"), Clock.systemUTC(), shared).start();
  }

  /** @param changePollInterval how often it polls the change log, e.g. {@code 50ms}; null for the default */
  public static ServerConfig config(Path dir, String name, AwsBasicCredentials root, String changePollInterval) {
    Map<String, String> options = new HashMap<>(Map.of(
        "port", "0",
        "data-dir", dir.resolve(name).toString(),
        "keyring-file", dir.resolve("shared-keyring").toString(),
        "shutdown-grace", "1s",
        "root-access-key-id", root.accessKeyId(),
        "root-secret-access-key", root.secretAccessKey()));
    if (changePollInterval != null) options.put("change-poll-interval", changePollInterval);
    return ServerConfig.load(options, Map.of());
  }
}
