package io.gatehouse.server.auth;

import io.gatehouse.server.auth.AuthenticationException.Kind;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.crypto.SealedDataException;
import io.gatehouse.server.storage.ChangeLog;
import io.gatehouse.server.storage.Database;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
  private static final Logger LOG = LoggerFactory.getLogger(AccessKeys.class);

  private final Database db;
  private final Keyring keyring;
  private final Clock clock;
  private final AccessKeyStore store = new JdbcAccessKeyStore();
  private final CredentialResolver resolver = this::resolve;
  private final Authenticator authenticator;
  private volatile Map<String, SigningCredential> active = Map.of();

  public AccessKeys(Database db, Keyring keyring, Clock clock) {
    this.db = db;
    this.keyring = keyring;
    this.clock = clock;
    this.authenticator = new SigV4Authenticator(new SigV4Verifier(clock), List.of(resolver));
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
    Caller root = Caller.root(accountId, accessKeyId);
    db.inTransaction(handle -> {
      Optional<StoredAccessKey> existing = store.find(handle, accessKeyId);
      if (existing.isEmpty()) {
        StoredAccessKey key = new StoredAccessKey(accessKeyId, accountId, root.arn(), root.userId(), root.type(),
            seal(accessKeyId, secretAccessKey), AccessKeyStatus.ACTIVE, clock.instant(), null, null, null);
        if (store.insertIfAbsent(handle, key)) {
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

  /**
   * An IAM user's access key as IAM reports it (never the secret).
   *
   * @param principalArn the user's ARN
   * @param principalUserId the user's unique id ({@code AIDA…})
   */
  public record UserAccessKey(String accessKeyId, String accountId, String principalArn, String principalUserId,
      AccessKeyStatus status, Instant createdAt, Instant lastUsedAt, String lastUsedRegion, String lastUsedService) {}

  /**
   * Stores a new active key of an IAM user in the caller's transaction (IAM's CreateAccessKey), its
   * secret sealed like the root's. The transaction appends {@value #TOPIC}, so every server, this
   * one at commit, reloads and the key signs requests at once.
   */
  public UserAccessKey createUserKey(Handle handle, String accountId, String userArn, String userId,
      String accessKeyId, String secretAccessKey) {
    requireAccountId(accountId);
    requireAccessKeyId(accessKeyId);
    StoredAccessKey key = new StoredAccessKey(accessKeyId, accountId, userArn, userId, Caller.PrincipalType.USER,
        seal(accessKeyId, secretAccessKey), AccessKeyStatus.ACTIVE, clock.instant(), null, null, null);
    if (!store.insertIfAbsent(handle, key)) {
      throw new IllegalStateException("access key id " + accessKeyId + " exists already");
    }
    ChangeLog.append(handle, TOPIC);
    return userKey(key);
  }

  /** The keys of one principal (an IAM user's id), oldest first, in the caller's handle. */
  public List<UserAccessKey> keysOf(Handle handle, String principalUserId) {
    return store.forPrincipal(handle, principalUserId).stream().map(AccessKeys::userKey).toList();
  }

  public Optional<UserAccessKey> find(Handle handle, String accessKeyId) {
    return store.find(handle, accessKeyId).map(AccessKeys::userKey);
  }

  /** Activates or deactivates a key in the caller's transaction; true if it exists. */
  public boolean setStatus(Handle handle, String accessKeyId, AccessKeyStatus status) {
    boolean updated = store.updateStatus(handle, accessKeyId, status);
    if (updated) ChangeLog.append(handle, TOPIC);
    return updated;
  }

  /** Deletes a key in the caller's transaction; true if it existed. */
  public boolean delete(Handle handle, String accessKeyId) {
    boolean deleted = store.delete(handle, accessKeyId);
    if (deleted) ChangeLog.append(handle, TOPIC);
    return deleted;
  }

  /** Points a principal's keys at its new ARN (IAM's UpdateUser renames users and moves them between paths). */
  public void renamePrincipal(Handle handle, String principalUserId, String newArn) {
    int changed = handle.createUpdate("UPDATE access_keys SET principal_arn = :arn WHERE principal_user_id = :id")
        .bind("arn", newArn).bind("id", principalUserId).execute();
    if (changed > 0) ChangeLog.append(handle, TOPIC);
  }

  private static UserAccessKey userKey(StoredAccessKey k) {
    return new UserAccessKey(k.accessKeyId(), k.accountId(), k.principalArn(), k.principalUserId(), k.status(),
        k.createdAt(), k.lastUsedAt(), k.lastUsedRegion(), k.lastUsedService());
  }

  /** Verifies SigV4 with long-term keys only; the runtime composes more resolvers as they arrive. */
  public Authenticator authenticator() {
    return authenticator;
  }

  /** Resolves the active long-term keys from memory; refuses a session token with a long-term key. */
  public CredentialResolver resolver() {
    return resolver;
  }

  /**
   * Re-reads every key from the database and swaps the in-memory map. A key whose secret this
   * keyring cannot open is left out (and logged), so one bad row never locks everyone out.
   */
  public void reload() {
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
    active = Map.copyOf(next);
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
