package io.gatehouse.server.permissionsets;

import io.gatehouse.server.core.Ids;
import io.gatehouse.server.core.PageToken;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/** Creating, reading, listing, updating and deleting permission sets, as sso-admin does. */
final class PermissionSetService {
  static final String ARN_PREFIX = "arn:aws:sso:::permissionSet/";
  private static final int DEFAULT_PAGE = 100;

  private final PermissionSetTransactions tx;
  private final PermissionSetStore store;
  private final Clock clock;
  private final PermissionSetQuotas quotas;
  private final Supplier<DeletionGuard> guard;
  private final PermissionSetTags tags;

  PermissionSetService(PermissionSetTransactions tx, PermissionSetStore store, Clock clock, PermissionSetQuotas quotas,
      Supplier<DeletionGuard> guard, PermissionSetTags tags) {
    this.tx = tx;
    this.store = store;
    this.clock = clock;
    this.quotas = quotas;
    this.guard = guard;
    this.tags = tags;
  }

  record NewPermissionSet(String name, String description, String sessionDuration, String relayState, List<Tag> tags) {}

  PermissionSet create(String caller, String instanceArn, NewPermissionSet in) {
    Duration session = in.sessionDuration() == null ? SessionDurations.DEFAULT : SessionDurations.parse(in.sessionDuration());
    List<Tag> newTags = in.tags() == null ? List.of() : in.tags();
    return tx.writeInstance(caller, instanceArn, (h, instance) -> {
      store.lockInstance(h, instanceArn);
      if (store.nameTaken(h, instanceArn, in.name())) {
        throw new PermissionSetErrors.ConflictException("PermissionSet with name " + in.name() + " already exists.");
      }
      if (store.count(h, instanceArn) >= quotas.setsPerInstance()) {
        throw new PermissionSetErrors.QuotaExceededException("The number of permission sets in instance " + instanceArn
            + " would exceed the quota of " + quotas.setsPerInstance() + ".");
      }
      String arn = ARN_PREFIX + instance.instanceId() + "/ps-" + Ids.hex(16);
      PermissionSet created = new PermissionSet(instanceArn, arn, in.name(), in.description(), session, in.relayState(),
          clock.instant().truncatedTo(ChronoUnit.MILLIS), List.of(), List.of(), null, null, 1);
      store.insert(h, created);
      tags.add(h, arn, newTags);
      return created;
    });
  }

  PermissionSet describe(String caller, String instanceArn, String permissionSetArn) {
    return tx.read(caller, instanceArn, permissionSetArn, (h, set) -> set);
  }

  Page<String> list(String caller, String instanceArn, Integer maxResults, String nextToken) {
    int limit = maxResults == null ? DEFAULT_PAGE : maxResults;
    String after = PageToken.decode(nextToken);
    return tx.readInstance(caller, instanceArn,
        (h, instance) -> Page.of(store.listArns(h, instanceArn, after, limit + 1), limit, arn -> arn));
  }

  /** Absent members keep their values; the revision moves only if a value changes. */
  void update(String caller, String instanceArn, String permissionSetArn, String description, String sessionDuration,
      String relayState) {
    Duration session = sessionDuration == null ? null : SessionDurations.parse(sessionDuration);
    tx.change(caller, instanceArn, permissionSetArn, (h, set) -> {
      PermissionSet updated = set.withDetails(description == null ? set.description() : description,
          session == null ? set.sessionDuration() : session, relayState == null ? set.relayState() : relayState);
      return updated.equals(set) ? null : updated;
    });
  }

  void delete(String caller, String instanceArn, String permissionSetArn) {
    tx.write(caller, instanceArn, permissionSetArn, (h, set) -> {
      guard.get().checkDeletable(h, instanceArn, permissionSetArn);
      store.delete(h, permissionSetArn);
      store.removeTags(h, permissionSetArn);
      return null;
    });
  }
}
