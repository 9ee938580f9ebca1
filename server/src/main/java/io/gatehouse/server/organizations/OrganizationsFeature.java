package io.gatehouse.server.organizations;

import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * AWS Organizations: the organization, its root, OUs, member accounts, and service and resource
 * control policies. The entry point the server wires: its API, its bootstrap, the read model the
 * authorizer snapshots, and the hook IAM uses to give new accounts their access role.
 */
public final class OrganizationsFeature {
  /** The change-log topic every organizations write appends: reload {@link #tree()} when it advances. */
  public static final String CHANGE_TOPIC = OrganizationTransactions.TOPIC;

  private final Database db;
  private final StructureService structure;
  private final AccountService accounts;
  private final OrganizationsApi api;

  public OrganizationsFeature(Database db, Clock clock) {
    this.db = db;
    OrganizationTransactions tx = new OrganizationTransactions(db);
    OrganizationQuotas quotas = OrganizationQuotas.DEFAULTS;
    this.structure = new StructureService(tx, clock, quotas);
    this.accounts = new AccountService(tx, clock, quotas);
    this.api = new OrganizationsApi(structure, accounts, new PolicyService(tx, quotas), new TagService(tx, quotas),
        new CallerAccess(tx));
  }

  public ServiceApi api() {
    return api;
  }

  /**
   * Creates the organization unless it exists (idempotent; safe when several servers start at
   * once): all features, the root with SCPs enabled and FullAWSAccess attached, and the management
   * account (a random 12-digit id, named "management", with this email) under the root, with
   * FullAWSAccess attached. An existing organization is returned as it is.
   */
  public OrganizationInfo bootstrap(String managementAccountEmail) {
    StructureService.Created created = structure.bootstrap(managementAccountEmail);
    return new OrganizationInfo(created.organization().id(), created.organization().managementAccountId(),
        created.root().id());
  }

  /**
   * Registers a listener called inside every successful CreateAccount's transaction (IAM creates
   * the new account's OrganizationAccountAccessRole there). Register before serving requests.
   */
  public void addAccountCreatedListener(AccountCreatedListener listener) {
    accounts.addListener(listener);
  }

  /**
   * Registers a listener called inside every successful MoveAccount's transaction (the assignment
   * rules re-expand there). Register before serving requests.
   */
  public void addAccountMovedListener(AccountMovedListener listener) {
    accounts.addMoveListener(listener);
  }

  /** The organization as the caller's transaction sees it (its own uncommitted writes included). */
  public OrganizationTree tree(Handle handle) {
    return OrganizationTree.load(new JdbcOrganizationStore(handle));
  }

  /** A consistent snapshot of the organization for authorization, read in one transaction. */
  public OrganizationTree tree() {
    return db.jdbi().inTransaction(TransactionIsolationLevel.REPEATABLE_READ,
        h -> OrganizationTree.load(new JdbcOrganizationStore(h)));
  }
}
