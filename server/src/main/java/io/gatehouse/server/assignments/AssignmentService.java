package io.gatehouse.server.assignments;

import io.gatehouse.server.assignments.SsoAdminErrors.ResourceNotFoundException;
import io.gatehouse.server.assignments.SsoAdminErrors.ValidationException;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.core.PageToken;
import io.gatehouse.server.permissionsets.PermissionSet;
import io.gatehouse.server.permissionsets.PermissionSetCatalog;
import io.gatehouse.server.storage.ChangeLog;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The request side of assignments: records what is asked (the assignment row and an IN_PROGRESS
 * request) in the caller's transaction and wakes the worker after commit; answers the list and
 * status operations. Provisioning itself is the {@link Provisioner}'s, later.
 */
final class AssignmentService implements AssignmentRequests {
  static final int DEFAULT_PAGE = 100;

  private final Database db;
  private final Clock clock;
  private final PermissionSetCatalog catalog;
  private final Runnable wakeWorker;
  private final java.util.Map<String, Directory.InstanceInfo> instances = new java.util.concurrent.ConcurrentHashMap<>();

  AssignmentService(Database db, Clock clock, PermissionSetCatalog catalog, Runnable wakeWorker) {
    this.db = db;
    this.clock = clock;
    this.catalog = catalog;
    this.wakeWorker = wakeWorker;
  }

  /**
   * Whether a principal may ask: the management account owns the instance. Instances are created
   * once and never change owner, so what was found is remembered.
   */
  Directory.InstanceInfo requireInstance(Handle h, String callerAccountId, String instanceArn) {
    Directory.InstanceInfo found = instances.get(instanceArn);
    if (found == null) {
      found = Directory.instance(h, instanceArn).orElseThrow(() -> ResourceNotFoundException.instance(instanceArn));
      instances.put(instanceArn, found);
    }
    if (callerAccountId != null && !found.ownerAccountId().equals(callerAccountId)) {
      throw ResourceNotFoundException.instance(instanceArn);
    }
    return found;
  }

  PermissionSet requirePermissionSet(Handle h, String instanceArn, String permissionSetArn) {
    return catalog.find(h, instanceArn, permissionSetArn)
        .orElseThrow(() -> ResourceNotFoundException.permissionSet(permissionSetArn));
  }

  /** Like {@link #requirePermissionSet}, read once per transaction per set. */
  private void requirePermissionSetOnce(Handle h, String instanceArn, String permissionSetArn) {
    if (TransactionMemo.first(h, "set:" + permissionSetArn)) requirePermissionSet(h, instanceArn, permissionSetArn);
  }

  // ---- CreateAccountAssignment / DeleteAccountAssignment and the contract for rules

  StatusRecord create(String callerAccountId, AssignmentTarget target) {
    return db.inTransaction(h -> {
      requireInstance(h, callerAccountId, target.instanceArn());
      return request(h, target, AssignmentRequests.API_ORIGIN, true).orElseThrow();
    });
  }

  StatusRecord delete(String callerAccountId, AssignmentTarget target) {
    return db.inTransaction(h -> {
      requireInstance(h, callerAccountId, target.instanceArn());
      requirePermissionSet(h, target.instanceArn(), target.permissionSetArn());
      JdbcAssignmentStore store = new JdbcAssignmentStore(h);
      Assignment row = store.lockAssignment(target).orElseThrow(ResourceNotFoundException::assignment);
      if (row.state() != AssignmentState.DELETING) store.setState(target, AssignmentState.DELETING);
      return record(h, OperationKind.DELETE, target);
    });
  }

  @Override
  public boolean ensure(Handle h, AssignmentTarget target, String origin) {
    requireInstance(h, null, target.instanceArn());
    return request(h, target, origin, false).isPresent();
  }

  @Override
  public boolean remove(Handle h, AssignmentTarget target, String origin) {
    JdbcAssignmentStore store = new JdbcAssignmentStore(h);
    Optional<Assignment> row = store.lockAssignment(target);
    if (row.isEmpty() || row.get().state() == AssignmentState.DELETING || !row.get().origin().equals(origin)) {
      return false;
    }
    store.setState(target, AssignmentState.DELETING);
    record(h, OperationKind.DELETE, target);
    return true;
  }

  @Override
  public List<AssignmentTarget> listByOrigin(Handle h, String origin) {
    return new JdbcAssignmentStore(h).assignmentsByOrigin(origin).stream().map(Assignment::target).toList();
  }

