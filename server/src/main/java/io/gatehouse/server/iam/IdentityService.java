package io.gatehouse.server.iam;

import io.gatehouse.policy.PolicyType;
import io.gatehouse.server.auth.AccessKeys;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.iam.IamErrors.DeleteConflictException;
import io.gatehouse.server.iam.IamErrors.EntityAlreadyExistsException;
import io.gatehouse.server.iam.IamErrors.InvalidInputException;
import io.gatehouse.server.iam.IamErrors.LimitExceededException;
import io.gatehouse.server.iam.IamErrors.NoSuchEntityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Users, groups and roles of one account: their lifecycle, tags, inline policies, managed policy
 * attachments, permissions boundaries and group membership, with AWS's rules and quotas.
 */
final class IdentityService {
  static final int DEFAULT_MAX_SESSION_DURATION = 3600;

  private final IamTransactions tx;
  private final Clock clock;
  private final IamQuotas quotas;
  private final AccessKeys accessKeys;

  IdentityService(IamTransactions tx, Clock clock, IamQuotas quotas, AccessKeys accessKeys) {
    this.tx = tx;
    this.clock = clock;
    this.quotas = quotas;
    this.accessKeys = accessKeys;
  }

  /** What CreateUser, CreateGroup and CreateRole ask for; role-only values are null for the others. */
  record NewIdentity(IdentityKind kind, String name, String path, String description, String trustPolicy,
      Integer maxSessionDuration, String permissionsBoundary, List<Tag> tags) {}

  Identity create(String accountId, NewIdentity in) {
    return tx.write(accountId, (h, store) -> create(store, accountId, in));
  }

  /** Creates in the caller's open transaction (the account lock is held by then). */
  Identity create(IamStore store, String accountId, NewIdentity in) {
    IdentityKind kind = in.kind();
    if (kind == IdentityKind.ROLE) {
      requireValidTrustPolicy(in.trustPolicy());
    }
    List<Tag> tags = in.tags() == null ? List.of() : in.tags();
    requireDistinctKeys(tags);
    if (tags.size() > quotas.tagsPerResource()) throw tooManyTags();
    if (store.identity(accountId, kind, in.name()).isPresent()) {
      throw EntityAlreadyExistsException.identity(kind, in.name());
    }
    if (store.countIdentities(accountId, kind) >= quotas.identitiesPerAccount(kind)) {
      throw LimitExceededException.quota(IamQuotas.perAccountQuotaName(kind), quotas.identitiesPerAccount(kind));
    }
    String boundary = in.permissionsBoundary();
    if (boundary != null) requireBoundaryPolicy(store, accountId, boundary);
    Integer maxSession = kind == IdentityKind.ROLE
        ? (in.maxSessionDuration() == null ? DEFAULT_MAX_SESSION_DURATION : in.maxSessionDuration()) : null;
    Identity identity = new Identity(kind, Ids.uniqueId(kind.idPrefix()), accountId, in.name(),
        in.path() == null ? "/" : in.path(), in.description(), in.trustPolicy(), maxSession, boundary, clock.instant());
    store.insertIdentity(identity);
    for (Tag tag : tags) store.putTag(identity.id(), tag);
    return identity;
  }

  Identity get(String accountId, IdentityKind kind, String name) {
    return tx.read(store -> require(store, accountId, kind, name));
  }

  Optional<Identity> byId(String id) {
    return tx.read(store -> store.identityById(id));
  }

  List<Tag> tags(String identityId) {
    return tx.read(store -> store.tags(identityId));
  }

  Page<Identity> list(String accountId, IdentityKind kind, String pathPrefix, String marker, Integer maxItems) {
    List<Identity> all = tx.read(store -> store.identities(accountId, kind)).stream()
        .filter(i -> pathPrefix == null || i.path().startsWith(pathPrefix))
        .toList();
    return Page.of(all, i -> JdbcIamStore.key(i.name()), marker, maxItems);
  }

