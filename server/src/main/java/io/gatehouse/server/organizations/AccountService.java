package io.gatehouse.server.organizations;

import io.gatehouse.server.organizations.OrganizationsErrors.AccountAlreadyClosedException;
import io.gatehouse.server.organizations.OrganizationsErrors.AccountNotFoundException;
import io.gatehouse.server.organizations.OrganizationsErrors.ConstraintViolationException;
import io.gatehouse.server.organizations.OrganizationsErrors.CreateAccountStatusNotFoundException;
import io.gatehouse.server.organizations.OrganizationsErrors.DestinationParentNotFoundException;
import io.gatehouse.server.organizations.OrganizationsErrors.DuplicateAccountException;
import io.gatehouse.server.organizations.OrganizationsErrors.InvalidInputException;
import io.gatehouse.server.organizations.OrganizationsErrors.ParentNotFoundException;
import io.gatehouse.server.organizations.OrganizationsErrors.SourceParentNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Member accounts: creation (asynchronous on AWS, complete at once here), moves and closure.
 */
final class AccountService {
  static final String DEFAULT_ROLE_NAME = "OrganizationAccountAccessRole";
  private static final String RESERVED_ROLE_PREFIX = "AWSServiceRoleFor";

  private final OrganizationTransactions tx;
  private final Clock clock;
  private final OrganizationQuotas quotas;
  private final List<AccountCreatedListener> listeners = new CopyOnWriteArrayList<>();
  private final List<AccountMovedListener> moveListeners = new CopyOnWriteArrayList<>();

  AccountService(OrganizationTransactions tx, Clock clock, OrganizationQuotas quotas) {
    this.tx = tx;
    this.clock = clock;
    this.quotas = quotas;
  }

  void addListener(AccountCreatedListener listener) {
    listeners.add(listener);
  }

  void addMoveListener(AccountMovedListener listener) {
    moveListeners.add(listener);
  }

  /**
   * CreateAccount. Like AWS, a request that cannot succeed for a reason found after it was accepted
   * (the email already owns an account, the organization is full) is recorded as FAILED with a
   * reason rather than refused.
   */
  AccountCreation createAccount(String email, String accountName, String roleName, List<Tag> tags) {
    String role = roleName == null ? DEFAULT_ROLE_NAME : roleName;
    if (role.startsWith(RESERVED_ROLE_PREFIX)) {
      throw new InvalidInputException(InvalidInputException.Reason.INVALID_ROLE_NAME,
          "You provided a role name that isn't valid. A role name can't begin with the reserved prefix "
              + RESERVED_ROLE_PREFIX + ".");
    }
    List<Tag> checkedTags = TagRules.check(tags, quotas);
    return tx.write((h, store) -> {
      Organization org = OrganizationTransactions.requireOrganization(store);
      Instant now = clock.instant();
      String requestId = OrganizationIds.createAccountRequest();
      String failure = store.emailInUse(email) ? "EMAIL_ALREADY_EXISTS"
          : store.countAccounts() >= quotas.maxAccounts() ? "ACCOUNT_LIMIT_EXCEEDED"
          : null;
      if (failure != null) {
        AccountCreation failed = new AccountCreation(requestId, accountName, "FAILED", now, now, null, failure);
        store.insertAccountCreation(failed);
        return failed;
      }
      Root root = OrganizationTransactions.onlyRoot(store);
      String accountId = newAccountId(store);
      store.insertAccount(new Account(accountId, accountName, email, root.id(), AccountStatus.ACTIVE, "CREATED",
          now, null, root.id()));
      store.insertTags(accountId, checkedTags);
      Targets.attachDefaults(store, root, accountId, TargetType.ACCOUNT);
      AccountCreation done = new AccountCreation(requestId, accountName, "SUCCEEDED", now, now, accountId, null);
      store.insertAccountCreation(done);
      var created = new AccountCreatedListener.CreatedAccount(accountId, accountName, email, role,
          org.managementAccountId(), org.id());
      for (AccountCreatedListener l : listeners) l.accountCreated(h, created);
      return done;
    });
  }

  private static String newAccountId(OrganizationStore store) {
    String id;
    do {
      id = OrganizationIds.account();
    } while (store.account(id).isPresent());
    return id;
  }

  AccountCreation describeCreateAccountStatus(String requestId) {
    return tx.read(store -> store.accountCreation(requestId)
        .orElseThrow(() -> new CreateAccountStatusNotFoundException(requestId)));
  }

  Slice<AccountCreation> listCreateAccountStatus(Set<String> states, Keyset page) {
    return tx.read(store -> store.accountCreations(states, page));
  }

  Account describeAccount(String accountId) {
    return tx.read(store -> store.account(accountId).orElseThrow(() -> new AccountNotFoundException(accountId)));
  }

  Slice<Account> listAccounts(Keyset page) {
    return tx.read(store -> store.accounts(page));
  }

  Slice<Account> listAccountsForParent(String parentId, Keyset page) {
    return tx.read(store -> {
      OrganizationTransactions.requireOrganization(store);
      if (Targets.findParent(store, parentId).isEmpty()) throw new ParentNotFoundException(parentId);
      return store.accountsForParent(parentId, page);
    });
  }

  /**
   * MoveAccount. The source must be the account's current parent: naming another container is
   * answered with SourceParentNotFoundException (no such source parent of this account).
   */
  void moveAccount(String accountId, String sourceParentId, String destinationParentId) {
    tx.write((h, store) -> {
      OrganizationTransactions.requireOrganization(store);
      Account account = store.account(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
      if (Targets.findParent(store, sourceParentId).isEmpty() || !account.parentId().equals(sourceParentId)) {
        throw new SourceParentNotFoundException(sourceParentId);
      }
      if (Targets.findParent(store, destinationParentId).isEmpty()) {
        throw new DestinationParentNotFoundException(destinationParentId);
      }
      if (account.parentId().equals(destinationParentId)) throw new DuplicateAccountException(accountId, destinationParentId);
      store.moveAccount(accountId, destinationParentId);
      for (AccountMovedListener l : moveListeners) l.accountMoved(h, accountId, sourceParentId, destinationParentId);
      return null;
    });
  }

  /**
   * CloseAccount. AWS reports PENDING_CLOSURE while it works and SUSPENDED once closed; Gatehouse
   * closes at once, so the account is SUSPENDED on return (and CLOSED 90 days later).
   */
  void closeAccount(String accountId) {
    tx.write((h, store) -> {
      Organization org = OrganizationTransactions.requireOrganization(store);
      Account account = store.account(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
      if (accountId.equals(org.managementAccountId())) {
        throw new ConstraintViolationException(ConstraintViolationException.Reason.CANNOT_CLOSE_MANAGEMENT_ACCOUNT,
            "You attempted to close the management account. To close the management account for the organization,"
                + " you must first either remove or close all member accounts in the organization.");
      }
      if (account.status() != AccountStatus.ACTIVE) throw new AccountAlreadyClosedException(accountId);
      store.updateAccountStatus(accountId, AccountStatus.SUSPENDED, clock.instant());
      return null;
    });
  }
}
