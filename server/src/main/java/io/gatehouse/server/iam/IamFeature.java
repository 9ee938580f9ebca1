package io.gatehouse.server.iam;

import io.gatehouse.server.auth.AccessKeys;
import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.organizations.AccountCreatedListener;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * IAM, one namespace per account: users, groups, roles, managed and inline policies, access keys,
 * login profiles, password policies and aliases. The entry point the server wires: its API, the
 * hook that gives new member accounts their access role, and the snapshot the authorizer reads.
 */
public final class IamFeature {
  /** The policy new member accounts' access role gets, as on AWS. */
  static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

  private final Database db;
  private final IdentityService identities;
  private final CredentialService credentials;
  private final IamApi api;
  private final Object reloads = new Object();
  private volatile IamSnapshot snapshot = IamSnapshot.empty();

  public IamFeature(Database db, Clock clock, AccessKeys accessKeys) {
    this(db, clock, accessKeys, IamQuotas.DEFAULTS);
  }

  public IamFeature(Database db, Clock clock, AccessKeys accessKeys, IamQuotas quotas) {
    this.db = db;
    IamTransactions tx = new IamTransactions(db);
    this.identities = new IdentityService(tx, clock, quotas, accessKeys);
    this.credentials = new CredentialService(tx, clock, quotas, accessKeys);
    this.api = new IamApi(identities, new ManagedPolicyService(tx, clock, quotas), credentials,
        new AccountSettingsService(tx), this::snapshot);
    // Parsing the AWS managed policies takes a moment: do it now rather than in the first request that needs them.
    Thread.ofVirtual().name("iam-aws-managed-policies").start(AwsManagedPolicies::all);
  }

  public ServiceApi api() {
    return api;
  }

  /**
   * For {@code OrganizationsFeature.addAccountCreatedListener}: creates the new account's access
   * role (trusting the management account's root, with AdministratorAccess) in CreateAccount's
   * transaction.
   */
  public AccountCreatedListener accountCreatedListener() {
    return (handle, account) -> IamTransactions.writeIn(handle, account.accountId(), (h, store) -> {
      String trust = """
          {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},\
          "Action":"sts:AssumeRole"}]}""".formatted(account.managementAccountId());
      identities.create(store, account.accountId(), new IdentityService.NewIdentity(IdentityKind.ROLE,
          account.roleName(), "/", null, trust, null, null, List.of()));
      identities.attach(store, account.accountId(), IdentityKind.ROLE, account.roleName(), ADMINISTRATOR_ACCESS);
      return null;
    });
  }

  /** Whether {@code arn} names one of AWS's managed policies ({@code arn:aws:iam::aws:policy/…}) that IAM ships. */
  public static boolean isAwsManagedPolicy(String arn) {
    return AwsManagedPolicies.find(arn).isPresent();
  }

  /** The current snapshot, from memory; never reads the database. */
  public IamSnapshot snapshot() {
    return snapshot;
  }

  /**
   * Re-reads IAM from the database in one transaction and swaps the snapshot (topic {@code iam}).
   * One reload at a time: the change feed re-announces this server's own commits, and a reload
   * that read before a commit must not finish after (and overwrite) one that read after it.
   */
  public void reload() {
    synchronized (reloads) {
      snapshot = load();
    }
  }

  IamSnapshot load() {
    return db.jdbi().inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> IamSnapshot.load(new JdbcIamStore(h)));
  }

  /** Whether the password is the user's console password (a sign-in page checks it this way). */
  public boolean checkPassword(String accountId, String userName, String password) {
    return credentials.checkPassword(accountId, userName, password);
  }
}
