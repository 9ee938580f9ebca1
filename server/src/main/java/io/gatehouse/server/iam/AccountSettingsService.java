package io.gatehouse.server.iam;

import io.gatehouse.server.iam.IamErrors.EntityAlreadyExistsException;
import io.gatehouse.server.iam.IamErrors.NoSuchEntityException;
import java.util.List;
import java.util.Optional;

/** An account's password policy and its alias (one per account, unique across all accounts). */
final class AccountSettingsService {
  private final IamTransactions tx;

  AccountSettingsService(IamTransactions tx) {
    this.tx = tx;
  }

  void updatePasswordPolicy(String accountId, PasswordPolicy policy) {
    tx.write(accountId, (h, store) -> {
      store.putPasswordPolicy(accountId, policy);
      return null;
    });
  }

  PasswordPolicy passwordPolicy(String accountId) {
    return tx.read(store -> store.passwordPolicy(accountId)).orElseThrow(() -> noPasswordPolicy(accountId));
  }

  void deletePasswordPolicy(String accountId) {
    tx.write(accountId, (h, store) -> {
      if (!store.deletePasswordPolicy(accountId)) throw noPasswordPolicy(accountId);
      return null;
    });
  }

  private static NoSuchEntityException noPasswordPolicy(String accountId) {
    return new NoSuchEntityException("The Password Policy with domain name " + accountId + " cannot be found.");
  }

  /** AWS allows one alias per account: creating another replaces it. */
  void createAlias(String accountId, String alias) {
    tx.write(accountId, (h, store) -> {
      Optional<String> owner = store.aliasOwner(alias);
      if (owner.isPresent() && !owner.get().equals(accountId)) {
        throw new EntityAlreadyExistsException("The account alias " + alias + " already exists.");
      }
      store.setAlias(accountId, alias);
      return null;
    });
  }

  void deleteAlias(String accountId, String alias) {
    tx.write(accountId, (h, store) -> {
      if (!store.alias(accountId).map(alias::equals).orElse(false)) {
        throw new NoSuchEntityException("The account alias " + alias + " cannot be found.");
      }
      store.setAlias(accountId, null);
      return null;
    });
  }

  List<String> aliases(String accountId) {
    return tx.read(store -> store.alias(accountId)).stream().toList();
  }
}