  /**
   * Records a creation. An assignment that exists (and is not being deleted) is left alone: the API
   * still gets a request (which succeeds) as AWS gives one; {@code ensure} gets nothing.
   */
  private Optional<StatusRecord> request(Handle h, AssignmentTarget target, String origin, boolean always) {
    requirePermissionSetOnce(h, target.instanceArn(), target.permissionSetArn());
    JdbcAssignmentStore store = new JdbcAssignmentStore(h);
    // The common case, a new assignment, in one statement; an existing row is then read and locked.
    Assignment fresh = new Assignment(target, AssignmentState.CREATING, origin, now());
    if (!store.insertAssignmentIfAbsent(fresh)) {
      Optional<Assignment> row = store.lockAssignment(target);
      boolean beingDeleted = row.isPresent() && row.get().state() == AssignmentState.DELETING;
      // The worker may have removed it between the two statements: then it is new after all.
      boolean vanished = row.isEmpty() && store.insertAssignmentIfAbsent(fresh);
      if (beingDeleted) {
        store.revive(target, origin);
      } else if (!vanished) {
        return always ? Optional.of(record(h, OperationKind.CREATE, target)) : Optional.empty();
      }
    }
    return Optional.of(record(h, OperationKind.CREATE, target));
  }

  private StatusRecord record(Handle h, OperationKind kind, AssignmentTarget t) {
    StatusRecord r = new StatusRecord(0, Ids.uuid(), kind, t.instanceArn(), OperationStatus.IN_PROGRESS, null,
        t.permissionSetArn(), t.accountId(), t.principalType(), t.principalId(), now());
    new JdbcAssignmentStore(h).insertOperation(r);
    if (TransactionMemo.first(h, "logged")) {
      ChangeLog.append(h, AssignmentFeature.TOPIC);
      h.afterCommit(wakeWorker);
    }
    return r;
  }

  // ---- ProvisionPermissionSet

  StatusRecord provision(String callerAccountId, String instanceArn, String permissionSetArn, String targetType,
      String targetId) {
    boolean oneAccount = "AWS_ACCOUNT".equals(targetType);
    if (oneAccount && targetId == null) {
      throw new ValidationException("TargetId is required when TargetType is AWS_ACCOUNT.");
    }
    return db.inTransaction(h -> {
      requireInstance(h, callerAccountId, instanceArn);
      requirePermissionSet(h, instanceArn, permissionSetArn);
      StatusRecord r = new StatusRecord(0, Ids.uuid(), OperationKind.PROVISION, instanceArn, OperationStatus.IN_PROGRESS,
          null, permissionSetArn, oneAccount ? targetId : null, null, null, now());
      new JdbcAssignmentStore(h).insertOperation(r);
      ChangeLog.append(h, AssignmentFeature.TOPIC);
      h.afterCommit(wakeWorker);
      return r;
    });
  }

  // ---- status reads

  StatusRecord status(String callerAccountId, String instanceArn, String requestId, OperationKind kind) {
    return db.withHandle(h -> {
      requireInstance(h, callerAccountId, instanceArn);
      return new JdbcAssignmentStore(h).operation(requestId)
          .filter(r -> r.kind() == kind && r.instanceArn().equals(instanceArn))
          .orElseThrow(() -> ResourceNotFoundException.request(requestId));
    });
  }

  record Page<T>(List<T> items, String nextToken) {}

  Page<StatusRecord> statuses(String callerAccountId, String instanceArn, OperationKind kind, String status,
      Integer maxResults, String nextToken) {
    int limit = maxResults == null ? DEFAULT_PAGE : maxResults;
    String after = PageToken.decode(nextToken);
    Long before = after == null ? null : Long.valueOf(after);
    return db.withHandle(h -> {
      requireInstance(h, callerAccountId, instanceArn);
      List<StatusRecord> rows = new JdbcAssignmentStore(h).operations(instanceArn, EnumSet.of(kind),
          status == null ? null : OperationStatus.valueOf(status), before, limit + 1);
      return page(rows, limit, r -> Long.toString(r.seq()));
    });
  }

  // ---- assignment and provisioning lists

