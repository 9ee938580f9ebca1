package io.gatehouse.server.iam;

import io.gatehouse.policy.PolicyType;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.iam.IamErrors.AccessDeniedException;
import io.gatehouse.server.iam.IamErrors.DeleteConflictException;
import io.gatehouse.server.iam.IamErrors.EntityAlreadyExistsException;
import io.gatehouse.server.iam.IamErrors.LimitExceededException;
import io.gatehouse.server.iam.IamErrors.NoSuchEntityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Customer managed policies and their versions (at most five, one of them the default), the AWS
 * managed policies beside them (read-only), and who uses which.
 */
final class ManagedPolicyService {
  private final IamTransactions tx;
  private final Clock clock;
  private final IamQuotas quotas;

  ManagedPolicyService(IamTransactions tx, Clock clock, IamQuotas quotas) {
    this.tx = tx;
    this.clock = clock;
    this.quotas = quotas;
  }

  /** A policy as the API reports it, with the counts of the calling account. */
  record PolicyView(ManagedPolicy policy, int attachmentCount, int boundaryUsageCount) {}

  enum Scope { ALL, AWS, LOCAL }

  ManagedPolicy create(String accountId, String name, String path, String description, String document) {
    return create(accountId, name, path, description, document, List.of());
  }

  ManagedPolicy create(String accountId, String name, String path, String description, String document,
      List<Tag> tags) {
    requireValidDocument(document);
    IdentityService.requireDistinctKeys(tags);
    if (tags.size() > quotas.tagsPerResource()) throw tooManyTags();
    return tx.write(accountId, (h, store) -> {
      if (store.policy(accountId, name).isPresent()) {
        throw new EntityAlreadyExistsException("A policy called " + name + " already exists. Duplicate names are not allowed.");
      }
      if (store.countPolicies(accountId) >= quotas.customerManagedPoliciesPerAccount()) {
        throw LimitExceededException.quota("PoliciesPerAccount", quotas.customerManagedPoliciesPerAccount());
      }
      Instant now = clock.instant();
      ManagedPolicy policy = new ManagedPolicy(Ids.uniqueId("ANPA"), accountId, name, path == null ? "/" : path,
          description, "v1", 2, now, now);
      store.insertPolicy(policy);
      store.insertVersion(policy.id(), new PolicyVersion("v1", document, now));
      for (Tag tag : tags) store.putPolicyTag(policy.id(), tag);
      return policy;
    });
  }

  PolicyView get(String accountId, String arn) {
    return tx.read(store -> view(store, accountId, PolicyCatalog.require(store, accountId, arn)));
  }

  void delete(String callerArn, String accountId, String arn) {
    tx.write(accountId, (h, store) -> {
      ManagedPolicy p = requireWritable(store, callerArn, accountId, arn, "DeletePolicy");
      if (!store.identitiesAttachedTo(arn).isEmpty() || store.boundaryUsageCount(accountId, arn) > 0) {
        throw new DeleteConflictException("Cannot delete a policy attached to entities.");
      }
      if (store.versions(p.id()).size() > 1) {
        throw new DeleteConflictException("This policy has more than one version. Before you delete a policy, you must "
            + "delete the policy's versions. The default version is deleted with the policy.");
      }
      store.deletePolicy(p.id());
      return null;
    });
  }

  /** ListPolicies' PolicyUsageFilter: which use counts as "attached". */
  enum Usage { ANY, PERMISSIONS_POLICY, PERMISSIONS_BOUNDARY }

  Page<PolicyView> list(String accountId, Scope scope, boolean onlyAttached, String pathPrefix, String marker,
      Integer maxItems) {
    return list(accountId, scope, onlyAttached, Usage.ANY, pathPrefix, marker, maxItems);
  }

