package io.gatehouse.server.portal;

import io.gatehouse.server.crypto.PasswordHash;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * How a browser signs in: the password (a one-time one is replaced at once), then, where MFA is
 * required or the user has an authenticator, its code (a user without one registers it first).
 * Each step moves the browser's session to the next {@link Stage}; only {@code SIGNED_IN} may use
 * the portal. Wrong passwords and codes count together, and at the limit lock the user for a while.
 */
final class SignIn {
  /** How long a browser may take between typing the password and finishing sign-in. */
  static final Duration SIGN_IN_STEPS = Duration.ofMinutes(10);
  static final String WRONG_CREDENTIALS = "The username or password is incorrect.";
  static final String LOCKED = "Too many failed attempts. Try again in a few minutes, or ask an administrator.";
  static final String WRONG_CODE = "The code is not right. Type the current code from your authenticator app.";
  static final String ISSUER = "Gatehouse";

  /** What a step did: the session it moved to (with the new cookie when it made one), or why it did not. */
  record Step(BrowserSession session, String cookie, String error) {
    static Step failed(String error) {
      return new Step(null, null, error);
    }

    boolean ok() {
      return error == null;
    }
  }

  /** What the user needs to add an authenticator app: the secret as typed, and as an otpauth:// link. */
  record Enrollment(String secret, String uri) {}

  /** A dummy hash checked for unknown users, so that timing does not tell which user names exist. */
  private static final String DUMMY_HASH = PasswordHash.hash("not-a-password-" + Secrets.random("x"));

  private final Database db;
  private final Clock clock;
  private final PortalSettings settings;
  private final MfaSecrets mfaSecrets;
  private final Supplier<String> identityStoreId;

  SignIn(Database db, Clock clock, PortalSettings settings, MfaSecrets mfaSecrets, Supplier<String> identityStoreId) {
    this.db = db;
    this.clock = clock;
    this.settings = settings;
    this.mfaSecrets = mfaSecrets;
    this.identityStoreId = identityStoreId;
  }

  Step password(String userName, String password) {
    if (userName == null || userName.isBlank() || password == null || password.isEmpty()) {
      return Step.failed(WRONG_CREDENTIALS);
    }
    Instant now = clock.instant();
    Optional<PortalUser> found = db.withHandle(h -> new JdbcSignInStore(h).userByName(identityStoreId.get(), userName.strip()));
    Optional<StoredPassword> stored = found.flatMap(u -> db.withHandle(h -> new JdbcSignInStore(h).password(u.userId())));
    // the hash is checked outside any transaction: it takes a good part of a second on purpose
    boolean matches = PasswordHash.matches(password, stored.map(StoredPassword::hash).orElse(DUMMY_HASH));
    if (found.isEmpty() || stored.isEmpty() || !found.get().enabled()) return Step.failed(WRONG_CREDENTIALS);
    PortalUser user = found.get();
    if (stored.get().lockedAt(now)) return Step.failed(LOCKED);
    if (!matches) {
      failed(user.userId(), now);
      return Step.failed(WRONG_CREDENTIALS);
    }
    return db.inTransaction(h -> {
      JdbcSignInStore store = new JdbcSignInStore(h);
      store.clearFailures(user.userId());
      store.deleteExpiredSessions(now);
      Stage stage = stored.get().mustChange() ? Stage.PASSWORD : stageAfterPassword(store, user.userId());
      String pending = stage == Stage.MFA_SETUP ? mfaSecrets.seal(user.userId(), Totp.newSecret()) : null;
      String cookie = Secrets.random("ghs_");
      BrowserSession session = new BrowserSession(Secrets.sha256(cookie), user.userId(), stage, pending,
          Secrets.random(""), expiry(stage, now));
      store.createSession(session, now);
      return new Step(session, cookie, null);
    });
  }

  Step changePassword(BrowserSession session, String newPassword, String confirmation) {
    if (session.stage() != Stage.PASSWORD) return Step.failed("This sign-in has no password to change.");
    Optional<String> problem = PasswordRules.problem(newPassword);
    if (problem.isPresent()) return Step.failed(problem.get());
    if (!newPassword.equals(confirmation)) return Step.failed("The two passwords are not the same.");
    Optional<StoredPassword> old = db.withHandle(h -> new JdbcSignInStore(h).password(session.userId()));
    if (old.isPresent() && PasswordHash.matches(newPassword, old.get().hash())) {
      return Step.failed("Choose a password other than the one-time password.");
    }
    String hash = PasswordHash.hash(newPassword);
    Instant now = clock.instant();
    return db.inTransaction(h -> {
      JdbcSignInStore store = new JdbcSignInStore(h);
      Stage next = stageAfterPassword(store, session.userId());
      String pending = next == Stage.MFA_SETUP ? mfaSecrets.seal(session.userId(), Totp.newSecret()) : null;
      if (!store.advance(session.sessionHash(), Stage.PASSWORD, next, pending, expiry(next, now))) {
        return Step.failed("This sign-in has ended. Sign in again.");
      }
      store.setPassword(session.userId(), hash, false, now);
      return moved(store, session);
    });
  }

