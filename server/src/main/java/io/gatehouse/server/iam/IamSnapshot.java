package io.gatehouse.server.iam;

import io.gatehouse.policy.Policy;
import io.gatehouse.policy.PolicyLimits;
import io.gatehouse.policy.PolicyParser;
import io.gatehouse.policy.PolicyType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable picture of IAM in every account, made for the authorizer: per user and role, the
 * identity-based policies in force (inline, attached managed, and those of the user's groups), the
 * permissions boundary and the tags; per role, the trust policy and maximum session duration.
 * {@link IamFeature#snapshot()} serves the current one; a new one replaces it whenever change-log
 * topic {@code iam} advances.
 *
 * <p>It also keeps each user and role as stored, with its tags, so that GetRole and GetUser are
 * answered from memory. This server reloads the snapshot after its own IAM writes commit and before
 * their responses go out, so a client reads its writes; a write made through another server is seen
 * at the next change-log poll. AWS's IAM is eventually consistent in the same way.
 */
public final class IamSnapshot {
  /** Where a policy document comes from. */
  public enum PolicyKind { INLINE, CUSTOMER_MANAGED, AWS_MANAGED }

  /**
   * One policy document in force for a principal.
   *
   * @param name the inline policy's name, or the managed policy's name
   * @param arn the managed policy's ARN; null for inline policies
   * @param viaGroupArn the group it comes through, or null when attached to the principal itself
   * @param policy the document compiled by the engine (named by its ARN, or by its name when inline),
   *     ready to evaluate; null only if a stored document no longer compiles
   */
  public record PolicyDocument(PolicyKind kind, String name, String arn, String viaGroupArn, String document,
      Policy policy) {}

  /**
   * A user or role as the authorizer sees it.
   *
   * @param type {@code user} or {@code role}
   * @param id the unique id ({@code AIDA…}, {@code AROA…}), used in {@code aws:userid}
   */
  public record Principal(String arn, String id, String accountId, String name, String path, String type,
      List<PolicyDocument> identityPolicies, Optional<PolicyDocument> permissionsBoundary, Map<String, String> tags) {}

  /**
   * What AssumeRole needs about a role.
   *
   * @param trust the trust policy compiled by the engine (null only if the stored document no longer compiles)
   */
  public record RoleTrust(String arn, String roleId, String accountId, String name, String trustPolicy,
      int maxSessionDuration, Policy trust) {}

  /**
   * Stored documents were validated when written; evaluation must not reject them later because a
   * limit changed, so they are compiled without size limits. AWS's own documents never change and
   * are compiled once per process.
   */
  private static final PolicyParser EVALUATION = PolicyParser.lenient(PolicyLimits.unlimitedSize());
  private static final Map<String, Optional<Policy>> AWS_COMPILED = new ConcurrentHashMap<>();

  private static final IamSnapshot EMPTY = new IamSnapshot(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

  /** A user or role as stored, with its tags in key order: what GetUser and GetRole return. */
  record StoredIdentity(Identity identity, List<Tag> tags) {}

  /** Names are unique per account and kind regardless of case ({@link JdbcIamStore#key}). */
  private record NameKey(String accountId, IdentityKind kind, String nameKey) {
    static NameKey of(String accountId, IdentityKind kind, String name) {
      return new NameKey(accountId, kind, JdbcIamStore.key(name));
    }
  }

  private final Map<String, Principal> principalsByArn;
  private final Map<String, Principal> principalsById;
  private final Map<String, RoleTrust> rolesByArn;
  private final Map<String, PolicyDocument> customerManaged;
  private final Map<NameKey, StoredIdentity> storedByName;

  private IamSnapshot(Map<String, Principal> byArn, Map<String, Principal> byId, Map<String, RoleTrust> roles,
      Map<String, PolicyDocument> customerManaged, Map<NameKey, StoredIdentity> storedByName) {
    this.principalsByArn = byArn;
    this.principalsById = byId;
    this.rolesByArn = roles;
    this.customerManaged = customerManaged;
    this.storedByName = storedByName;
  }

  /** A user or role of the account by name (any case), as stored; groups are not kept. */
  Optional<StoredIdentity> stored(String accountId, IdentityKind kind, String name) {
    return Optional.ofNullable(storedByName.get(NameKey.of(accountId, kind, name)));
  }

  /**
   * A managed policy's default version by ARN, compiled as an identity policy: a customer managed
   * policy of any account, or an AWS managed one. For managed session policies.
   */
  public Optional<PolicyDocument> managedPolicy(String arn) {
    return managed(arn, customerManaged);
  }

  public static IamSnapshot empty() {
    return EMPTY;
  }

  /** A user or role by ARN ({@code arn:aws:iam::<account>:user/<path>name}, or {@code :role/…}). */
  public Optional<Principal> principal(String arn) {
    return Optional.ofNullable(principalsByArn.get(arn));
  }

  /** A user or role by unique id ({@code AIDA…} / {@code AROA…}), which survives renames. */
  public Optional<Principal> principalById(String id) {
    return Optional.ofNullable(principalsById.get(id));
  }

  public Optional<RoleTrust> role(String arn) {
    return Optional.ofNullable(rolesByArn.get(arn));
  }

  public Map<String, Principal> principals() {
    return principalsByArn;
  }

  /** Reads everything in one transaction (consistent), resolving managed policies to their default documents. */
  static IamSnapshot load(IamStore store) {
    Map<String, Identity> identities = new HashMap<>();
    for (Identity i : store.allIdentities()) identities.put(i.id(), i);
    Map<String, List<InlinePolicy>> inline = grouped(store.allInlinePolicies());
    Map<String, List<String>> attachments = grouped(store.allAttachments());
    Map<String, List<String>> groupsOfUser = grouped(store.allMemberships());
    Map<String, List<Tag>> tagsOf = grouped(store.allTags());
    Map<String, PolicyDocument> managed = new HashMap<>();
    for (ManagedPolicy p : store.allPolicies()) {
      String document = PolicyCatalog.defaultDocument(store, p);
      managed.put(p.arn(), new PolicyDocument(PolicyKind.CUSTOMER_MANAGED, p.name(), p.arn(), null, document,
          compile(document, PolicyType.IDENTITY, p.arn())));
    }

    Map<String, Principal> byArn = new LinkedHashMap<>();
    Map<String, Principal> byId = new HashMap<>();
    Map<String, RoleTrust> roles = new LinkedHashMap<>();
    Map<NameKey, StoredIdentity> stored = new HashMap<>();
    for (Identity i : identities.values()) {
      if (i.kind() == IdentityKind.GROUP) continue;
      List<PolicyDocument> docs = new ArrayList<>();
      addPolicies(i, null, inline, attachments, managed, docs);
      for (String groupId : groupsOfUser.getOrDefault(i.id(), List.of())) {
        Identity group = identities.get(groupId);
        if (group != null) addPolicies(group, group.arn(), inline, attachments, managed, docs);
      }
      Optional<PolicyDocument> boundary = Optional.ofNullable(i.permissionsBoundary())
          .flatMap(arn -> managed(arn, managed))
          .map(d -> new PolicyDocument(d.kind(), d.name(), d.arn(), null, d.document(), d.kind() == PolicyKind.AWS_MANAGED
              ? awsCompiled(d.arn(), d.document(), PolicyType.PERMISSIONS_BOUNDARY)
              : compile(d.document(), PolicyType.PERMISSIONS_BOUNDARY, d.arn())));
      List<Tag> tagList = List.copyOf(tagsOf.getOrDefault(i.id(), List.of()));
      stored.put(NameKey.of(i.accountId(), i.kind(), i.name()), new StoredIdentity(i, tagList));
      Map<String, String> tags = new LinkedHashMap<>();
      for (Tag t : tagList) tags.put(t.key(), t.value());
      Principal p = new Principal(i.arn(), i.id(), i.accountId(), i.name(), i.path(), i.kind().noun(), List.copyOf(docs),
          boundary, java.util.Collections.unmodifiableMap(tags));
      byArn.put(p.arn(), p);
      byId.put(p.id(), p);
      if (i.kind() == IdentityKind.ROLE) {
        roles.put(i.arn(), new RoleTrust(i.arn(), i.id(), i.accountId(), i.name(), i.trustPolicy(), i.maxSessionDuration(),
            compile(i.trustPolicy(), PolicyType.TRUST, i.arn())));
      }
    }
    return new IamSnapshot(Map.copyOf(byArn), Map.copyOf(byId), Map.copyOf(roles), Map.copyOf(managed),
        Map.copyOf(stored));
  }

  private static <T> Map<String, List<T>> grouped(List<Owned<T>> rows) {
    Map<String, List<T>> out = new HashMap<>();
    for (Owned<T> row : rows) out.computeIfAbsent(row.identityId(), k -> new ArrayList<>()).add(row.value());
    return out;
  }

  private static void addPolicies(Identity owner, String viaGroupArn, Map<String, List<InlinePolicy>> inline,
      Map<String, List<String>> attachments, Map<String, PolicyDocument> managed, List<PolicyDocument> out) {
    for (InlinePolicy p : inline.getOrDefault(owner.id(), List.of())) {
      out.add(new PolicyDocument(PolicyKind.INLINE, p.name(), null, viaGroupArn, p.document(),
          compile(p.document(), PolicyType.IDENTITY, p.name())));
    }
    for (String arn : attachments.getOrDefault(owner.id(), List.of())) {
      managed(arn, managed).ifPresent(d -> out.add(new PolicyDocument(d.kind(), d.name(), d.arn(), viaGroupArn,
          d.document(), d.policy())));
    }
  }

  private static Optional<PolicyDocument> managed(String arn, Map<String, PolicyDocument> customer) {
    PolicyDocument doc = customer.get(arn);
    if (doc != null) return Optional.of(doc);
    return AwsManagedPolicies.find(arn).map(p -> new PolicyDocument(PolicyKind.AWS_MANAGED, p.policy().name(), arn, null,
        p.document(), awsCompiled(arn, p.document(), PolicyType.IDENTITY)));
  }

  private static Policy awsCompiled(String arn, String document, PolicyType type) {
    return AWS_COMPILED.computeIfAbsent(type + " " + arn, k -> Optional.ofNullable(compile(document, type, arn))).orElse(null);
  }

  private static Policy compile(String document, PolicyType type, String name) {
    return EVALUATION.check(document, type).policy().map(p -> p.named(name)).orElse(null);
  }
}
