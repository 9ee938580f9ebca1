package io.gatehouse.server.portal;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What a user may access, read from the committed assignments and memberships at the moment of
 * use (one query): every account assignment to the user, or to a group the user is a member of
 * now, whose permission set is provisioned in an active account. Nothing is cached, so a removed
 * member or a deleted assignment stops counting on the next call, through any server.
 */
final class Entitlements {
  private static final String QUERY = """
      SELECT DISTINCT a.account_id, acct.name, acct.email, ps.name, ps.permission_set_arn, r.role_name
      FROM sso_account_assignment a
      JOIN sso_provisioned_role r ON r.permission_set_arn = a.permission_set_arn AND r.account_id = a.account_id
      JOIN sso_permission_set ps ON ps.permission_set_arn = a.permission_set_arn
      JOIN org_account acct ON acct.id = a.account_id AND acct.status = 'ACTIVE'
      WHERE a.state = 'ACTIVE' AND a.instance_arn = :instance
        AND ((a.principal_type = 'USER' AND a.principal_id = :user)
          OR (a.principal_type = 'GROUP' AND a.principal_id IN
                (SELECT m.group_id FROM idstore_memberships m WHERE m.user_id = :user)))
      ORDER BY a.account_id, ps.name""";

  private Entitlements() {}

  static List<Entitlement> of(Handle h, String instanceArn, String userId) {
    return h.createQuery(QUERY).bind("instance", instanceArn).bind("user", userId)
        .map((rs, ctx) -> new Entitlement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6)))
        .list();
  }
}
