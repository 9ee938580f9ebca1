package io.gatehouse.server.auth;

import io.gatehouse.server.auth.AuthenticationException.Kind;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.crypto.SealedDataException;
import io.gatehouse.server.storage.ChangeLog;
import io.gatehouse.server.storage.Database;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-term access keys: stored in {@code access_keys} with their secrets sealed by the keyring,
 * served from an immutable in-memory map that {@link #reload()} replaces as a whole. The request
 * path ({@link #authenticator()}, {@link #resolver()}) never reads the database.
 *
 * <p>Writes append the change-log topic {@value #TOPIC}; every server calls {@link #reload()} when
 * that topic advances, and this server reloads right after its own writes.
 */
public final class AccessKeys {
  /** The change-log topic of every credential write. */
  public static final String TOPIC = "credentials";
  /**
   * How often a running server writes when its keys were last used. AWS itself reports last use
   * with a delay of hours; a few seconds keeps other servers' GetAccessKeyLastUsed close, while
   * the server answering it flushes first (see {@link #flushLastUsed()}).
   */
  public static final Duration LAST_USED_FLUSH_INTERVAL = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(AccessKeys.class);

  private final Database db;
  private final Keyring keyring;
  private final Clock clock;
  private final AccessKeyStore store = new JdbcAccessKeyStore();
  private final CredentialResolver resolver = this::resolve;
  private final Authenticator authenticator;
  private final ConcurrentHashMap<String, LastUse> unflushedUses = new ConcurrentHashMap<>();
  private final ReentrantLock reloading = new ReentrantLock();
  private volatile Map<String, SigningCredential> active = Map.of();
  private ScheduledExecutorService flusher;

  private record LastUse(Instant at, String region, String service) {}

  public AccessKeys(Database db, Keyring keyring, Clock clock) {
    this.db = db;
    this.keyring = keyring;
    this.clock = clock;
    this.authenticator = new SigV4Authenticator(new SigV4Verifier(clock), List.of(resolver), this::recordUse);
    reload();
  }

  /**
   * Makes sure the account's root has this key with this secret: inserts it if it is new, replaces
   * the secret if the operator changed it, and does nothing otherwise.
   *
   * @throws IllegalArgumentException for a malformed account id, key id or secret, or a key id that
   *     already belongs to another principal
   * @throws IllegalStateException when the stored secret cannot be opened with this keyring (the
   *     servers sharing this database must share one keyring file)
   */
  public void ensureRootKey(String accountId, String accessKeyId, String secretAccessKey) {
    requireAccountId(accountId);
    requireAccessKeyId(accessKeyId);
    if (secretAccessKey == null || secretAccessKey.isBlank()) {
      throw new IllegalArgumentException("the root secret access key must not be empty");
    }
    KeyOwner root = KeyOwner.root(accountId);
    db.inTransaction(handle -> {
      Optional<StoredAccessKey> existing = store.find(handle, accessKeyId);
      if (existing.isEmpty()) {
        if (store.insertIfAbsent(handle, newKey(root, accessKeyId, secretAccessKey))) {
          ChangeLog.append(handle, TOPIC);
          LOG.info("stored root access key {} of account {}", accessKeyId, accountId);
          return null;
        }
        // Another server inserted it between our read and our write: check what it stored.
        existing = store.find(handle, accessKeyId);
      }
      StoredAccessKey key = existing.orElseThrow();
      if (!key.principalArn().equals(root.arn())) {
        throw new IllegalArgumentException("access key " + accessKeyId + " already belongs to " + key.principalArn()
            + ", not to " + root.arn());
      }
      String stored;
      try {
        stored = open(key);
      } catch (SealedDataException e) {
        throw new IllegalStateException("cannot open the stored secret of root access key " + accessKeyId + ": "
            + e.getMessage(), e);
      }
      if (!stored.equals(secretAccessKey)) {
        store.updateSecret(handle, accessKeyId, seal(accessKeyId, secretAccessKey));
        ChangeLog.append(handle, TOPIC);
        LOG.info("replaced the secret of root access key {} of account {}", accessKeyId, accountId);
      }
      return null;
    });
    reload();
  }

  /** Verifies SigV4 with long-term keys only. */
  public Authenticator authenticator() {
    return authenticator;
  }

  /**
   * Verifies SigV4 with long-term keys first, then {@code others} (e.g. {@link SessionTokens}),
   * still recording when long-term keys were last used.
   */
  public Authenticator authenticatorWith(List<CredentialResolver> others) {
    List<CredentialResolver> all = new java.util.ArrayList<>(1 + others.size());
    all.add(resolver);
    all.addAll(others);
    return new SigV4Authenticator(new SigV4Verifier(clock), all, this::recordUse);
  }

  /** Resolves the active long-term keys from memory; refuses a session token with a long-term key. */
  public CredentialResolver resolver() {
    return resolver;
  }

  // ---- for IAM's access key operations (issue 3): call inside db.inTransaction; this server
  // reloads after the commit, the others when the change log's "credentials" topic advances.

  /** Creates an active key with a fresh {@code AKIA} id and secret for {@code owner}. */
  public IssuedAccessKey issue(Handle handle, KeyOwner owner) {
    String accessKeyId = Ids.uniqueId("AKIA");
    String secret = Ids.secretAccessKey();
    StoredAccessKey key = newKey(owner, accessKeyId, secret);
    if (!store.insertIfAbsent(handle, key)) {
      throw new IllegalStateException("access key id collision on " + accessKeyId);
    }
    changed(handle);
    return new IssuedAccessKey(accessKeyId, secret, key.status(), key.createdAt());
  }

  /** Activates or deactivates a key; false if there is no such key. */
  public boolean setStatus(Handle handle, String accessKeyId, AccessKeyStatus status) {
    boolean updated = store.updateStatus(handle, accessKeyId, status);
    if (updated) changed(handle);
    return updated;
  }

  /** Deletes a key; false if there is no such key. */
  public boolean delete(Handle handle, String accessKeyId) {
    boolean deleted = store.delete(handle, accessKeyId);
    if (deleted) changed(handle);
    return deleted;
  }

  /** Re-points a user's keys at the user's new ARN (UpdateUser with a new name or path). */
  public void renameOwner(Handle handle, String ownerUserId, String newArn) {
    if (store.updatePrincipalArn(handle, ownerUserId, newArn) > 0) changed(handle);
  }

  /** A principal's keys, oldest first, without secrets. */
  public List<AccessKeyMetadata> keysOf(Handle handle, String ownerUserId) {
    return store.forPrincipal(handle, ownerUserId).stream().map(AccessKeyMetadata::of).toList();
  }

  public Optional<AccessKeyMetadata> find(Handle handle, String accessKeyId) {
    return store.find(handle, accessKeyId).map(AccessKeyMetadata::of);
  }

  /**
   * Writes when each key was last used (recorded in memory on every accepted request) to the
   * database, for GetAccessKeyLastUsed. Not a credentials change: no change-log entry. The runtime
   * runs it every {@link #LAST_USED_FLUSH_INTERVAL} ({@link #startFlushing}) and at shutdown, and
   * GetAccessKeyLastUsed runs it before reading, so the server answering sees its own latest uses.
   *
   * @return how many keys were written
   */
  public int flushLastUsed() {
    if (unflushedUses.isEmpty()) return 0;
    Map<String, LastUse> batch = new HashMap<>();
    for (String key : unflushedUses.keySet()) {
      LastUse use = unflushedUses.remove(key);
      if (use != null) batch.put(key, use);
    }
    try {
      return db.inTransaction(handle -> {
        int written = 0;
        for (Map.Entry<String, LastUse> e : batch.entrySet()) {
          LastUse use = e.getValue();
          if (store.recordLastUse(handle, e.getKey(), use.at(), use.region(), use.service())) written++;
        }
        return written;
      });
    } catch (RuntimeException e) {
      batch.forEach(unflushedUses::putIfAbsent); // a newer use, recorded meanwhile, wins
      throw e;
    }
  }

  /**
   * Flushes the last uses every {@code interval} on a daemon thread until {@link #stopFlushing()}.
   * A failed flush (e.g. the database briefly away) is logged and retried at the next tick; the
   * uses it had taken are put back unless a newer use of the same key arrived meanwhile.
   */
  public synchronized void startFlushing(Duration interval) {
    if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("flush interval must be positive");
    if (flusher != null) throw new IllegalStateException("already flushing");
    flusher = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("access-key-last-used").daemon()
        .unstarted(r));
    long millis = interval.toMillis();
    flusher.scheduleWithFixedDelay(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Stops the periodic flush (waiting for one in progress) and flushes what is left; for shutdown. */
  public void stopFlushing() {
    ScheduledExecutorService running;
    synchronized (this) {
      running = flusher;
      flusher = null;
    }
    if (running != null) {
      running.shutdown();
      try {
        if (!running.awaitTermination(10, TimeUnit.SECONDS)) LOG.warn("the last-used flush did not finish in 10 s");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    flushQuietly();
  }

  private void flushQuietly() {
    try {
      flushLastUsed();
    } catch (RuntimeException e) {
      LOG.warn("could not record when access keys were last used (retried at the next flush): {}", e.toString());
    }
  }

  /**
   * Re-reads every key from the database and swaps the in-memory map. A key whose secret this
   * keyring cannot open is left out (and logged), so one bad row never locks everyone out.
   */
  public void reload() {
    // One reload at a time, so that a slow read never replaces the map of a newer one.
    reloading.lock();
    try {
      active = load();
    } finally {
      reloading.unlock();
    }
  }

  private Map<String, SigningCredential> load() {
    List<StoredAccessKey> rows = db.withHandle(store::all);
    Map<String, SigningCredential> next = new HashMap<>(rows.size() * 2);
    for (StoredAccessKey row : rows) {
      if (row.status() != AccessKeyStatus.ACTIVE) continue;
      try {
        Caller caller = new Caller(row.accountId(), row.principalArn(), row.principalUserId(), row.principalType(),
            row.accessKeyId());
        next.put(row.accessKeyId(), new SigningCredential(row.accessKeyId(), open(row), caller));
      } catch (SealedDataException e) {
        LOG.warn("access key {} left out: {}", row.accessKeyId(), e.getMessage());
      }
    }
    return Map.copyOf(next);
  }

  private StoredAccessKey newKey(KeyOwner owner, String accessKeyId, String secret) {
    return new StoredAccessKey(accessKeyId, owner.accountId(), owner.arn(), owner.userId(), owner.type(),
        seal(accessKeyId, secret), AccessKeyStatus.ACTIVE, clock.instant(), null, null, null);
  }

  private void changed(Handle handle) {
    ChangeLog.append(handle, TOPIC);
    handle.afterCommit(this::reload);
  }

  private void recordUse(SigningCredential credential, SignedRequest request) {
    if (active.get(credential.accessKeyId()) == credential) {
      unflushedUses.put(credential.accessKeyId(),
          new LastUse(clock.instant(), request.scope().region(), request.scope().service()));
    }
  }

  private SigningCredential resolve(String accessKeyId, String sessionToken) {
    SigningCredential credential = active.get(accessKeyId);
    if (credential == null) return null;
    if (sessionToken != null) {
      // A long-term key never comes with a session token; AWS rejects the pair the same way.
      throw new AuthenticationException(Kind.UNKNOWN_ACCESS_KEY, SigV4Authenticator.INVALID_TOKEN);
    }
    return credential;
  }

  private String seal(String accessKeyId, String secret) {
    return Base64.getEncoder().encodeToString(keyring.seal(secret.getBytes(StandardCharsets.UTF_8), aad(accessKeyId)));
  }

  private String open(StoredAccessKey key) {
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(key.secretSealed());
    } catch (IllegalArgumentException e) {
      sealed = new byte[0]; // reported as malformed by the keyring
    }
    return new String(keyring.open(sealed, aad(key.accessKeyId())), StandardCharsets.UTF_8);
  }

  /** Binds each sealed secret to its key id, so a row's ciphertext cannot be moved to another key. */
  private static byte[] aad(String accessKeyId) {
    return ("gatehouse/access-key/" + accessKeyId).getBytes(StandardCharsets.UTF_8);
  }

  private static void requireAccountId(String accountId) {
    if (accountId == null || accountId.length() != 12 || !accountId.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("account id must be 12 digits, got `" + accountId + "`");
    }
  }

  private static void requireAccessKeyId(String accessKeyId) {
    boolean ok = accessKeyId != null && accessKeyId.length() >= 16 && accessKeyId.length() <= 128
        && accessKeyId.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 0x80 || c == '_');
    if (!ok) {
      throw new IllegalArgumentException("access key id must be 16-128 letters, digits or underscores (as on AWS), got `"
          + accessKeyId + "`");
    }
  }
}