  /** UpdateUser and UpdateGroup: a new name and/or path; user keys follow the new ARN. */
  Identity rename(String accountId, IdentityKind kind, String name, String newName, String newPath) {
    return tx.write(accountId, (h, store) -> {
      Identity current = require(store, accountId, kind, name);
      String targetName = newName == null ? current.name() : newName;
      if (!JdbcIamStore.key(targetName).equals(JdbcIamStore.key(current.name()))
          && store.identity(accountId, kind, targetName).isPresent()) {
        throw EntityAlreadyExistsException.identity(kind, targetName);
      }
      Identity renamed = current.withName(targetName, newPath == null ? current.path() : newPath);
      store.updateIdentity(renamed);
      if (kind == IdentityKind.USER) accessKeys.renameOwner(h, renamed.id(), renamed.arn());
      return renamed;
    });
  }

  /** UpdateRole and UpdateRoleDescription: only what was given changes. */
  Identity updateRole(String accountId, String roleName, String description, Integer maxSessionDuration) {
    return tx.write(accountId, (h, store) -> {
      Identity r = require(store, accountId, IdentityKind.ROLE, roleName);
      ReservedRoles.requireModifiable(r);
      Identity updated = new Identity(r.kind(), r.id(), r.accountId(), r.name(), r.path(),
          description == null ? r.description() : description, r.trustPolicy(),
          maxSessionDuration == null ? r.maxSessionDuration() : maxSessionDuration, r.permissionsBoundary(),
          r.createdAt());
      store.updateIdentity(updated);
      return updated;
    });
  }

  void updateTrustPolicy(String accountId, String roleName, String document) {
    requireValidTrustPolicy(document);
    tx.write(accountId, (h, store) -> {
      Identity r = require(store, accountId, IdentityKind.ROLE, roleName);
      ReservedRoles.requireModifiable(r);
      store.updateIdentity(new Identity(r.kind(), r.id(), r.accountId(), r.name(), r.path(), r.description(), document,
          r.maxSessionDuration(), r.permissionsBoundary(), r.createdAt()));
      return null;
    });
  }

  void delete(String accountId, IdentityKind kind, String name) {
    tx.write(accountId, (h, store) -> {
      Identity i = require(store, accountId, kind, name);
      ReservedRoles.requireModifiable(i);
      requireNothingAttached(h, store, i);
      store.deleteIdentity(i.id());
      return null;
    });
  }

  private void requireNothingAttached(Handle h, IamStore store, Identity i) {
    switch (i.kind()) {
      case USER -> {
        if (!accessKeys.keysOf(h, i.id()).isEmpty()) conflict("must delete access keys first");
        if (store.loginProfile(i.id()).isPresent()) conflict("must delete login profile first");
        // AWS words it the same for a user in a group as for a group with users.
        if (!store.groupIdsOf(i.id()).isEmpty()) conflict("must remove users from group first");
      }
      case GROUP -> {
        if (!store.memberIdsOf(i.id()).isEmpty()) conflict("must remove users from group first");
      }
      case ROLE -> {
        // Gatehouse has no instance profiles, so a role is never in one.
      }
    }
    if (!store.inlinePolicies(i.id()).isEmpty()) conflict("must delete policies first");
    if (!store.attachedArns(i.id()).isEmpty()) conflict("must detach all policies first");
  }

  private static void conflict(String what) {
    throw new DeleteConflictException("Cannot delete entity, " + what + ".");
  }

  void tag(String accountId, IdentityKind kind, String name, List<Tag> tags) {
    requireDistinctKeys(tags);
    tx.write(accountId, (h, store) -> {
      Identity i = require(store, accountId, kind, name);
      ReservedRoles.requireModifiable(i);
      Set<String> keys = new HashSet<>();
      for (Tag t : store.tags(i.id())) keys.add(JdbcIamStore.key(t.key()));
      for (Tag t : tags) keys.add(JdbcIamStore.key(t.key()));
      if (keys.size() > quotas.tagsPerResource()) throw tooManyTags();
      for (Tag t : tags) store.putTag(i.id(), t);
      return null;
    });
  }

  void untag(String accountId, IdentityKind kind, String name, List<String> keys) {
    tx.write(accountId, (h, store) -> {
      Identity i = require(store, accountId, kind, name);
      ReservedRoles.requireModifiable(i);
      for (String key : keys) store.deleteTag(i.id(), key);
      return null;
    });
  }

  Page<Tag> listTags(String accountId, IdentityKind kind, String name, String marker, Integer maxItems) {
    List<Tag> tags = tx.read(store -> store.tags(require(store, accountId, kind, name).id()));
    return Page.of(tags, t -> JdbcIamStore.key(t.key()), marker, maxItems);
  }