  Page<Assignment> assignments(String callerAccountId, String instanceArn, String accountId, String permissionSetArn,
      Integer maxResults, String nextToken) {
    int limit = maxResults == null ? DEFAULT_PAGE : maxResults;
    String after = PageToken.decode(nextToken);
    return db.withHandle(h -> {
      requireInstance(h, callerAccountId, instanceArn);
      requirePermissionSet(h, instanceArn, permissionSetArn);
      List<Assignment> rows = new JdbcAssignmentStore(h).assignmentsOf(permissionSetArn, accountId, after, limit + 1);
      return page(rows, limit, a -> a.target().principalType() + ":" + a.target().principalId());
    });
  }

  Page<Assignment> assignmentsForPrincipal(String callerAccountId, String instanceArn, PrincipalType type,
      String principalId, String accountId, Integer maxResults, String nextToken) {
    int limit = maxResults == null ? DEFAULT_PAGE : maxResults;
    String after = PageToken.decode(nextToken);
    return db.withHandle(h -> {
      requireInstance(h, callerAccountId, instanceArn);
      List<Assignment> rows = new JdbcAssignmentStore(h).assignmentsOfPrincipal(instanceArn, type, principalId,
          accountId, after, limit + 1);
      return page(rows, limit, a -> a.target().accountId() + " " + a.target().permissionSetArn());
    });
  }

  /** ListAccountsForProvisionedPermissionSet: accounts with the set's role, filtered by whether it is current. */
  Page<String> accountsFor(String callerAccountId, String instanceArn, String permissionSetArn,
      String provisioningStatus, Integer maxResults, String nextToken) {
    int limit = maxResults == null ? DEFAULT_PAGE : maxResults;
    String after = PageToken.decode(nextToken);
    return db.withHandle(h -> {
      requireInstance(h, callerAccountId, instanceArn);
      long revision = requirePermissionSet(h, instanceArn, permissionSetArn).revision();
      List<String> accounts = new ArrayList<>();
      for (ProvisionedRole r : new JdbcAssignmentStore(h).rolesOf(permissionSetArn)) {
        if (after != null && r.slot().accountId().compareTo(after) <= 0) continue;
        if (matches(provisioningStatus, r.revision() >= revision)) accounts.add(r.slot().accountId());
      }
      return page(accounts, limit, a -> a);
    });
  }

  /** ListPermissionSetsProvisionedToAccount: the sets with a role in the account, filtered likewise. */
  Page<String> setsIn(String callerAccountId, String instanceArn, String accountId, String provisioningStatus,
      Integer maxResults, String nextToken) {
    int limit = maxResults == null ? DEFAULT_PAGE : maxResults;
    String after = PageToken.decode(nextToken);
    return db.withHandle(h -> {
      requireInstance(h, callerAccountId, instanceArn);
      List<String> sets = new ArrayList<>();
      for (ProvisionedRole r : new JdbcAssignmentStore(h).rolesInAccount(instanceArn, accountId)) {
        String arn = r.slot().permissionSetArn();
        if (after != null && arn.compareTo(after) <= 0) continue;
        if (provisioningStatus != null) {
          Optional<PermissionSet> set = catalog.find(h, instanceArn, arn);
          boolean current = set.isPresent() && r.revision() >= set.get().revision();
          if (!matches(provisioningStatus, current)) continue;
        }
        sets.add(arn);
      }
      return page(sets, limit, s -> s);
    });
  }

  /** DeletionGuard: a set still assigned or provisioned somewhere cannot be deleted, as on AWS. */
  void checkDeletable(Handle h, String instanceArn, String permissionSetArn) {
    JdbcAssignmentStore store = new JdbcAssignmentStore(h);
    if (store.anyAssignmentOf(permissionSetArn) || !store.rolesOf(permissionSetArn).isEmpty()) {
      throw new SsoAdminErrors.ConflictException(
          "Could not delete because PermissionSet has ApplicationProfile associated with it");
    }
  }

  private static boolean matches(String provisioningStatus, boolean current) {
    if (provisioningStatus == null) return true;
    return switch (provisioningStatus) {
      case "LATEST_PERMISSION_SET_PROVISIONED" -> current;
      case "LATEST_PERMISSION_SET_NOT_PROVISIONED" -> !current;
      default -> throw new ValidationException("Invalid ProvisioningStatus: " + provisioningStatus);
    };
  }

  private static <T> Page<T> page(List<T> rows, int limit, java.util.function.Function<T, String> key) {
    if (rows.size() <= limit) return new Page<>(List.copyOf(rows), null);
    List<T> items = List.copyOf(rows.subList(0, limit));
    return new Page<>(items, PageToken.encode(key.apply(items.get(limit - 1))));
  }

  private java.time.Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
