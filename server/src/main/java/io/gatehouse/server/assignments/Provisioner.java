package io.gatehouse.server.assignments;

import io.gatehouse.server.iam.ReservedRoles;
import io.gatehouse.server.iam.ReservedRoles.Outcome;
import io.gatehouse.server.iam.ReservedRoles.RoleSpec;
import io.gatehouse.server.permissionsets.PermissionSet;
import io.gatehouse.server.permissionsets.PermissionSetCatalog;
import io.gatehouse.server.storage.ChangeLog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Works off a batch of claimed requests inside ONE transaction: makes the reserved roles match the
 * assignments (one role per permission set and account while any assignment needs it), rewrites
 * roles for ProvisionPermissionSet, and completes the requests' statuses — so that after a crash
 * either all of this batch is done or none of it, and the requests are still IN_PROGRESS.
 *
 * <p>Statements per batch, not per item: the batch reads the assignments and roles of its
 * (set, account) slots, the principals and the accounts it needs, and writes everything with JDBC
 * batches. Two workers that provision the same slot at once both try to record its role; the
 * second fails on the role's primary key, rolls back, and its batch is retried.
 */
final class Provisioner {
  private final PermissionSetCatalog catalog;
  private final Clock clock;

  Provisioner(PermissionSetCatalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  /** Processes the requests (oldest first) in the caller's transaction and records their outcome. */
  void process(Handle h, List<StatusRecord> claimed) {
    Batch batch = new Batch(h);
    List<StatusRecord> changes = claimed.stream().filter(r -> r.kind() != OperationKind.PROVISION).toList();
    batch.applyChanges(changes);
    for (StatusRecord r : claimed) if (r.kind() == OperationKind.PROVISION) batch.provision(r);
    batch.store.complete(batch.done.values());
    ChangeLog.append(h, AssignmentFeature.TOPIC);
  }

  /** The state of one batch: what it read, and what it decided. */
  private final class Batch {
    final Handle h;
    final JdbcAssignmentStore store;
    final Instant now = clock.instant();
    final Map<Long, StatusRecord> done = new LinkedHashMap<>();
    final Map<String, Optional<Directory.InstanceInfo>> instances = new HashMap<>();
    final Map<String, Optional<PermissionSet>> sets = new HashMap<>();

    Batch(Handle h) {
      this.h = h;
      this.store = new JdbcAssignmentStore(h);
    }

    /** Assignment creations and deletions, in request order, then the roles their slots need. */
    void applyChanges(List<StatusRecord> changes) {
      if (changes.isEmpty()) return;
      Set<String> accounts = new TreeSet<>();
      Set<String> setArns = new TreeSet<>();
      for (StatusRecord r : changes) {
        accounts.add(r.accountId());
        setArns.add(r.permissionSetArn());
      }
      // Every slot of the batch is in sets × accounts; so is whatever else shares those slots.
      Map<AssignmentTarget, Assignment> rows = new HashMap<>();
      for (Assignment a : store.assignmentsIn(setArns, accounts)) rows.put(a.target(), a);
      Map<RoleSlot, ProvisionedRole> roles = new HashMap<>();
      for (ProvisionedRole r : store.rolesIn(setArns, accounts)) roles.put(r.slot(), r);
      Set<String> activeAccounts = Directory.activeAccounts(h, accounts);
      Map<String, Set<String>> principals = existingPrincipals(changes);

      Set<AssignmentTarget> removed = new LinkedHashSet<>();
      Map<RoleSlot, List<StatusRecord>> creations = new LinkedHashMap<>();
      Set<RoleSlot> touched = new LinkedHashSet<>();
      for (StatusRecord r : changes) {
        AssignmentTarget target = r.target();
        Assignment row = rows.get(target);
        RoleSlot slot = new RoleSlot(r.permissionSetArn(), r.accountId());
        touched.add(slot);
        switch (r.kind()) {
          case DELETE -> {
            if (row != null && row.state() == AssignmentState.DELETING) {
              rows.remove(target);
              removed.add(target);
            }
            succeed(r);
          }
          case CREATE -> {
            if (row == null) {
              fail(r, "The account assignment was deleted before it was provisioned.");
              continue;
            }
            String reason = invalid(r, activeAccounts, principals);
            if (reason != null) {
              if (row.state() == AssignmentState.CREATING) {
                rows.remove(target);
                removed.add(target);
              }
              fail(r, reason);
              continue;
            }
            creations.computeIfAbsent(slot, s -> new ArrayList<>()).add(r);
          }
          case PROVISION -> throw new IllegalArgumentException("not an assignment change: " + r.requestId());
        }
      }

      Set<RoleSlot> wanted = new HashSet<>();
      for (Assignment a : rows.values()) wanted.add(a.slot());
      List<ProvisionedRole> gone = new ArrayList<>();
      List<RoleSpec> specs = new ArrayList<>();
      List<ProvisionedRole> planned = new ArrayList<>();
      for (RoleSlot slot : touched) {
        ProvisionedRole role = roles.get(slot);
        if (!wanted.contains(slot)) {
          if (role != null) gone.add(role);
          continue;
        }
        if (role != null) continue;
        List<StatusRecord> waiting = creations.getOrDefault(slot, List.of());
        String instanceArn = waiting.isEmpty() ? null : waiting.get(0).instanceArn();
        Optional<PermissionSet> set = instanceArn == null ? Optional.empty() : set(instanceArn, slot.permissionSetArn());
        if (set.isEmpty()) continue; // reported by invalid(); nothing can be written for this slot
        PermissionSet ps = set.get();
        String name = RoleTemplate.newRoleName(ps);
        specs.add(RoleTemplate.spec(ps, slot.accountId(), instance(instanceArn).orElseThrow(), null, name));
        planned.add(new ProvisionedRole(slot, instanceArn, null, name, ps.revision()));
      }
      List<Outcome> outcomes = ReservedRoles.put(h, specs, now);
      List<ProvisionedRole> made = new ArrayList<>();
      Set<RoleSlot> failedSlots = new HashSet<>();
      for (int i = 0; i < outcomes.size(); i++) {
        ProvisionedRole p = planned.get(i);
        switch (outcomes.get(i)) {
          case ReservedRoles.Written w -> made.add(new ProvisionedRole(p.slot(), p.instanceArn(), w.roleId(),
              p.roleName(), p.revision()));
          case ReservedRoles.Failed f -> {
            failedSlots.add(p.slot());
            for (StatusRecord r : creations.getOrDefault(p.slot(), List.of())) {
              Assignment row = rows.get(r.target());
              if (row != null && row.state() == AssignmentState.CREATING) {
                rows.remove(r.target());
                removed.add(r.target());
              }
              fail(r, f.reason());
            }
          }
        }
      }
      List<AssignmentTarget> activated = new ArrayList<>();
      for (var entry : creations.entrySet()) {
        if (failedSlots.contains(entry.getKey())) continue;
        for (StatusRecord r : entry.getValue()) {
          Assignment row = rows.get(r.target());
          if (row != null && row.state() == AssignmentState.CREATING) activated.add(r.target());
          succeed(r);
        }
      }
      ReservedRoles.delete(h, gone.stream().map(ProvisionedRole::roleId).toList());
      store.deleteRoles(gone.stream().map(ProvisionedRole::slot).toList());
      store.insertRoles(made, now);
      store.deleteAssignments(removed);
      store.setStates(activated, AssignmentState.ACTIVE);
    }

    /** ProvisionPermissionSet: rewrites the set's roles (in one account or all) from its current revision. */
    void provision(StatusRecord r) {
      Optional<PermissionSet> set = set(r.instanceArn(), r.permissionSetArn());
      Optional<Directory.InstanceInfo> instance = instance(r.instanceArn());
      if (set.isEmpty() || instance.isEmpty()) {
        fail(r, "Received a 404 status error: PermissionSet " + SsoAdminErrors.idOf(r.permissionSetArn())
            + " does not exist.");
        return;
      }
      List<ProvisionedRole> roles = r.accountId() != null
          ? store.role(new RoleSlot(r.permissionSetArn(), r.accountId())).stream().toList()
          : store.rolesOf(r.permissionSetArn());
      List<RoleSpec> specs = new ArrayList<>();
      for (ProvisionedRole role : roles) {
        specs.add(RoleTemplate.spec(set.get(), role.slot().accountId(), instance.get(), role.roleId(), role.roleName()));
      }
      List<Outcome> outcomes = ReservedRoles.put(h, specs, now);
      List<ProvisionedRole> updated = new ArrayList<>();
      String failure = null;
      for (int i = 0; i < outcomes.size(); i++) {
        ProvisionedRole role = roles.get(i);
        switch (outcomes.get(i)) {
          case ReservedRoles.Written w -> updated.add(new ProvisionedRole(role.slot(), role.instanceArn(), role.roleId(),
              role.roleName(), set.get().revision()));
          case ReservedRoles.Failed f -> {
            if (failure == null) failure = f.reason();
          }
        }
      }
      store.setRevisions(updated, now);
      if (failure == null) succeed(r); else fail(r, failure);
    }

    /** Why a creation cannot succeed (AWS's failure reasons), or null. */
    private String invalid(StatusRecord r, Set<String> activeAccounts, Map<String, Set<String>> principals) {
      Optional<Directory.InstanceInfo> instance = instance(r.instanceArn());
      if (instance.isEmpty()) return "Received a 404 status error: Instance " + r.instanceArn() + " does not exist.";
      if (set(r.instanceArn(), r.permissionSetArn()).isEmpty()) {
        return "Received a 404 status error: PermissionSet " + SsoAdminErrors.idOf(r.permissionSetArn())
            + " does not exist.";
      }
      if (!principals.getOrDefault(principalKey(instance.get().identityStoreId(), r.principalType()), Set.of())
          .contains(r.principalId())) {
        return "Received a 404 status error: the " + r.principalType() + " assignee " + r.principalId()
            + " was not found in directory " + instance.get().identityStoreId();
      }
      if (!activeAccounts.contains(r.accountId())) {
        return "Received a 404 status error: the account " + r.accountId()
            + " is not an active member of the organization";
      }
      return null;
    }

    /** The principals the creations name that exist, by identity store and type: one query per pair. */
    private Map<String, Set<String>> existingPrincipals(List<StatusRecord> changes) {
      Map<String, Set<String>> wanted = new HashMap<>();
      Map<String, PrincipalType> types = new HashMap<>();
      Map<String, String> stores = new HashMap<>();
      for (StatusRecord r : changes) {
        if (r.kind() != OperationKind.CREATE) continue;
        Optional<Directory.InstanceInfo> instance = instance(r.instanceArn());
        if (instance.isEmpty()) continue;
        String key = principalKey(instance.get().identityStoreId(), r.principalType());
        wanted.computeIfAbsent(key, k -> new HashSet<>()).add(r.principalId());
        types.put(key, r.principalType());
        stores.put(key, instance.get().identityStoreId());
      }
      Map<String, Set<String>> found = new HashMap<>();
      for (var e : wanted.entrySet()) {
        found.put(e.getKey(), Directory.existingPrincipals(h, stores.get(e.getKey()), types.get(e.getKey()), e.getValue()));
      }
      return found;
    }

    private static String principalKey(String identityStoreId, PrincipalType type) {
      return identityStoreId + "/" + type;
    }

    private Optional<Directory.InstanceInfo> instance(String instanceArn) {
      return instances.computeIfAbsent(instanceArn, arn -> Directory.instance(h, arn));
    }

    private Optional<PermissionSet> set(String instanceArn, String permissionSetArn) {
      return sets.computeIfAbsent(permissionSetArn, arn -> catalog.find(h, instanceArn, arn));
    }

    private void succeed(StatusRecord r) {
      done.put(r.seq(), r.completed(OperationStatus.SUCCEEDED, null));
    }

    private void fail(StatusRecord r, String reason) {
      done.put(r.seq(), r.completed(OperationStatus.FAILED, reason));
    }
  }
}
