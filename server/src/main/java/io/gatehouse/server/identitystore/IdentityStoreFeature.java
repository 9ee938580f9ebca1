package io.gatehouse.server.identitystore;

import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.util.List;

/**
 * The identity store feature: AWS's identitystore API (users, groups, group memberships) over the
 * database. The runtime wires {@link #api()} into the endpoint and calls {@link #bootstrap()} at start;
 * other features (SCIM, Identity Center assignments) read memberships through {@link #memberships}.
 */
public final class IdentityStoreFeature {
  private final Database db;
  private final IdentityStoreStore store;
  private final IdentityStoreService service;

  public IdentityStoreFeature(Database db, Clock clock) {
    this.db = db;
    this.store = new JdbcIdentityStoreStore();
    this.service = new IdentityStoreService(db, store, clock);
  }

  public ServiceApi api() {
    return new IdentityStoreApi(service);
  }

  /** Creates the organization's one identity store if none exists (idempotent); returns its id, {@code d-} + 10 hex digits. */
  public String bootstrap() {
    return service.bootstrap();
  }

  /** Every group membership of the store, in membership-id order: what a snapshot of who-is-in-which-group is built from. */
  public List<GroupMembership> memberships(String identityStoreId) {
    return db.withHandle(h -> store.allMemberships(h, identityStoreId));
  }
}
