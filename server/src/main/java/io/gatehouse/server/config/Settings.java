package io.gatehouse.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every option of {@code gatehouse serve}, each declared exactly once. */
public final class Settings {
  private Settings() {}

  public static final Setting<Path> CONFIG = new Setting<>("config", "FILE", null,
      "Properties file with more options (keys are the option names, e.g. `port=8080`); flags and environment win over it.",
      false, Settings::path);
  public static final Setting<Integer> PORT = new Setting<>("port", "PORT", "8080",
      "TCP port to listen on; 0 picks a free port.", false, raw -> intIn(raw, 0, 65535));
  public static final Setting<String> BIND = new Setting<>("bind", "ADDRESS", "127.0.0.1",
      "Address to listen on; 0.0.0.0 listens on every interface.", false, Settings::nonBlank);
  public static final Setting<Path> DATA_DIR = new Setting<>("data-dir", "DIR", "./data",
      "Directory for the embedded database, the keyring and the generated root credentials.", false, Settings::path);
  public static final Setting<String> DATABASE_URL = new Setting<>("database-url", "URL", null,
      "JDBC URL of an external database (jdbc:postgresql://host:5432/db); unset: embedded H2 in the data dir.",
      false, Settings::jdbcUrl);
  public static final Setting<String> DATABASE_USER = new Setting<>("database-user", "USER", "",
      "User for --database-url.", false, raw -> raw);
  public static final Setting<Secret> DATABASE_PASSWORD = new Setting<>("database-password", "PASSWORD", "",
      "Password for --database-url (prefer the environment variable to a flag).", true, Secret::new);
  public static final Setting<Path> KEYRING_FILE = new Setting<>("keyring-file", "FILE", null,
      "Keyring that encrypts stored secrets; unset: <data-dir>/keyring, created at first start. Servers sharing a database must share it.",
      false, Settings::path);
  public static final Setting<Long> MAX_BODY_BYTES = new Setting<>("max-body-bytes", "BYTES", "1048576",
      "Largest request body accepted; larger ones are rejected with the protocol's error.", false,
      raw -> longIn(raw, 1, Integer.MAX_VALUE - 8));
  public static final Setting<String> MANAGEMENT_EMAIL = new Setting<>("management-email", "EMAIL", "admin@example.com",
      "Email of the management account created at first start.", false, Settings::email);
  public static final Setting<String> ROOT_ACCESS_KEY_ID = new Setting<>("root-access-key-id", "KEY_ID", null,
      "Access key id of the management account's root; unset: generated at first start and written to <data-dir>/root-credentials.",
      false, Settings::accessKeyId);
  public static final Setting<Secret> ROOT_SECRET_ACCESS_KEY = new Setting<>("root-secret-access-key", "SECRET", null,
      "Secret access key that goes with --root-access-key-id (prefer the environment variable to a flag).",
      true, Settings::secretKey);
  public static final Setting<Duration> CHANGE_POLL_INTERVAL = new Setting<>("change-poll-interval", "DURATION", "250ms",
      "How often to look for changes made by other servers sharing the database.", false,
      raw -> durationIn(raw, Duration.ofMillis(10), Duration.ofMinutes(1)));
  public static final Setting<Duration> SHUTDOWN_GRACE = new Setting<>("shutdown-grace", "DURATION", "10s",
      "How long a shutdown waits for requests in flight.", false,
      raw -> durationIn(raw, Duration.ZERO, Duration.ofMinutes(10)));

  public static final Setting<String> PORTAL_MFA = new Setting<>("portal-mfa", "MODE", "required",
      "Whether access-portal users sign in with an authenticator app's code after their password: required (users without"
          + " one register it at sign-in) or off.", false, Settings::mfaMode);
  public static final Setting<Duration> PORTAL_SESSION_DURATION = new Setting<>("portal-session-duration", "DURATION", "8h",
      "How long an access-portal sign-in (and the CLI's token from `aws sso login`) lasts.", false,
      raw -> durationIn(raw, Duration.ofMinutes(15), Duration.ofDays(7)));
  public static final Setting<String> PORTAL_URL = new Setting<>("portal-url", "URL", null,
      "The access portal's address as users' browsers reach it (e.g. https://sso.example.com); unset: taken from each"
          + " request's Host header. The CLI's sso_start_url is this address followed by /start.", false, Settings::httpUrl);

  /** In the order {@code --help} and the docs list them. */
  public static final List<Setting<?>> ALL = List.of(CONFIG, PORT, BIND, DATA_DIR, DATABASE_URL, DATABASE_USER,
      DATABASE_PASSWORD, KEYRING_FILE, MAX_BODY_BYTES, MANAGEMENT_EMAIL, ROOT_ACCESS_KEY_ID, ROOT_SECRET_ACCESS_KEY,
      CHANGE_POLL_INTERVAL, SHUTDOWN_GRACE, PORTAL_MFA, PORTAL_SESSION_DURATION, PORTAL_URL);

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
  private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");

  private static Path path(String raw) {
    nonBlank(raw);
    try {
      return Path.of(raw);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a valid path");
    }
  }

  private static String nonBlank(String raw) {
    if (raw.isBlank()) throw new IllegalArgumentException("must not be empty");
    return raw;
  }

  private static int intIn(String raw, int min, int max) {
    return (int) longIn(raw, min, max);
  }

  private static long longIn(String raw, long min, long max) {
    long value;
    try {
      value = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number");
    }
    if (value < min || value > max) throw new IllegalArgumentException("must be between " + min + " and " + max);
    return value;
  }

  private static Duration durationIn(String raw, Duration min, Duration max) {
    Matcher m = DURATION.matcher(raw);
    if (!m.matches()) throw new IllegalArgumentException("not a duration such as 250ms, 10s, 2m or 8h");
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofMinutes(n);
    };
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw new IllegalArgumentException("must be between " + min.toMillis() + "ms and " + max.toMillis() + "ms");
    }
    return d;
  }

  private static String jdbcUrl(String raw) {
    if (!raw.startsWith("jdbc:postgresql:") && !raw.startsWith("jdbc:h2:")) {
      throw new IllegalArgumentException("must be a jdbc:postgresql: (or jdbc:h2:) URL");
    }
    return raw;
  }

  private static String mfaMode(String raw) {
    if (!raw.equals("required") && !raw.equals("off")) throw new IllegalArgumentException("must be required or off");
    return raw;
  }

  private static String httpUrl(String raw) {
    if (!raw.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
      throw new IllegalArgumentException("must be an http:// or https:// URL without query or fragment");
    }
    return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
  }

  private static String email(String raw) {
    if (!EMAIL.matcher(raw).matches()) throw new IllegalArgumentException("not an email address");
    return raw;
  }

  private static String accessKeyId(String raw) {
    if (!ACCESS_KEY_ID.matcher(raw).matches()) {
      throw new IllegalArgumentException("an access key id is 16 to 128 upper-case letters and digits");
    }
    return raw;
  }

  private static Secret secretKey(String raw) {
    if (raw.length() < 16) throw new IllegalArgumentException("a secret access key has at least 16 characters");
    return new Secret(raw);
  }
}
