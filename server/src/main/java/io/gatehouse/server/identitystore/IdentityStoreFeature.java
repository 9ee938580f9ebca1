package io.gatehouse.server.identitystore;

import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The identity store feature: AWS's identitystore API (users, groups, group memberships) over the
 * database. The runtime wires {@link #api()} into the endpoint and calls {@link #bootstrap()} at start;
 * other features (SCIM, Identity Center assignments) read users, groups and memberships through the
 * read methods here, which never append to the change log.
 */
public final class IdentityStoreFeature {
  /** The change-log topic of every identity-store write. */
  public static final String CHANGE_TOPIC = IdentityStoreService.TOPIC;

  private final IdentityStoreService service;

  public IdentityStoreFeature(Database db, Clock clock) {
    this.service = new IdentityStoreService(db, new JdbcIdentityStoreStore(), clock);
  }

  public ServiceApi api() {
    return new IdentityStoreApi(service);
  }

  /** Called by the change feed when the identity store changed (on any server): drops what the API's reads cached. */
  public void changed() {
    service.changedElsewhere();
  }

  /** Creates the organization's one identity store if none exists (idempotent); returns its id, {@code d-} + 10 hex digits. */
  public String bootstrap() {
    return service.bootstrap();
  }

  /** Every group membership of the store, in membership-id order: what a snapshot of who-is-in-which-group is built from. */
  public List<GroupMembership> memberships(String identityStoreId) {
    return service.allMemberships(identityStoreId);
  }

  /** The ids of the groups a user belongs to (e.g. to resolve a user's group assignments at sign-in). */
  public List<String> groupIdsOf(String identityStoreId, String userId) {
    return service.groupIdsOf(identityStoreId, userId);
  }

  /** A user by id, or empty (e.g. to check an assignment's principal). */
  public Optional<User> user(String identityStoreId, String userId) {
    return service.findUser(identityStoreId, userId);
  }

  /** A group by id, or empty. */
  public Optional<Group> group(String identityStoreId, String groupId) {
    return service.findGroup(identityStoreId, groupId);
  }
}
