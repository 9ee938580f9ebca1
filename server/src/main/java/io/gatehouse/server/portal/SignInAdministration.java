package io.gatehouse.server.portal;

import io.gatehouse.server.core.AwsException;
import io.gatehouse.server.crypto.PasswordHash;
import io.gatehouse.server.identitycenter.Instance;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * What an administrator does about users' sign-in (Gatehouse's own API): one-time passwords,
 * lost authenticators, and ending every session of a user. Only the management account, which
 * owns the instance and its identity store, administers them.
 */
final class SignInAdministration {
  /** A user's sign-in as DescribeUserSignIn reports it; never a secret. */
  record SignInState(String userId, String userName, boolean passwordSet, boolean passwordChangeRequired,
      Instant lockedUntil, List<MfaDevice> devices, int activeSessions) {}

  record SignedOut(int sessions, int tokens) {}

  static final class ResourceNotFoundException extends AwsException {
    ResourceNotFoundException(String message) {
      super("ResourceNotFoundException", 404, message);
    }
  }

  static final class AccessDeniedException extends AwsException {
    AccessDeniedException(String message) {
      super("AccessDeniedException", 400, message);
    }
  }

  private final Database db;
  private final Clock clock;
  private final Supplier<Instance> instance;

  SignInAdministration(Database db, Clock clock, Supplier<Instance> instance) {
    this.db = db;
    this.clock = clock;
    this.instance = instance;
  }

  /** @return the one-time password, shown once */
  String resetPassword(String callerAccount, String identityStoreId, String userId) {
    PortalUser user = user(callerAccount, identityStoreId, userId);
    String password = PasswordRules.generate();
    String hash = PasswordHash.hash(password);
    Instant now = clock.instant();
    db.inTransaction(h -> {
      JdbcSignInStore store = new JdbcSignInStore(h);
      store.setPassword(user.userId(), hash, true, now);
      store.deleteSessionsOf(user.userId());
      new JdbcOidcStore(h).deleteTokensOf(user.userId());
      return null;
    });
    return password;
  }

  SignInState describe(String callerAccount, String identityStoreId, String userId) {
    PortalUser user = user(callerAccount, identityStoreId, userId);
    Instant now = clock.instant();
    return db.withHandle(h -> {
      JdbcSignInStore store = new JdbcSignInStore(h);
      var password = store.password(user.userId());
      return new SignInState(user.userId(), user.userName(), password.isPresent(),
          password.map(StoredPassword::mustChange).orElse(false),
          password.filter(p -> p.lockedAt(now)).map(StoredPassword::lockedUntil).orElse(null),
          store.devices(user.userId()), store.countSessions(user.userId(), now));
    });
  }

  void deleteDevice(String callerAccount, String identityStoreId, String userId, String deviceId) {
    PortalUser user = user(callerAccount, identityStoreId, userId);
    boolean deleted = db.inTransaction(h -> new JdbcSignInStore(h).deleteDevice(user.userId(), deviceId));
    if (!deleted) throw new ResourceNotFoundException("MFA device " + deviceId + " of user " + userId + " does not exist.");
  }

  SignedOut signOut(String callerAccount, String identityStoreId, String userId) {
    PortalUser user = user(callerAccount, identityStoreId, userId);
    return db.inTransaction(h -> new SignedOut(new JdbcSignInStore(h).deleteSessionsOf(user.userId()),
        new JdbcOidcStore(h).deleteTokensOf(user.userId())));
  }

  private PortalUser user(String callerAccount, String identityStoreId, String userId) {
    Instance i = instance.get();
    if (!i.ownerAccountId().equals(callerAccount)) {
      throw new AccessDeniedException("Sign-in is administered from the management account, which owns the identity store.");
    }
    if (!i.identityStoreId().equals(identityStoreId)) {
      throw new ResourceNotFoundException("Identity store " + identityStoreId + " does not exist.");
    }
    return db.withHandle(h -> new JdbcSignInStore(h).user(userId))
        .filter(u -> u.identityStoreId().equals(identityStoreId))
        .orElseThrow(() -> new ResourceNotFoundException("User " + userId + " does not exist in identity store "
            + identityStoreId + "."));
  }
}
