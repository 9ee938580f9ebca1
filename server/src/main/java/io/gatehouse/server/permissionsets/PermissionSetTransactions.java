package io.gatehouse.server.permissionsets;

import io.gatehouse.server.identitycenter.IdentityCenterFeature;
import io.gatehouse.server.identitycenter.Instance;
import io.gatehouse.server.storage.ChangeLog;
import io.gatehouse.server.storage.Database;
import org.jdbi.v3.core.Handle;

/**
 * The transactions every permission-set operation runs in: the caller's instance is checked first,
 * then the set; a write locks the set's row, and when the set's content changed stores it with its
 * revision bumped and appends to the change log.
 */
final class PermissionSetTransactions {
  static final String TOPIC = "permissionsets";

  private final Database db;
  private final IdentityCenterFeature identityCenter;
  private final PermissionSetStore store;

  PermissionSetTransactions(Database db, IdentityCenterFeature identityCenter, PermissionSetStore store) {
    this.db = db;
    this.identityCenter = identityCenter;
    this.store = store;
  }

  interface InstanceWork<R> {
    R apply(Handle h, Instance instance);
  }

  interface SetWork<R> {
    R apply(Handle h, PermissionSet set);
  }

  /**
   * A change of one set. Returns the set with its new own fields (or the locked set itself after
   * changing its policy lists) when its content changed, or null when nothing changed.
   */
  interface SetChange {
    PermissionSet apply(Handle h, PermissionSet locked);
  }

  <R> R readInstance(String callerAccountId, String instanceArn, InstanceWork<R> work) {
    return db.inTransaction(h -> work.apply(h, instance(h, callerAccountId, instanceArn)));
  }

  <R> R writeInstance(String callerAccountId, String instanceArn, InstanceWork<R> work) {
    return db.inTransaction(h -> {
      R result = work.apply(h, instance(h, callerAccountId, instanceArn));
      ChangeLog.append(h, TOPIC);
      return result;
    });
  }

  <R> R read(String callerAccountId, String instanceArn, String permissionSetArn, SetWork<R> work) {
    return db.inTransaction(h -> {
      instance(h, callerAccountId, instanceArn);
      return work.apply(h, set(h, instanceArn, permissionSetArn, false));
    });
  }

  /** Runs the work on the locked set and records a change (for deletion and tags, which have no revision). */
  <R> R write(String callerAccountId, String instanceArn, String permissionSetArn, SetWork<R> work) {
    return db.inTransaction(h -> {
      instance(h, callerAccountId, instanceArn);
      R result = work.apply(h, set(h, instanceArn, permissionSetArn, true));
      ChangeLog.append(h, TOPIC);
      return result;
    });
  }

  /** Runs the change on the locked set; bumps its revision if the change says the content changed. */
  void change(String callerAccountId, String instanceArn, String permissionSetArn, SetChange change) {
    db.inTransaction(h -> {
      instance(h, callerAccountId, instanceArn);
      PermissionSet locked = set(h, instanceArn, permissionSetArn, true);
      PermissionSet changed = change.apply(h, locked);
      if (changed != null) {
        store.update(h, changed.withRevision(locked.revision() + 1));
        ChangeLog.append(h, TOPIC);
      }
      return null;
    });
  }

  /** The caller's instance; an instance of another account is as absent as one that does not exist. */
  private Instance instance(Handle h, String callerAccountId, String instanceArn) {
    return identityCenter.find(h, instanceArn)
        .filter(i -> i.ownerAccountId().equals(callerAccountId))
        .orElseThrow(() -> PermissionSetErrors.NotFoundException.instance(instanceArn));
  }

  private PermissionSet set(Handle h, String instanceArn, String permissionSetArn, boolean forUpdate) {
    return store.find(h, permissionSetArn, forUpdate)
        .filter(s -> s.instanceArn().equals(instanceArn))
        .orElseThrow(() -> PermissionSetErrors.NotFoundException.permissionSet(permissionSetArn));
  }
}
