package io.gatehouse.server.iam;

import io.gatehouse.server.core.AwsException;
import io.gatehouse.server.core.Ids;
import io.gatehouse.server.storage.ChangeLog;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The roles IAM Identity Center keeps in member accounts ({@code AWSReservedSSO_<set>_<16 hex>} under
 * {@value #PATH}): written only through here, by the provisioning of account assignments, in the
 * caller's transaction and in batches (a few statements for any number of roles). Account
 * administrators cannot change them: IAM's own operations refuse with {@code UnmodifiableEntity}
 * ({@link #requireModifiable}).
 */
public final class ReservedRoles {
  /** Where AWS puts the roles of an instance whose home region is us-east-1. */
  public static final String PATH = "/aws-reserved/sso.amazonaws.com/";
  public static final String NAME_PREFIX = "AWSReservedSSO_";
  /** The name AWS gives a permission set's inline policy on its roles. */
  public static final String INLINE_POLICY_NAME = "AwsSSOInlinePolicy";

  private ReservedRoles() {}

  /** A customer managed policy named by path and name, resolved in each account. */
  public record PolicyName(String name, String path) {
    public PolicyName {
      Objects.requireNonNull(name, "name");
      path = path == null ? "/" : path;
    }

    public String arnIn(String accountId) {
      return "arn:aws:iam::" + accountId + ":policy" + path + name;
    }
  }

  /**
   * What a reserved role should be. Exactly one of the boundary fields may be set.
   *
   * @param existingRoleId the role to rewrite, or null to create one named {@code roleName}
   */
  public record RoleSpec(String accountId, String existingRoleId, String roleName, String trustPolicy,
      int maxSessionDuration, List<String> awsManagedPolicyArns, List<PolicyName> customerManagedPolicies,
      String inlinePolicy, String boundaryPolicyArn, PolicyName boundaryCustomerManaged) {
    public RoleSpec {
      awsManagedPolicyArns = List.copyOf(awsManagedPolicyArns);
      customerManagedPolicies = List.copyOf(customerManagedPolicies);
    }
  }

  /** What became of one {@link RoleSpec}. */
  public sealed interface Outcome permits Written, Failed {}

  public record Written(String roleId, String roleArn) implements Outcome {}

  /** Nothing was written for this role; the reason is AWS's provisioning failure reason. */
  public record Failed(String reason) implements Outcome {}

  /** A role name AWS would give: the set's name and 16 hex digits. */
  public static String newRoleName(String permissionSetName) {
    return NAME_PREFIX + permissionSetName + "_" + Ids.hex(16);
  }

  /**
   * Creates or rewrites the roles, in the caller's transaction: every spec is checked first (its
   * customer managed policies and boundary must exist in its account), and only the valid ones are
   * written, so a failed spec leaves nothing behind. Appends the {@code iam} change-log topic.
   *
   * @return one outcome per spec, in order
   */
  public static List<Outcome> put(Handle h, List<RoleSpec> specs, Instant now) {
    if (specs.isEmpty()) return List.of();
    // Only a role that uses the account's own policies must not race IAM's DeletePolicy, which
    // checks for attachments under the account's lock; others need no lock (names are unique by
    // index), so bulk provisioning does not hold up the accounts' IAM writes.
    lockAccounts(h, specs.stream().filter(ReservedRoles::usesAccountPolicies).map(RoleSpec::accountId).toList());
    Map<String, Set<String>> customerPolicies = customerPolicyArns(h, specs);
    List<Outcome> outcomes = new ArrayList<>(specs.size());
    List<RoleSpec> valid = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (RoleSpec spec : specs) {
      String missing = firstMissingPolicy(spec, customerPolicies.getOrDefault(spec.accountId(), Set.of()));
      if (missing != null) {
        outcomes.add(new Failed("Received a 404 status error: Policy " + missing + " does not exist or is not attachable."));
        continue;
      }
      String id = spec.existingRoleId() != null ? spec.existingRoleId() : Ids.uniqueId(IdentityKind.ROLE.idPrefix());
      valid.add(spec);
      ids.add(id);
      outcomes.add(new Written(id, IdentityKind.ROLE.arn(spec.accountId(), PATH, spec.roleName())));
    }
    write(h, valid, ids, now);
    ChangeLog.append(h, IamTransactions.TOPIC);
    return outcomes;
  }

  /** Deletes reserved roles with their policies, in the caller's transaction. */
  public static void delete(Handle h, Collection<String> roleIds) {
    if (roleIds.isEmpty()) return;
    for (String table : List.of("iam_tag", "iam_inline_policy", "iam_attachment")) {
      runBatch(h, "DELETE FROM " + table + " WHERE identity_id = :id", roleIds);
    }
    runBatch(h, "DELETE FROM iam_identity WHERE id = :id AND path = '" + PATH + "'", roleIds);
    ChangeLog.append(h, IamTransactions.TOPIC);
  }

  /** Whether a role is one of Identity Center's (any path under {@code /aws-reserved/}). */
  static boolean isReserved(Identity identity) {
    return identity.kind() == IdentityKind.ROLE && identity.path().startsWith("/aws-reserved/");
  }

  /** AWS's refusal to let anyone but Identity Center change its roles. */
  static void requireModifiable(Identity identity) {
    if (isReserved(identity)) throw new UnmodifiableEntityException(identity.name());
  }

  /** IAM's UnmodifiableEntity, with the message AWS gives for Identity Center's roles. */
  static final class UnmodifiableEntityException extends AwsException {
    UnmodifiableEntityException(String roleName) {
      super("UnmodifiableEntityException", 400, "Cannot perform the operation on the protected role '" + roleName
          + "' - this role is only modifiable by AWS");
    }
  }

  private static void write(Handle h, List<RoleSpec> specs, List<String> ids, Instant now) {
    if (specs.isEmpty()) return;
    LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    List<String> rewritten = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) if (specs.get(i).existingRoleId() != null) rewritten.add(ids.get(i));
    if (!rewritten.isEmpty()) {
      runBatch(h, "DELETE FROM iam_attachment WHERE identity_id = :id", rewritten);
      runBatch(h, "DELETE FROM iam_inline_policy WHERE identity_id = :id", rewritten);
    }
    PreparedBatch insert = h.prepareBatch("INSERT INTO iam_identity (id, account_id, kind, name, name_key, path, "
        + "trust_policy, max_session_duration, permissions_boundary, created_at) "
        + "VALUES (:id, :a, 'ROLE', :name, :nameKey, :path, :trust, :maxSession, :boundary, :at)");
    PreparedBatch update = h.prepareBatch("UPDATE iam_identity SET trust_policy = :trust, "
        + "max_session_duration = :maxSession, permissions_boundary = :boundary WHERE id = :id");
    PreparedBatch attach = h.prepareBatch(
        "INSERT INTO iam_attachment (identity_id, policy_arn, attached_at) VALUES (:id, :arn, :at)");
    PreparedBatch inline = h.prepareBatch(
        "INSERT INTO iam_inline_policy (identity_id, name, name_key, document) VALUES (:id, :n, :nk, :d)");
    for (int i = 0; i < specs.size(); i++) {
      RoleSpec s = specs.get(i);
      String id = ids.get(i);
      String boundary = s.boundaryPolicyArn() != null ? s.boundaryPolicyArn()
          : s.boundaryCustomerManaged() != null ? s.boundaryCustomerManaged().arnIn(s.accountId()) : null;
      if (s.existingRoleId() == null) {
        insert.bind("id", id).bind("a", s.accountId()).bind("name", s.roleName())
            .bind("nameKey", s.roleName().toLowerCase(Locale.ROOT)).bind("path", PATH).bind("trust", s.trustPolicy())
            .bind("maxSession", s.maxSessionDuration()).bind("boundary", boundary).bind("at", at).add();
      } else {
        update.bind("id", id).bind("trust", s.trustPolicy()).bind("maxSession", s.maxSessionDuration())
            .bind("boundary", boundary).add();
      }
      Set<String> arns = new java.util.LinkedHashSet<>(s.awsManagedPolicyArns());
      for (PolicyName p : s.customerManagedPolicies()) arns.add(p.arnIn(s.accountId()));
      for (String arn : arns) attach.bind("id", id).bind("arn", arn).bind("at", at).add();
      if (s.inlinePolicy() != null) {
        inline.bind("id", id).bind("n", INLINE_POLICY_NAME).bind("nk", INLINE_POLICY_NAME.toLowerCase(Locale.ROOT))
            .bind("d", s.inlinePolicy()).add();
      }
    }
    for (PreparedBatch batch : List.of(insert, update, attach, inline)) {
      if (batch.size() > 0) batch.execute();
    }
  }

  /** The first policy the spec names that its account lacks, as an ARN; null if all exist. */
  private static String firstMissingPolicy(RoleSpec spec, Set<String> accountPolicies) {
    for (String arn : spec.awsManagedPolicyArns()) {
      if (AwsManagedPolicies.find(arn).isEmpty()) return arn;
    }
    for (PolicyName p : spec.customerManagedPolicies()) {
      if (!accountPolicies.contains(p.arnIn(spec.accountId()).toLowerCase(Locale.ROOT))) return p.arnIn(spec.accountId());
    }
    if (spec.boundaryPolicyArn() != null && AwsManagedPolicies.find(spec.boundaryPolicyArn()).isEmpty()) {
      return spec.boundaryPolicyArn();
    }
    PolicyName b = spec.boundaryCustomerManaged();
    if (b != null && !accountPolicies.contains(b.arnIn(spec.accountId()).toLowerCase(Locale.ROOT))) {
      return b.arnIn(spec.accountId());
    }
    return null;
  }

  private static boolean usesAccountPolicies(RoleSpec s) {
    return !s.customerManagedPolicies().isEmpty() || s.boundaryCustomerManaged() != null;
  }

  /** The lower-cased ARNs of the customer managed policies of the accounts whose specs name any. */
  private static Map<String, Set<String>> customerPolicyArns(Handle h, List<RoleSpec> specs) {
    Set<String> accounts = new TreeSet<>();
    for (RoleSpec s : specs) if (usesAccountPolicies(s)) accounts.add(s.accountId());
    Map<String, Set<String>> out = new HashMap<>();
    if (accounts.isEmpty()) return out;
    h.createQuery("SELECT account_id, name, path FROM iam_policy WHERE account_id IN (<accounts>)")
        .bindList("accounts", new ArrayList<>(accounts))
        .map((rs, ctx) -> out.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
            .add(("arn:aws:iam::" + rs.getString(1) + ":policy" + rs.getString(3) + rs.getString(2)).toLowerCase(Locale.ROOT)))
        .list();
    return out;
  }

  /** Locks the accounts' IAM rows (creating them if needed) in account order, so batches cannot deadlock. */
  private static void lockAccounts(Handle h, Collection<String> accountIds) {
    List<String> sorted = new ArrayList<>(new TreeSet<>(accountIds));
    if (sorted.isEmpty()) return;
    runBatch(h, "INSERT INTO iam_account (account_id) VALUES (:id) ON CONFLICT DO NOTHING", sorted);
    h.createQuery("SELECT account_id FROM iam_account WHERE account_id IN (<ids>) ORDER BY account_id FOR UPDATE")
        .bindList("ids", sorted).mapTo(String.class).list();
  }

  private static void runBatch(Handle h, String sql, Collection<String> ids) {
    PreparedBatch batch = h.prepareBatch(sql);
    for (String id : ids) batch.bind("id", id).add();
    if (batch.size() > 0) batch.execute();
  }
}
