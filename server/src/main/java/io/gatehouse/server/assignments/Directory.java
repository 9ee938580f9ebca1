package io.gatehouse.server.assignments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * What provisioning reads from the features it builds on, on the caller's handle so that it sees
 * their state as of the same transaction: the Identity Center instance (V5), identity-store users
 * and groups (V2) and the organization's accounts (V3). Read-only.
 */
final class Directory {
  private Directory() {}

  /** The instance's identity store and owner. */
  record InstanceInfo(String instanceArn, String identityStoreId, String ownerAccountId) {

    /** The {@code ssoins-…} id's 16 characters, used in the name of the instance's SAML provider. */
    String instanceKey() {
      return instanceArn.substring(instanceArn.lastIndexOf("ins-") + 4);
    }
  }

  static Optional<InstanceInfo> instance(Handle h, String instanceArn) {
    return h.createQuery("SELECT instance_arn, identity_store_id, owner_account_id FROM sso_instances "
            + "WHERE instance_arn = :i")
        .bind("i", instanceArn)
        .map((rs, ctx) -> new InstanceInfo(rs.getString(1), rs.getString(2), rs.getString(3))).findOne();
  }

  /** Of these principal ids, the ones that are users (or groups) of the identity store. */
  static Set<String> existingPrincipals(Handle h, String identityStoreId, PrincipalType type, Collection<String> ids) {
    if (ids.isEmpty()) return Set.of();
    String sql = switch (type) {
      case USER -> "SELECT user_id FROM idstore_users WHERE identity_store_id = :s AND user_id IN (<ids>)";
      case GROUP -> "SELECT group_id FROM idstore_groups WHERE identity_store_id = :s AND group_id IN (<ids>)";
    };
    return new HashSet<>(h.createQuery(sql).bind("s", identityStoreId).bindList("ids", new ArrayList<>(ids))
        .mapTo(String.class).list());
  }

  /** Of these account ids, the ones that are active accounts of the organization. */
  static Set<String> activeAccounts(Handle h, Collection<String> accountIds) {
    if (accountIds.isEmpty()) return Set.of();
    return new HashSet<>(h.createQuery("SELECT id FROM org_account WHERE status = 'ACTIVE' AND id IN (<ids>)")
        .bindList("ids", new ArrayList<>(accountIds)).mapTo(String.class).list());
  }
}
