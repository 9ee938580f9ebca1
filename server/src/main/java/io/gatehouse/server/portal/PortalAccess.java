package io.gatehouse.server.portal;

import io.gatehouse.server.auth.IssuedSession;
import io.gatehouse.server.iam.IamSnapshot;
import io.gatehouse.server.iam.ReservedRoles;
import io.gatehouse.server.portal.PortalErrors.ResourceNotFoundException;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a signed-in user may reach and the credentials for it: the accounts and roles of the
 * user's {@link Entitlements}, read at each call, and a session of the account's reserved role
 * that lasts the permission set's session duration (the role's maximum).
 */
final class PortalAccess {
  /** An account with the roles (permission set names) the user has there. */
  record AccountAccess(String accountId, String accountName, String emailAddress, List<String> roles) {}

  private final Database db;
  private final Clock clock;
  private final Supplier<String> instanceArn;
  private final Supplier<IamSnapshot> iam;
  private final RoleSessions sessions;

  PortalAccess(Database db, Clock clock, Supplier<String> instanceArn, Supplier<IamSnapshot> iam, RoleSessions sessions) {
    this.db = db;
    this.clock = clock;
    this.instanceArn = instanceArn;
    this.iam = iam;
    this.sessions = sessions;
  }

  /** Every account the user may reach, in account-id order, with its roles in name order. */
  List<AccountAccess> accounts(PortalUser user) {
    Map<String, AccountAccess> byAccount = new LinkedHashMap<>();
    for (Entitlement e : entitlements(user)) {
      byAccount.computeIfAbsent(e.accountId(), id -> new AccountAccess(id, e.accountName(), e.accountEmail(), new ArrayList<>()))
          .roles().add(e.permissionSetName());
    }
    return List.copyOf(byAccount.values());
  }

  /** The roles (permission set names) the user has in one account; none when the account is not theirs. */
  List<String> roles(PortalUser user, String accountId) {
    return entitlements(user).stream().filter(e -> e.accountId().equals(accountId)).map(Entitlement::permissionSetName)
        .distinct().toList();
  }

  /**
   * Credentials for the role {@code roleName} (a permission set's name) in {@code accountId}.
   *
   * @throws ResourceNotFoundException when the user has no such access now, or its role is not
   *     provisioned (yet)
   */
  IssuedSession credentials(PortalUser user, String accountId, String roleName) {
    Entitlement entitlement = entitlements(user).stream()
        .filter(e -> e.accountId().equals(accountId) && e.permissionSetName().equals(roleName))
        .findFirst().orElseThrow(ResourceNotFoundException::new);
    String roleArn = "arn:aws:iam::" + accountId + ":role" + ReservedRoles.PATH + entitlement.roleName();
    IamSnapshot.RoleTrust role = iam.get().role(roleArn).orElseThrow(ResourceNotFoundException::new);
    Instant expiration = clock.instant().plusSeconds(role.maxSessionDuration());
    return sessions.issue(role, sessionName(user.userName()), expiration);
  }

  private List<Entitlement> entitlements(PortalUser user) {
    if (!user.enabled()) return List.of();
    return db.withHandle(h -> Entitlements.of(h, instanceArn.get(), user.userId()));
  }

  /**
   * The user name as a RoleSessionName ({@code [\w+=,.@-]{2,64}}), as AWS's portal names the
   * session after the user: other characters become '-', and a longer name is cut.
   */
  static String sessionName(String userName) {
    StringBuilder out = new StringBuilder(Math.min(64, userName.length()));
    for (int i = 0; i < userName.length() && out.length() < 64; i++) {
      char c = userName.charAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_+=,.@-".indexOf(c) >= 0;
      out.append(allowed ? c : '-');
    }
    while (out.length() < 2) out.append('-');
    return out.toString();
  }
}
