package io.gatehouse.server.assignmentrules;

import io.gatehouse.server.assignments.AssignmentRequests;
import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.identitystore.IdentityStoreFeature;
import io.gatehouse.server.organizations.AccountCreatedListener;
import io.gatehouse.server.organizations.AccountMovedListener;
import io.gatehouse.server.organizations.OrganizationsFeature;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assignment rules, beyond AWS: "this user or group gets this permission set in every account
 * under this OU, or with this tag", expanded into ordinary account assignments whose origin is the
 * rule. The server wires {@link #api()} (the {@code gatehouse} service), the CreateAccount and
 * MoveAccount hooks (the new or moved account's assignments commit with it), and
 * {@link #expand()} on the change-feed topic {@code organizations} (tags, closures, and changes
 * made on other servers) and once at start.
 */
public final class AssignmentRulesFeature {
  /** The change-log topic of rule writes. */
  public static final String TOPIC = "assignmentrules";
  private static final Logger LOG = LoggerFactory.getLogger(AssignmentRulesFeature.class);
  private static final int EXPANSION_ATTEMPTS = 10;

  private final Database db;
  private final RuleStore store = new JdbcRuleStore();
  private final RuleExpansion expansion;
  private final AssignmentRuleService service;

  /**
   * @param assignments where rules ensure and remove their assignments
   * @param permissionSets whether a rule's permission set (still) exists
   */
  public AssignmentRulesFeature(Database db, Clock clock, OrganizationsFeature organizations,
      IdentityStoreFeature identityStore, AssignmentRequests assignments, PermissionSetLookup permissionSets) {
    this.db = db;
    Principals principals = Principals.of(identityStore);
    this.expansion = new RuleExpansion(store, assignments, organizations::tree, permissionSets, principals);
    this.service = new AssignmentRuleService(db, clock, store, expansion, assignments, organizations::tree,
        principals, permissionSets);
  }

  public ServiceApi api() {
    return new AssignmentRulesApi(service);
  }

  /**
   * Expands the rules inside CreateAccount's transaction, so a new account gets its assignments
   * with it. If a rule write or another expansion holds the rule lock, CreateAccount does not wait
   * for it: the expansion that follows its commit on the change feed does the work.
   */
  public AccountCreatedListener accountCreatedListener() {
    return (h, account) -> expandIfFree(h);
  }

  /** Expands the rules inside MoveAccount's transaction: the account gains and loses assignments with the move (as above). */
  public AccountMovedListener accountMovedListener() {
    return (h, accountId, from, to) -> expandIfFree(h);
  }

  /**
   * Expands every rule in a transaction of its own; idempotent, and safe on several servers at
   * once. Errors are logged, not thrown: the next change or the next start tries again.
   */
  public void expand() {
    for (int attempt = 1; ; attempt++) {
      try {
        RuleExpansion.Result r = db.inTransaction(h -> {
          store.lock(h);
          return expansion.expand(h, null);
        });
        if (r.ensured() + r.removed() > 0) {
          LOG.info("assignment rules expanded: {} assignments requested, {} removals requested", r.ensured(), r.removed());
        }
        return;
      } catch (RuleErrors.ConflictException busy) {
        // A long rule write holds the lock past H2's lock timeout: it commits soon, then this runs after it.
        if (attempt == EXPANSION_ATTEMPTS) {
          LOG.error("assignment rule expansion gave up waiting for the rule lock; it runs again at the next organization change");
          return;
        }
      } catch (RuntimeException e) {
        LOG.error("assignment rule expansion failed; it runs again at the next organization change", e);
        return;
      }
    }
  }

  private void expandIfFree(Handle h) {
    if (store.tryLock(h)) expansion.expand(h, null);
  }
}
