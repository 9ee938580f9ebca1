package io.gatehouse.server.permissionsets;

import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.identitycenter.IdentityCenterFeature;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.util.Objects;

/**
 * Permission sets of IAM Identity Center: the sso-admin permission-set operations, and the catalog
 * that provisioning reads them from. Assignments install a {@link DeletionGuard} at wiring time so
 * that a set still in use cannot be deleted.
 */
public final class PermissionSetFeature {
  private final PermissionSetStore store = new JdbcPermissionSetStore();
  private final PermissionSetService sets;
  private final PermissionSetPolicies policies;
  private final PermissionSetTags tags;
  private final PermissionSetApi api;
  private volatile DeletionGuard deletionGuard = DeletionGuard.NONE;

  public PermissionSetFeature(Database db, Clock clock, IdentityCenterFeature identityCenter) {
    this(db, clock, identityCenter, PermissionSetQuotas.DEFAULTS);
  }

  PermissionSetFeature(Database db, Clock clock, IdentityCenterFeature identityCenter, PermissionSetQuotas quotas) {
    PermissionSetTransactions tx = new PermissionSetTransactions(db, identityCenter, store);
    this.tags = new PermissionSetTags(tx, store, quotas);
    this.sets = new PermissionSetService(tx, store, clock, quotas, () -> deletionGuard, tags);
    this.policies = new PermissionSetPolicies(tx, store, quotas);
    this.api = new PermissionSetApi(sets, policies, tags);
  }

  /** The sso-admin permission-set operations. */
  public ServiceApi api() {
    return api;
  }

  public PermissionSetCatalog catalog() {
    return (h, instanceArn, permissionSetArn) ->
        store.find(h, permissionSetArn, false).filter(s -> s.instanceArn().equals(instanceArn));
  }

  public void setDeletionGuard(DeletionGuard guard) {
    this.deletionGuard = Objects.requireNonNull(guard, "guard");
  }

  PermissionSetService sets() {
    return sets;
  }

  PermissionSetPolicies policies() {
    return policies;
  }

  PermissionSetTags tags() {
    return tags;
  }
}