  Enrollment enrollment(BrowserSession session, String userName) {
    if (session.stage() != Stage.MFA_SETUP || session.pendingSecret() == null) {
      throw new IllegalStateException("no authenticator is being registered");
    }
    byte[] secret = mfaSecrets.open(session.userId(), session.pendingSecret());
    return new Enrollment(Totp.base32(secret), Totp.provisioningUri(ISSUER, userName, secret));
  }

  Step completeEnrollment(BrowserSession session, String code) {
    if (session.stage() != Stage.MFA_SETUP || session.pendingSecret() == null) {
      return Step.failed("This sign-in is not registering an authenticator.");
    }
    Instant now = clock.instant();
    byte[] secret = mfaSecrets.open(session.userId(), session.pendingSecret());
    OptionalLong step = Totp.verify(secret, code, now, Long.MIN_VALUE);
    if (step.isEmpty()) {
      failed(session.userId(), now);
      return Step.failed(WRONG_CODE);
    }
    return db.inTransaction(h -> {
      JdbcSignInStore store = new JdbcSignInStore(h);
      if (!store.advance(session.sessionHash(), Stage.MFA_SETUP, Stage.SIGNED_IN, null, expiry(Stage.SIGNED_IN, now))) {
        return Step.failed("This sign-in has ended. Sign in again.");
      }
      store.addDevice(new MfaDevice("mfa-" + io.gatehouse.server.core.Ids.hex(16), session.userId(),
          mfaSecrets.seal(session.userId(), secret), step.getAsLong(), now));
      store.clearFailures(session.userId());
      return moved(store, session);
    });
  }

  Step verifyCode(BrowserSession session, String code) {
    if (session.stage() != Stage.MFA) return Step.failed("This sign-in is not waiting for a code.");
    Instant now = clock.instant();
    List<MfaDevice> devices = db.withHandle(h -> new JdbcSignInStore(h).devices(session.userId()));
    boolean locked = db.withHandle(h -> new JdbcSignInStore(h).password(session.userId()))
        .map(p -> p.lockedAt(now)).orElse(false);
    if (locked) return Step.failed(LOCKED);
    for (MfaDevice device : devices) {
      OptionalLong step = Totp.verify(mfaSecrets.open(session.userId(), device.sealedSecret()), code, now, device.lastStep());
      if (step.isEmpty()) continue;
      return db.inTransaction(h -> {
        JdbcSignInStore store = new JdbcSignInStore(h);
        if (!store.acceptStep(device.deviceId(), step.getAsLong())) return Step.failed(WRONG_CODE); // used just now
        if (!store.advance(session.sessionHash(), Stage.MFA, Stage.SIGNED_IN, null, expiry(Stage.SIGNED_IN, now))) {
          return Step.failed("This sign-in has ended. Sign in again.");
        }
        store.clearFailures(session.userId());
        return moved(store, session);
      });
    }
    failed(session.userId(), now);
    return Step.failed(WRONG_CODE);
  }

  /** The browser's unexpired session whose user still exists and is enabled. */
  Optional<BrowserSession> session(String cookie) {
    if (cookie == null || cookie.isEmpty()) return Optional.empty();
    Instant now = clock.instant();
    return db.withHandle(h -> {
      JdbcSignInStore store = new JdbcSignInStore(h);
      return store.session(Secrets.sha256(cookie))
          .filter(s -> now.isBefore(s.expiresAt()))
          .filter(s -> store.user(s.userId()).map(PortalUser::enabled).orElse(false));
    });
  }

  Optional<PortalUser> user(String userId) {
    return db.withHandle(h -> new JdbcSignInStore(h).user(userId));
  }

  void signOut(String cookie) {
    if (cookie == null || cookie.isEmpty()) return;
    db.inTransaction(h -> {
      new JdbcSignInStore(h).deleteSession(Secrets.sha256(cookie));
      return null;
    });
  }

  private Stage stageAfterPassword(JdbcSignInStore store, String userId) {
    boolean hasDevice = !store.devices(userId).isEmpty();
    if (hasDevice) return Stage.MFA;
    return settings.mfaRequired() ? Stage.MFA_SETUP : Stage.SIGNED_IN;
  }

  private Instant expiry(Stage stage, Instant now) {
    return now.plus(stage == Stage.SIGNED_IN ? settings.sessionDuration() : SIGN_IN_STEPS);
  }

  private static Step moved(JdbcSignInStore store, BrowserSession before) {
    return store.session(before.sessionHash()).map(s -> new Step(s, null, null))
        .orElse(Step.failed("This sign-in has ended. Sign in again."));
  }

  private void failed(String userId, Instant now) {
    db.inTransaction(h -> {
      new JdbcSignInStore(h).recordFailure(userId, settings.maxFailedAttempts(), now.plus(settings.lockout()));
      return null;
    });
  }
}
