package io.gatehouse.server.iam;

import io.gatehouse.server.crypto.PasswordHash;
import io.gatehouse.server.auth.AccessKeyStatus;
import io.gatehouse.server.auth.AccessKeys;
import io.gatehouse.server.auth.AccessKeyMetadata;
import io.gatehouse.server.auth.IssuedAccessKey;
import io.gatehouse.server.auth.KeyOwner;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.iam.IamErrors.EntityAlreadyExistsException;
import io.gatehouse.server.iam.IamErrors.LimitExceededException;
import io.gatehouse.server.iam.IamErrors.NoSuchEntityException;
import io.gatehouse.server.iam.IamErrors.PasswordPolicyViolationException;
import java.time.Clock;
import java.util.List;

/**
 * A user's credentials: access keys (at most two; stored by {@link AccessKeys}, so they sign
 * requests as soon as they exist) and the console login profile (a password hash).
 */
final class CredentialService {
  private final IamTransactions tx;
  private final Clock clock;
  private final IamQuotas quotas;
  private final AccessKeys accessKeys;

  CredentialService(IamTransactions tx, Clock clock, IamQuotas quotas, AccessKeys accessKeys) {
    this.tx = tx;
    this.clock = clock;
    this.quotas = quotas;
    this.accessKeys = accessKeys;
  }

  /** A new key with its secret (the only time the secret is ever shown) and its user's name. */
  record NewKey(IssuedAccessKey key, String userName) {}

  NewKey createAccessKey(String accountId, String userName) {
    return tx.write(accountId, (h, store) -> {
      Identity user = IdentityService.require(store, accountId, IdentityKind.USER, userName);
      if (accessKeys.keysOf(h, user.id()).size() >= quotas.accessKeysPerUser()) {
        throw LimitExceededException.quota("AccessKeysPerUser", quotas.accessKeysPerUser());
      }
      IssuedAccessKey key = accessKeys.issue(h, new KeyOwner(accountId, user.arn(), user.id(), Caller.PrincipalType.USER));
      return new NewKey(key, user.name());
    });
  }

  List<AccessKeyMetadata> listAccessKeys(String accountId, String userName) {
    return tx.read(store -> store.identity(accountId, IdentityKind.USER, userName))
        .map(user -> tx.readKeys(h -> accessKeys.keysOf(h, user.id())))
        .orElseThrow(() -> NoSuchEntityException.identity(IdentityKind.USER, userName));
  }

  void updateAccessKey(String accountId, String userName, String accessKeyId, AccessKeyStatus status) {
    tx.write(accountId, (h, store) -> {
      requireKeyOf(h, store, accountId, userName, accessKeyId);
      accessKeys.setStatus(h, accessKeyId, status);
      return null;
    });
  }

  void deleteAccessKey(String accountId, String userName, String accessKeyId) {
    tx.write(accountId, (h, store) -> {
      requireKeyOf(h, store, accountId, userName, accessKeyId);
      accessKeys.delete(h, accessKeyId);
      return null;
    });
  }

  /** The key (of any user of the account) and its owner's name, for GetAccessKeyLastUsed. */
  record KeyUse(AccessKeyMetadata key, String userName) {}

  KeyUse lastUsed(String accountId, String accessKeyId) {
    // this server's own recent uses first, so that a key used here a moment ago shows it
    accessKeys.flushLastUsed();
    return tx.readKeys(h -> {
      AccessKeyMetadata key = accessKeys.find(h, accessKeyId).filter(k -> k.accountId().equals(accountId))
          .orElseThrow(() -> keyNotFound(accessKeyId));
      String userName = new JdbcIamStore(h).identityById(key.ownerUserId()).map(Identity::name).orElse(null);
      return new KeyUse(key, userName);
    });
  }

  private void requireKeyOf(org.jdbi.v3.core.Handle h, IamStore store, String accountId, String userName,
      String accessKeyId) {
    Identity user = IdentityService.require(store, accountId, IdentityKind.USER, userName);
    accessKeys.find(h, accessKeyId).filter(k -> k.ownerUserId().equals(user.id()))
        .orElseThrow(() -> keyNotFound(accessKeyId));
  }

  private static NoSuchEntityException keyNotFound(String accessKeyId) {
    return new NoSuchEntityException("The Access Key with id " + accessKeyId + " cannot be found.");
  }

  LoginProfile createLoginProfile(String accountId, String userName, String password, boolean resetRequired) {
    return tx.write(accountId, (h, store) -> {
      Identity user = IdentityService.require(store, accountId, IdentityKind.USER, userName);
      if (store.loginProfile(user.id()).isPresent()) {
        throw new EntityAlreadyExistsException("Login Profile for user " + user.name() + " already exists.");
      }
      requireAcceptable(store, accountId, password);
      LoginProfile profile = new LoginProfile(user.id(), PasswordHash.hash(password), resetRequired, clock.instant());
      store.putLoginProfile(profile);
      return profile;
    });
  }

  /** The profile and its user's name. */
  record ProfileView(LoginProfile profile, String userName) {}

  ProfileView getLoginProfile(String accountId, String userName) {
    return tx.read(store -> {
      Identity user = IdentityService.require(store, accountId, IdentityKind.USER, userName);
      return new ProfileView(store.loginProfile(user.id()).orElseThrow(() -> profileNotFound(user.name())), user.name());
    });
  }

  void updateLoginProfile(String accountId, String userName, String password, Boolean resetRequired) {
    tx.write(accountId, (h, store) -> {
      Identity user = IdentityService.require(store, accountId, IdentityKind.USER, userName);
      LoginProfile current = store.loginProfile(user.id()).orElseThrow(() -> profileNotFound(user.name()));
      String hash = current.passwordHash();
      if (password != null) {
        requireAcceptable(store, accountId, password);
        hash = PasswordHash.hash(password);
      }
      store.putLoginProfile(new LoginProfile(user.id(), hash,
          resetRequired == null ? current.passwordResetRequired() : resetRequired, current.createdAt()));
      return null;
    });
  }

  void deleteLoginProfile(String accountId, String userName) {
    tx.write(accountId, (h, store) -> {
      Identity user = IdentityService.require(store, accountId, IdentityKind.USER, userName);
      if (!store.deleteLoginProfile(user.id())) throw profileNotFound(user.name());
      return null;
    });
  }

  /** Whether the password is the user's current console password (for a sign-in page, and for tests). */
  boolean checkPassword(String accountId, String userName, String password) {
    return tx.read(store -> store.identity(accountId, IdentityKind.USER, userName)
        .flatMap(u -> store.loginProfile(u.id()))
        .map(p -> PasswordHash.matches(password, p.passwordHash()))
        .orElse(false));
  }

  private static void requireAcceptable(IamStore store, String accountId, String password) {
    List<String> problems = store.passwordPolicy(accountId).map(p -> p.problems(password))
        .orElseGet(() -> PasswordPolicy.defaultProblems(password));
    if (!problems.isEmpty()) throw new PasswordPolicyViolationException(problems);
  }

  private static NoSuchEntityException profileNotFound(String userName) {
    return new NoSuchEntityException("Login Profile for User " + userName + " cannot be found.");
  }
}