  void putBoundary(String accountId, IdentityKind kind, String name, String policyArn) {
    tx.write(accountId, (h, store) -> {
      Identity i = require(store, accountId, kind, name);
      ReservedRoles.requireModifiable(i);
      requireBoundaryPolicy(store, accountId, policyArn);
      store.updateIdentity(withBoundary(i, policyArn));
      return null;
    });
  }

  void deleteBoundary(String accountId, IdentityKind kind, String name) {
    tx.write(accountId, (h, store) -> {
      Identity i = require(store, accountId, kind, name);
      ReservedRoles.requireModifiable(i);
      store.updateIdentity(withBoundary(i, null));
      return null;
    });
  }

  private static Identity withBoundary(Identity i, String arn) {
    return new Identity(i.kind(), i.id(), i.accountId(), i.name(), i.path(), i.description(), i.trustPolicy(),
        i.maxSessionDuration(), arn, i.createdAt());
  }

  /** AWS: a boundary must be a managed policy this account can see (its own or AWS's). */
  private static void requireBoundaryPolicy(IamStore store, String accountId, String arn) {
    if (PolicyCatalog.find(store, accountId, arn).isEmpty()) {
      throw new NoSuchEntityException("Scope ARN: " + arn + " does not exist or is not attachable.");
    }
  }

  void putInlinePolicy(String accountId, IdentityKind kind, String name, String policyName, String document) {
    PolicyDocuments.requireValid(document, PolicyType.IDENTITY);
    tx.write(accountId, (h, store) -> {
      Identity i = require(store, accountId, kind, name);
      ReservedRoles.requireModifiable(i);
      int total = PolicyDocuments.size(document);
      for (InlinePolicy p : store.inlinePolicies(i.id())) {
        if (!JdbcIamStore.key(p.name()).equals(JdbcIamStore.key(policyName))) total += PolicyDocuments.size(p.document());
      }
      if (total > quotas.inlinePolicyBytes(kind)) {
        throw new LimitExceededException("Maximum policy size of " + quotas.inlinePolicyBytes(kind)
            + " bytes exceeded for " + kind.noun() + " " + i.name());
      }
      store.putInlinePolicy(i.id(), new InlinePolicy(policyName, document));
      return null;
    });
  }

  InlinePolicy getInlinePolicy(String accountId, IdentityKind kind, String name, String policyName) {
    return tx.read(store -> store.inlinePolicy(require(store, accountId, kind, name).id(), policyName)
        .orElseThrow(() -> NoSuchEntityException.inlinePolicy(kind, policyName)));
  }

  void deleteInlinePolicy(String accountId, IdentityKind kind, String name, String policyName) {
    tx.write(accountId, (h, store) -> {
      Identity i = require(store, accountId, kind, name);
      ReservedRoles.requireModifiable(i);
      if (!store.deleteInlinePolicy(i.id(), policyName)) {
        throw NoSuchEntityException.inlinePolicy(kind, policyName);
      }
      return null;
    });
  }

  Page<String> listInlinePolicies(String accountId, IdentityKind kind, String name, String marker, Integer maxItems) {
    List<String> names = tx.read(store -> store.inlinePolicies(require(store, accountId, kind, name).id()))
        .stream().map(InlinePolicy::name).toList();
    return Page.of(names, JdbcIamStore::key, marker, maxItems);
  }

  void attach(String accountId, IdentityKind kind, String name, String policyArn) {
    tx.write(accountId, (h, store) -> {
      ReservedRoles.requireModifiable(require(store, accountId, kind, name));
      attach(store, accountId, kind, name, policyArn);
      return null;
    });
  }

  void attach(IamStore store, String accountId, IdentityKind kind, String name, String policyArn) {
    Identity i = require(store, accountId, kind, name);
    PolicyCatalog.require(store, accountId, policyArn);
    List<String> attached = store.attachedArns(i.id());
    if (attached.contains(policyArn)) return;
    if (attached.size() >= quotas.managedPoliciesPer(kind)) {
      throw LimitExceededException.quota(IamQuotas.attachedQuotaName(kind), quotas.managedPoliciesPer(kind));
    }
    store.attach(i.id(), policyArn, clock.instant());
  }

