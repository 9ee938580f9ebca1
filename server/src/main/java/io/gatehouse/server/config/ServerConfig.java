package io.gatehouse.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The whole, immutable configuration of a server, resolved once at start from (highest first)
 * command-line flags, {@code GATEHOUSE_*} environment variables, the optional {@code --config} file
 * and the defaults in {@link Settings}. Its {@code toString} redacts secrets.
 *
 * @param databaseUrl null for the embedded H2 database in {@code dataDir}
 * @param keyringFile null for {@code <dataDir>/keyring}
 * @param rootAccessKeyId null to generate root credentials at first start
 * @param portalMfa {@code required} or {@code off}
 * @param portalUrl null to take the portal's address from each request's Host header
 */
public record ServerConfig(
    int port,
    String bind,
    Path dataDir,
    String databaseUrl,
    String databaseUser,
    Secret databasePassword,
    Path keyringFile,
    long maxBodyBytes,
    String managementEmail,
    String rootAccessKeyId,
    Secret rootSecretAccessKey,
    Duration changePollInterval,
    Duration shutdownGrace,
    String portalMfa,
    Duration portalSessionDuration,
    String portalUrl) {

  public ServerConfig {
    if ((rootAccessKeyId == null) != (rootSecretAccessKey == null || rootSecretAccessKey.isEmpty())) {
      throw new ConfigException(Settings.ROOT_ACCESS_KEY_ID.flag() + " and " + Settings.ROOT_SECRET_ACCESS_KEY.flag()
          + " (" + Settings.ROOT_ACCESS_KEY_ID.environmentVariable() + ", "
          + Settings.ROOT_SECRET_ACCESS_KEY.environmentVariable() + ") must be given together");
    }
  }

  /** Resolves the configuration; {@code flags} are keyed by option name without dashes' prefix ({@code port}). */
  public static ServerConfig load(Map<String, String> flags, Map<String, String> environment) {
    for (String name : flags.keySet()) {
      if (Settings.ALL.stream().noneMatch(s -> s.name().equals(name))) {
        throw new ConfigException("unknown option --" + name);
      }
    }
    Resolver r = new Resolver(flags, environment, Map.of());
    Path file = r.get(Settings.CONFIG);
    if (file != null) r = new Resolver(flags, environment, readFile(file));
    Secret rootSecret = r.get(Settings.ROOT_SECRET_ACCESS_KEY);
    return new ServerConfig(
        r.get(Settings.PORT),
        r.get(Settings.BIND),
        r.get(Settings.DATA_DIR),
        r.get(Settings.DATABASE_URL),
        r.get(Settings.DATABASE_USER),
        r.get(Settings.DATABASE_PASSWORD),
        r.get(Settings.KEYRING_FILE),
        r.get(Settings.MAX_BODY_BYTES),
        r.get(Settings.MANAGEMENT_EMAIL),
        r.get(Settings.ROOT_ACCESS_KEY_ID),
        rootSecret,
        r.get(Settings.CHANGE_POLL_INTERVAL),
        r.get(Settings.SHUTDOWN_GRACE),
        r.get(Settings.PORTAL_MFA),
        r.get(Settings.PORTAL_SESSION_DURATION),
        r.get(Settings.PORTAL_URL));
  }

  /** Defaults only, as {@code gatehouse serve} with no flags, environment or file would run. */
  public static ServerConfig defaults() {
    return load(Map.of(), Map.of());
  }

  public boolean embeddedDatabase() {
    return databaseUrl == null;
  }

  public Path keyringPath() {
    return keyringFile != null ? keyringFile : dataDir.resolve("keyring");
  }

  public Path rootCredentialsPath() {
    return dataDir.resolve("root-credentials");
  }

  /** One {@code name = value} line per option, secrets redacted, for {@code --print-config} and the start log. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    Map<String, Object> values = new HashMap<>();
    values.put("port", port);
    values.put("bind", bind);
    values.put("data-dir", dataDir);
    values.put("database-url", databaseUrl == null ? "(embedded H2 in data-dir)" : databaseUrl);
    values.put("database-user", databaseUser);
    values.put("database-password", databasePassword);
    values.put("keyring-file", keyringPath());
    values.put("max-body-bytes", maxBodyBytes);
    values.put("management-email", managementEmail);
    values.put("root-access-key-id", rootAccessKeyId == null ? "(generated at first start)" : rootAccessKeyId);
    values.put("root-secret-access-key", rootSecretAccessKey == null ? "" : rootSecretAccessKey);
    values.put("change-poll-interval", changePollInterval.toMillis() + "ms");
    values.put("shutdown-grace", shutdownGrace.toMillis() + "ms");
    values.put("portal-mfa", portalMfa);
    values.put("portal-session-duration", portalSessionDuration.toMinutes() + "m");
    values.put("portal-url", portalUrl == null ? "(from each request's Host header)" : portalUrl);
    for (Setting<?> s : Settings.ALL) {
      if (s == Settings.CONFIG) continue;
      Object v = values.get(s.name());
      if (v == null) throw new IllegalStateException("describe() misses option " + s.name());
      lines.add(s.name() + " = " + (s.secret() ? new Secret(String.valueOf(v)) : v));
    }
    return lines;
  }

  private static Map<String, String> readFile(Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, String> out = new HashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.equals(Settings.CONFIG.name()) || Settings.ALL.stream().noneMatch(s -> s.name().equals(key))) {
        throw new ConfigException("unknown option `" + key + "` in config file " + file);
      }
      out.put(key, p.getProperty(key));
    }
    return out;
  }

  /** Picks each option's value from the first source that has it. */
  private record Resolver(Map<String, String> flags, Map<String, String> env, Map<String, String> file) {
    <T> T get(Setting<T> s) {
      if (flags.get(s.name()) != null) return s.parse(flags.get(s.name()), "flag " + s.flag());
      String fromEnv = env.get(s.environmentVariable());
      if (fromEnv != null && !fromEnv.isEmpty()) return s.parse(fromEnv, "environment " + s.environmentVariable());
      if (file.get(s.name()) != null) return s.parse(file.get(s.name()), "config file");
      return s.defaultValue() == null ? null : s.parse(s.defaultValue(), "default");
    }
  }
}