  Page<PolicyView> list(String accountId, Scope scope, boolean onlyAttached, Usage usage, String pathPrefix,
      String marker, Integer maxItems) {
    List<PolicyView> views = tx.read(store -> {
      List<ManagedPolicy> candidates = new ArrayList<>();
      if (scope != Scope.AWS) candidates.addAll(store.policies(accountId));
      if (scope != Scope.LOCAL) {
        for (AwsManagedPolicies.AwsPolicy p : AwsManagedPolicies.list()) candidates.add(p.policy());
      }
      java.util.Map<String, Integer> attachments = store.attachmentCounts(accountId);
      java.util.Map<String, Integer> boundaries = store.boundaryUsageCounts(accountId);
      List<PolicyView> out = new ArrayList<>();
      for (ManagedPolicy p : candidates) {
        if (pathPrefix != null && !p.path().startsWith(pathPrefix)) continue;
        int attached = attachments.getOrDefault(p.arn(), 0);
        int bounding = boundaries.getOrDefault(p.arn(), 0);
        int used = switch (usage) {
          case ANY -> attached + bounding;
          case PERMISSIONS_POLICY -> attached;
          case PERMISSIONS_BOUNDARY -> bounding;
        };
        if ((onlyAttached || usage != Usage.ANY) && used == 0) continue;
        out.add(new PolicyView(p, attached, bounding));
      }
      return out;
    });
    List<PolicyView> sorted = views.stream().sorted(Comparator.comparing(ManagedPolicyService::sortKey)).toList();
    return Page.of(sorted, ManagedPolicyService::sortKey, marker, maxItems);
  }

  private static String sortKey(PolicyView v) {
    return v.policy().name().toLowerCase(Locale.ROOT) + "\u0000" + v.policy().arn();
  }

  PolicyVersion createVersion(String callerArn, String accountId, String arn, String document, boolean setAsDefault) {
    requireValidDocument(document);
    return tx.write(accountId, (h, store) -> {
      ManagedPolicy p = requireWritable(store, callerArn, accountId, arn, "CreatePolicyVersion");
      if (store.versions(p.id()).size() >= quotas.versionsPerPolicy()) {
        throw new LimitExceededException("A managed policy can have up to " + quotas.versionsPerPolicy()
            + " versions. Before you create a new version, you must delete an existing version.");
      }
      Instant now = clock.instant();
      PolicyVersion version = new PolicyVersion("v" + p.nextVersion(), document, now);
      store.insertVersion(p.id(), version);
      store.updatePolicy(new ManagedPolicy(p.id(), p.accountId(), p.name(), p.path(), p.description(),
          setAsDefault ? version.versionId() : p.defaultVersion(), p.nextVersion() + 1, p.createdAt(), now));
      return version;
    });
  }

  /** A version and whether it is the default. */
  record VersionView(PolicyVersion version, boolean isDefault) {}

  VersionView getVersion(String accountId, String arn, String versionId) {
    return tx.read(store -> {
      ManagedPolicy p = PolicyCatalog.require(store, accountId, arn);
      if (p.awsManaged()) {
        if (!p.defaultVersion().equals(versionId)) throw NoSuchEntityException.policyVersion(arn, versionId);
        return new VersionView(new PolicyVersion(versionId, PolicyCatalog.defaultDocument(store, p), p.updatedAt()), true);
      }
      PolicyVersion v = store.version(p.id(), versionId)
          .orElseThrow(() -> NoSuchEntityException.policyVersion(arn, versionId));
      return new VersionView(v, v.versionId().equals(p.defaultVersion()));
    });
  }

  Page<VersionView> listVersions(String accountId, String arn, String marker, Integer maxItems) {
    List<VersionView> versions = tx.read(store -> {
      ManagedPolicy p = PolicyCatalog.require(store, accountId, arn);
      if (p.awsManaged()) {
        return List.of(new VersionView(new PolicyVersion(p.defaultVersion(), null, p.updatedAt()), true));
      }
      return store.versions(p.id()).stream().map(v -> new VersionView(v, v.versionId().equals(p.defaultVersion())))
          .sorted(Comparator.comparingInt((VersionView v) -> versionNumber(v.version().versionId())).reversed()).toList();
    });
    // Newest first, as AWS lists them; the key orders numerically descending.
    return Page.of(versions, v -> String.format("%010d", Integer.MAX_VALUE - versionNumber(v.version().versionId())),
        marker, maxItems);
  }

  private static int versionNumber(String versionId) {
    return Integer.parseInt(versionId.substring(1));
  }

  void deleteVersion(String callerArn, String accountId, String arn, String versionId) {
    tx.write(accountId, (h, store) -> {
      ManagedPolicy p = requireWritable(store, callerArn, accountId, arn, "DeletePolicyVersion");
      if (store.version(p.id(), versionId).isEmpty()) throw NoSuchEntityException.policyVersion(arn, versionId);
      if (p.defaultVersion().equals(versionId)) {
        throw new DeleteConflictException("Cannot delete the default version of a policy.");
      }
      store.deleteVersion(p.id(), versionId);
      return null;
    });
  }