  void detach(String accountId, IdentityKind kind, String name, String policyArn) {
    tx.write(accountId, (h, store) -> {
      Identity i = require(store, accountId, kind, name);
      ReservedRoles.requireModifiable(i);
      if (!store.detach(i.id(), policyArn)) throw NoSuchEntityException.notAttached(policyArn);
      return null;
    });
  }

  /** The managed policies attached to an identity, with their names, in attachment order. */
  Page<ManagedPolicy> listAttached(String accountId, IdentityKind kind, String name, String pathPrefix, String marker,
      Integer maxItems) {
    List<ManagedPolicy> attached = tx.read(store -> {
      Identity i = require(store, accountId, kind, name);
      List<ManagedPolicy> out = new ArrayList<>();
      for (String arn : store.attachedArns(i.id())) PolicyCatalog.find(store, accountId, arn).ifPresent(out::add);
      return out;
    });
    List<ManagedPolicy> filtered = attached.stream()
        .filter(p -> pathPrefix == null || p.path().startsWith(pathPrefix))
        .sorted(java.util.Comparator.comparing(p -> p.arn().toLowerCase(Locale.ROOT)))
        .toList();
    return Page.of(filtered, p -> p.arn().toLowerCase(Locale.ROOT), marker, maxItems);
  }

  void addUserToGroup(String accountId, String groupName, String userName) {
    tx.write(accountId, (h, store) -> {
      Identity group = require(store, accountId, IdentityKind.GROUP, groupName);
      Identity user = require(store, accountId, IdentityKind.USER, userName);
      List<String> groups = store.groupIdsOf(user.id());
      if (groups.contains(group.id())) return null;
      if (groups.size() >= quotas.groupsPerUser()) throw LimitExceededException.quota("GroupsPerUser", quotas.groupsPerUser());
      store.addMember(group.id(), user.id());
      return null;
    });
  }

  void removeUserFromGroup(String accountId, String groupName, String userName) {
    tx.write(accountId, (h, store) -> {
      Identity group = require(store, accountId, IdentityKind.GROUP, groupName);
      Identity user = require(store, accountId, IdentityKind.USER, userName);
      if (!store.removeMember(group.id(), user.id())) {
        throw new NoSuchEntityException("User " + user.name() + " is not in group " + group.name() + ".");
      }
      return null;
    });
  }

  Page<Identity> groupsForUser(String accountId, String userName, String marker, Integer maxItems) {
    List<Identity> groups = tx.read(store -> related(store, store.groupIdsOf(
        require(store, accountId, IdentityKind.USER, userName).id())));
    return Page.of(groups, g -> JdbcIamStore.key(g.name()), marker, maxItems);
  }

  Page<Identity> usersInGroup(String accountId, String groupName, String marker, Integer maxItems) {
    List<Identity> users = tx.read(store -> related(store, store.memberIdsOf(
        require(store, accountId, IdentityKind.GROUP, groupName).id())));
    return Page.of(users, u -> JdbcIamStore.key(u.name()), marker, maxItems);
  }

  private static List<Identity> related(IamStore store, List<String> ids) {
    return ids.stream().map(store::identityById).flatMap(Optional::stream)
        .sorted(java.util.Comparator.comparing(i -> JdbcIamStore.key(i.name()))).toList();
  }

  static Identity require(IamStore store, String accountId, IdentityKind kind, String name) {
    return store.identity(accountId, kind, name).orElseThrow(() -> NoSuchEntityException.identity(kind, name));
  }

  private void requireValidTrustPolicy(String document) {
    if (PolicyDocuments.size(document) > quotas.trustPolicySize()) {
      throw LimitExceededException.quota("ACLSizePerRole", quotas.trustPolicySize());
    }
    PolicyDocuments.requireValid(document, PolicyType.TRUST);
  }

  static void requireDistinctKeys(List<Tag> tags) {
    Set<String> seen = new HashSet<>();
    for (Tag t : tags) {
      if (!seen.add(JdbcIamStore.key(t.key()))) {
        throw new InvalidInputException("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
      }
    }
  }

  private LimitExceededException tooManyTags() {
    return new LimitExceededException("The number of tags has reached the maximum limit of " + quotas.tagsPerResource()
        + ".");
  }
}
