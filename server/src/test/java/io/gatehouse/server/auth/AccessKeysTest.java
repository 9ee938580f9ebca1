package io.gatehouse.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatehouse.server.auth.AuthenticationException.Kind;
import io.gatehouse.server.auth.SdkSigner.Unsigned;
import io.gatehouse.server.awsprotocol.HttpRequestData;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.storage.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The access key store and its authenticator, on every database backend. */
class AccessKeysTest {
  private static final String ACCOUNT = "123456789012";
  private static final String KEY = "AKIAGATEHOUSEROOT001";
  private static final String SECRET = "rootSecret/K7MDENG+bPxRfiCYEXAMPLEKEY000";
  private static final Instant NOW = Instant.parse("2026-11-23T16:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void rootKeyIsStoredSealedOnceAndAuthenticatesAsTheRoot(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      AccessKeys keys = new AccessKeys(db, keyring(), CLOCK);

      keys.ensureRootKey(ACCOUNT, KEY, SECRET);
      keys.ensureRootKey(ACCOUNT, KEY, SECRET);

      assertThat(count(db, "SELECT COUNT(*) FROM access_keys")).isEqualTo(1);
      assertThat(count(db, "SELECT COUNT(*) FROM change_log WHERE topic = 'credentials'")).isEqualTo(1);
      StoredAccessKey row = db.withHandle(h -> new JdbcAccessKeyStore().find(h, KEY)).orElseThrow();
      assertThat(row.secretSealed()).doesNotContain(SECRET);
      assertThat(new String(Base64.getDecoder().decode(row.secretSealed()), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
      assertThat(row.status()).isEqualTo(AccessKeyStatus.ACTIVE);
      assertThat(row.principalArn()).isEqualTo("arn:aws:iam::123456789012:root");
      assertThat(row.createdAt()).isEqualTo(NOW);

      Caller caller = keys.authenticator().authenticate(signed(KEY, SECRET, null), "sts");
      assertThat(caller).isEqualTo(new Caller(ACCOUNT, "arn:aws:iam::123456789012:root", ACCOUNT,
          Caller.PrincipalType.ROOT, KEY));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void unknownKeysWrongSecretsAndSessionTokensOnLongTermKeysAreRejected(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      AccessKeys keys = new AccessKeys(db, keyring(), CLOCK);
      keys.ensureRootKey(ACCOUNT, KEY, SECRET);
      Authenticator authenticator = keys.authenticator();

      assertThatThrownBy(() -> authenticator.authenticate(signed("AKIANOBODYKNOWSTHIS", SECRET, null), "sts"))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_ACCESS_KEY))
          .hasMessage("The security token included in the request is invalid.");
      assertThatThrownBy(() -> authenticator.authenticate(signed(KEY, SECRET + "x", null), "sts"))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SIGNATURE_MISMATCH));
      assertThatThrownBy(() -> authenticator.authenticate(signed(KEY, SECRET, "some-session-token"), "sts"))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_ACCESS_KEY));
      HttpRequestData unsigned = new HttpRequestData("POST", "/", "", java.util.Map.of(), new byte[0], "127.0.0.1");
      assertThatThrownBy(() -> authenticator.authenticate(unsigned, "sts"))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.MISSING_AUTHENTICATION));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void aChangedSecretReplacesTheOldOne(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      AccessKeys keys = new AccessKeys(db, keyring(), CLOCK);
      keys.ensureRootKey(ACCOUNT, KEY, SECRET);

      keys.ensureRootKey(ACCOUNT, KEY, "aBrandNewSecretForTheRootKey0000000000000");

      assertThat(count(db, "SELECT COUNT(*) FROM change_log WHERE topic = 'credentials'")).isEqualTo(2);
      assertThatThrownBy(() -> keys.authenticator().authenticate(signed(KEY, SECRET, null), "sts"))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SIGNATURE_MISMATCH));
      assertThat(keys.authenticator().authenticate(signed(KEY, "aBrandNewSecretForTheRootKey0000000000000", null), "sts")
          .arn()).isEqualTo("arn:aws:iam::123456789012:root");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void aKeyOfAnotherAccountAndMalformedInputAreRefused(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      AccessKeys keys = new AccessKeys(db, keyring(), CLOCK);
      keys.ensureRootKey(ACCOUNT, KEY, SECRET);

      assertThatThrownBy(() -> keys.ensureRootKey("210987654321", KEY, SECRET))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("already belongs to arn:aws:iam::123456789012:root");
      assertThatThrownBy(() -> keys.ensureRootKey("12345", KEY, SECRET)).hasMessageContaining("12 digits");
      assertThatThrownBy(() -> keys.ensureRootKey(ACCOUNT, "short", SECRET)).hasMessageContaining("16-128");
      assertThatThrownBy(() -> keys.ensureRootKey(ACCOUNT, KEY, " ")).hasMessageContaining("must not be empty");
      assertThat(count(db, "SELECT COUNT(*) FROM access_keys")).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void anotherServerSeesNewAndDeactivatedKeysAfterReload(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      Keyring shared = keyring();
      AccessKeys here = new AccessKeys(db, shared, CLOCK);
      AccessKeys there = new AccessKeys(db, shared, CLOCK);

      here.ensureRootKey(ACCOUNT, KEY, SECRET);
      assertThatThrownBy(() -> there.authenticator().authenticate(signed(KEY, SECRET, null), "sts"))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_ACCESS_KEY));
      there.reload();
      assertThat(there.authenticator().authenticate(signed(KEY, SECRET, null), "sts").accountId()).isEqualTo(ACCOUNT);

      db.inTransaction(h -> new JdbcAccessKeyStore().updateStatus(h, KEY, AccessKeyStatus.INACTIVE));
      there.reload();
      assertThatThrownBy(() -> there.authenticator().authenticate(signed(KEY, SECRET, null), "sts"))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_ACCESS_KEY));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void aServerWithAnotherKeyringLeavesTheKeyOutAndSaysWhyAtStartup(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      new AccessKeys(db, keyring(), CLOCK).ensureRootKey(ACCOUNT, KEY, SECRET);
      Keyring other = Keyring.loadOrCreate(dir.resolve("other-keyring.json"));

      AccessKeys misconfigured = new AccessKeys(db, other, CLOCK);

      assertThatThrownBy(() -> misconfigured.authenticator().authenticate(signed(KEY, SECRET, null), "sts"))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_ACCESS_KEY));
      assertThatThrownBy(() -> misconfigured.ensureRootKey(ACCOUNT, KEY, SECRET))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("cannot open the stored secret of root access key " + KEY)
          .hasMessageContaining("share one keyring file");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void iamUserKeysAreIssuedDeactivatedRenamedAndDeleted(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      AccessKeys keys = new AccessKeys(db, keyring(), CLOCK);
      KeyOwner alice = new KeyOwner(ACCOUNT, "arn:aws:iam::123456789012:user/alice", "AIDAALICE00000000001",
          Caller.PrincipalType.USER);

      IssuedAccessKey issued = db.inTransaction(h -> keys.issue(h, alice));

      assertThat(issued.accessKeyId()).startsWith("AKIA").hasSize(20);
      assertThat(issued.secretAccessKey()).hasSize(40);
      assertThat(issued.toString()).doesNotContain(issued.secretAccessKey());
      assertThat(issued.createDate()).isEqualTo(NOW);
      Caller caller = keys.authenticator().authenticate(signed(issued.accessKeyId(), issued.secretAccessKey(), null), "sts");
      assertThat(caller).isEqualTo(new Caller(ACCOUNT, alice.arn(), alice.userId(), Caller.PrincipalType.USER,
          issued.accessKeyId()));
      List<AccessKeyMetadata> listed = db.withHandle(h -> keys.keysOf(h, alice.userId()));
      assertThat(listed)
          .extracting(AccessKeyMetadata::accessKeyId, AccessKeyMetadata::status)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(issued.accessKeyId(), AccessKeyStatus.ACTIVE));

      boolean deactivated = db.inTransaction(h -> keys.setStatus(h, issued.accessKeyId(), AccessKeyStatus.INACTIVE));
      assertThat(deactivated).isTrue();
      assertThatThrownBy(() -> keys.authenticator().authenticate(signed(issued.accessKeyId(), issued.secretAccessKey(), null), "sts"))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_ACCESS_KEY));
      db.inTransaction(h -> keys.setStatus(h, issued.accessKeyId(), AccessKeyStatus.ACTIVE));

      db.inTransaction(h -> {
        keys.renameOwner(h, alice.userId(), "arn:aws:iam::123456789012:user/team/alice2");
        return null;
      });
      assertThat(keys.authenticator().authenticate(signed(issued.accessKeyId(), issued.secretAccessKey(), null), "sts").arn())
          .isEqualTo("arn:aws:iam::123456789012:user/team/alice2");

      boolean deleted = db.inTransaction(h -> keys.delete(h, issued.accessKeyId()));
      boolean deletedAgain = db.inTransaction(h -> keys.delete(h, issued.accessKeyId()));
      assertThat(deleted).isTrue();
      assertThat(deletedAgain).isFalse();
      assertThatThrownBy(() -> keys.authenticator().authenticate(signed(issued.accessKeyId(), issued.secretAccessKey(), null), "sts"))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_ACCESS_KEY));
      assertThat(count(db, "SELECT COUNT(*) FROM change_log WHERE topic = 'credentials'")).isEqualTo(5);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void aRolledBackIssueLeavesNoKeyBehind(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      AccessKeys keys = new AccessKeys(db, keyring(), CLOCK);
      String[] issuedId = new String[1];

      assertThatThrownBy(() -> db.inTransaction(h -> {
        issuedId[0] = keys.issue(h, KeyOwner.root(ACCOUNT)).accessKeyId();
        throw new IllegalStateException("the IAM operation failed after issuing");
      })).hasMessageContaining("failed after issuing");

      assertThat(count(db, "SELECT COUNT(*) FROM access_keys")).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM change_log WHERE topic = 'credentials'")).isZero();
      Optional<AccessKeyMetadata> found = db.withHandle(h -> keys.find(h, issuedId[0]));
      assertThat(found).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void lastUseIsKeptInMemoryAndFlushedWithoutAChangeLogEntry(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      AccessKeys keys = new AccessKeys(db, keyring(), CLOCK);
      keys.ensureRootKey(ACCOUNT, KEY, SECRET);
      assertThat(keys.flushLastUsed()).isZero();

      keys.authenticator().authenticate(signed(KEY, SECRET, null), "sts");
      assertThat(db.withHandle(h -> keys.find(h, KEY)).orElseThrow().lastUsedDate()).isNull();

      assertThat(keys.flushLastUsed()).isEqualTo(1);
      AccessKeyMetadata used = db.withHandle(h -> keys.find(h, KEY)).orElseThrow();
      assertThat(used.lastUsedDate()).isEqualTo(NOW);
      assertThat(used.lastUsedRegion()).isEqualTo("us-east-1");
      assertThat(used.lastUsedService()).isEqualTo("sts");
      assertThat(keys.flushLastUsed()).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM change_log WHERE topic = 'credentials'")).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void aRunningServerFlushesLastUsesPeriodicallyWithoutBeingAsked(Supplier<Database> backend) throws Exception {
    try (Database db = backend.get()) {
      AccessKeys keys = new AccessKeys(db, keyring(), CLOCK);
      keys.ensureRootKey(ACCOUNT, KEY, SECRET);
      keys.startFlushing(java.time.Duration.ofMillis(20));
      try {
        assertThatThrownBy(() -> keys.startFlushing(java.time.Duration.ofMillis(20))).isInstanceOf(IllegalStateException.class);
        keys.authenticator().authenticate(signed(KEY, SECRET, null), "sts");

        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        Instant lastUsed = null;
        while (lastUsed == null && System.nanoTime() < deadline) {
          Thread.sleep(10);
          lastUsed = db.withHandle(h -> keys.find(h, KEY)).orElseThrow().lastUsedDate();
        }
        assertThat(lastUsed).as("written by the flusher within 10 s").isEqualTo(NOW);
        assertThat(keys.flushLastUsed()).as("nothing left to flush").isZero();
      } finally {
        keys.stopFlushing();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void stoppingFlushesTheUsesNotYetWritten(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      AccessKeys keys = new AccessKeys(db, keyring(), CLOCK);
      keys.ensureRootKey(ACCOUNT, KEY, SECRET);
      keys.startFlushing(java.time.Duration.ofHours(1));
      keys.authenticator().authenticate(signed(KEY, SECRET, null), "sts");
      assertThat(db.withHandle(h -> keys.find(h, KEY)).orElseThrow().lastUsedDate()).isNull();

      keys.stopFlushing();

      AccessKeyMetadata used = db.withHandle(h -> keys.find(h, KEY)).orElseThrow();
      assertThat(used.lastUsedDate()).isEqualTo(NOW);
      assertThat(used.lastUsedService()).isEqualTo("sts");
      assertThatThrownBy(() -> keys.startFlushing(java.time.Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.gatehouse.server.testing.TestDatabases#all")
  void longTermKeysAndSessionCredentialsAuthenticateTogether(Supplier<Database> backend) {
    try (Database db = backend.get()) {
      Keyring keyring = keyring();
      AccessKeys keys = new AccessKeys(db, keyring, CLOCK);
      keys.ensureRootKey(ACCOUNT, KEY, SECRET);
      SessionTokens sessions = new SessionTokens(keyring, CLOCK);
      Caller role = new Caller(ACCOUNT, "arn:aws:sts::123456789012:assumed-role/Admin/s", "AROAADMIN0000000001:s",
          Caller.PrincipalType.ASSUMED_ROLE, null);
      IssuedSession session = sessions.issue(role, NOW.plusSeconds(3600), new byte[0]);
      Authenticator both = keys.authenticatorWith(List.of(sessions));

      assertThat(both.authenticate(signed(KEY, SECRET, null), "sts").type()).isEqualTo(Caller.PrincipalType.ROOT);
      assertThat(both.authenticate(signed(session.accessKeyId(), session.secretAccessKey(), session.sessionToken()), "sts")
          .arn()).isEqualTo(role.arn());
      assertThat(keys.flushLastUsed()).isEqualTo(1);
    }
  }

  private Keyring keyring() {
    return Keyring.loadOrCreate(dir.resolve("keyring.json"));
  }

  private static HttpRequestData signed(String accessKeyId, String secret, String token) {
    return SdkSigner.sign(Unsigned.post("application/x-www-form-urlencoded; charset=utf-8",
            "Action=GetCallerIdentity&Version=2011-06-15".getBytes(StandardCharsets.UTF_8)),
        accessKeyId, secret, token, "us-east-1", "sts", CLOCK, null);
  }

  private static long count(Database db, String sql) {
    return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