  void setDefaultVersion(String callerArn, String accountId, String arn, String versionId) {
    tx.write(accountId, (h, store) -> {
      ManagedPolicy p = requireWritable(store, callerArn, accountId, arn, "SetDefaultPolicyVersion");
      if (store.version(p.id(), versionId).isEmpty()) throw NoSuchEntityException.policyVersion(arn, versionId);
      store.updatePolicy(new ManagedPolicy(p.id(), p.accountId(), p.name(), p.path(), p.description(), versionId,
          p.nextVersion(), p.createdAt(), clock.instant()));
      return null;
    });
  }

  /** The users, groups and roles of the account the policy is attached to (or, with BOUNDARY use, bounded by). */
  List<Identity> entitiesFor(String accountId, String arn, Optional<IdentityKind> kind, String pathPrefix,
      boolean asBoundary) {
    return tx.read(store -> {
      PolicyCatalog.require(store, accountId, arn);
      List<Identity> out = new ArrayList<>();
      if (asBoundary) {
        for (IdentityKind k : List.of(IdentityKind.USER, IdentityKind.ROLE)) {
          for (Identity i : store.identities(accountId, k)) if (arn.equals(i.permissionsBoundary())) out.add(i);
        }
      } else {
        for (String id : store.identitiesAttachedTo(arn)) {
          store.identityById(id).filter(i -> i.accountId().equals(accountId)).ifPresent(out::add);
        }
      }
      return out.stream()
          .filter(i -> kind.isEmpty() || i.kind() == kind.get())
          .filter(i -> pathPrefix == null || i.path().startsWith(pathPrefix))
          .sorted(Comparator.comparing(i -> JdbcIamStore.key(i.name())))
          .toList();
    });
  }

  List<Tag> tags(String accountId, String arn) {
    return tx.read(store -> {
      ManagedPolicy p = PolicyCatalog.require(store, accountId, arn);
      return p.awsManaged() ? List.<Tag>of() : store.policyTags(p.id());
    });
  }

  void tag(String callerArn, String accountId, String arn, List<Tag> tags) {
    IdentityService.requireDistinctKeys(tags);
    tx.write(accountId, (h, store) -> {
      ManagedPolicy p = requireWritable(store, callerArn, accountId, arn, "TagPolicy");
      java.util.Set<String> keys = new java.util.HashSet<>();
      for (Tag t : store.policyTags(p.id())) keys.add(JdbcIamStore.key(t.key()));
      for (Tag t : tags) keys.add(JdbcIamStore.key(t.key()));
      if (keys.size() > quotas.tagsPerResource()) throw tooManyTags();
      for (Tag t : tags) store.putPolicyTag(p.id(), t);
      return null;
    });
  }

  void untag(String callerArn, String accountId, String arn, List<String> keys) {
    tx.write(accountId, (h, store) -> {
      ManagedPolicy p = requireWritable(store, callerArn, accountId, arn, "UntagPolicy");
      for (String key : keys) store.deletePolicyTag(p.id(), key);
      return null;
    });
  }

  private LimitExceededException tooManyTags() {
    return new LimitExceededException("The number of tags has reached the maximum limit of " + quotas.tagsPerResource()
        + ".");
  }

  private static PolicyView view(IamStore store, String accountId, ManagedPolicy p) {
    return new PolicyView(p, store.attachmentCount(accountId, p.arn()), store.boundaryUsageCount(accountId, p.arn()));
  }

  private static ManagedPolicy requireWritable(IamStore store, String callerArn, String accountId, String arn,
      String action) {
    ManagedPolicy p = PolicyCatalog.require(store, accountId, arn);
    if (p.awsManaged()) throw new AccessDeniedException(callerArn, action, arn);
    return p;
  }

  private void requireValidDocument(String document) {
    if (PolicyDocuments.size(document) > quotas.managedPolicySize()) {
      throw LimitExceededException.quota("PolicySize", quotas.managedPolicySize());
    }
    PolicyDocuments.requireValid(document, PolicyType.IDENTITY);
  }
}
