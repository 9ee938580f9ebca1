package io.gatehouse.server.sts;

import io.gatehouse.server.auth.CredentialResolver;
import io.gatehouse.server.auth.IssuedSession;
import io.gatehouse.server.auth.SessionTokens;
import io.gatehouse.server.authz.CallerPolicies;
import io.gatehouse.server.authz.OrganizationView;
import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.core.Caller;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.iam.IamSnapshot;
import io.gatehouse.server.organizations.OrganizationTree;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * STS: temporary credentials whose sealed session token carries the whole session, verified by
 * any server holding the keyring. The entry point the server wires: its API, the credential
 * resolver for {@code ASIA…} keys, and the sessions behind requests (for authorization).
 *
 * <p>AssumeRole reads IAM and the organization from in-memory snapshots only: {@code iam} serves
 * the current IAM snapshot, and the organization tree kept here is replaced by
 * {@link #reloadOrganization()} whenever change-log topic {@code organizations} advances.
 */
public final class StsFeature {
  private final StsSessions sessions;
  private final StsApi api;
  private final OrganizationView organization;
  private final CallerPolicies callerPolicies;

  /**
   * @param iam the current IAM snapshot (e.g. {@code IamFeature::snapshot})
   * @param loadOrganization reads the organization tree (e.g. {@code OrganizationsFeature::tree});
   *     called at {@link #reloadOrganization()} only, never per request
   */
  public StsFeature(Clock clock, Keyring keyring, Supplier<IamSnapshot> iam, Supplier<OrganizationTree> loadOrganization) {
    this.sessions = new StsSessions(new SessionTokens(keyring, clock), clock);
    this.organization = new OrganizationView(loadOrganization);
    this.callerPolicies = new CallerPolicies(iam, organization, sessions.forAuthorization());
    this.api = new StsApi(sessions, new RoleAssumption(sessions, iam, callerPolicies, new CompiledPolicies()));
  }

  public ServiceApi api() {
    return api;
  }

  /**
   * A session of {@code role} that the access portal hands a signed-in user (sso GetRoleCredentials),
   * as AWS's portal makes one with AssumeRoleWithSAML: {@code assumed-role/<role>/<sessionName>}, no
   * session policies or tags; the role's own policies, boundary and the account's SCPs decide its calls.
   *
   * @param sessionName the user's name, already fitted to RoleSessionName's characters and length
   */
  public IssuedSession issueRoleSession(IamSnapshot.RoleTrust role, String sessionName, Instant expiration) {
    String arn = "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.name() + "/" + sessionName;
    Caller principal = new Caller(role.accountId(), arn, role.roleId() + ":" + sessionName, Caller.PrincipalType.ASSUMED_ROLE,
        null);
    SessionContext context = new SessionContext(SessionContext.Kind.ASSUMED_ROLE, role.arn(), sessionName, null, List.of(),
        Map.of(), List.of(), null);
    return sessions.issue(principal, expiration, context);
  }

  /** Verifies {@code ASIA…} credentials; give it to {@code AccessKeys.authenticatorWith}. */
  public CredentialResolver credentialResolver() {
    return sessions;
  }

  /** The sessions behind requests signed with temporary credentials. */
  public StsSessions sessions() {
    return sessions;
  }

  /**
   * Re-reads the organization tree (topic {@code organizations}). One at a time, so that a read
   * made before a commit never replaces one made after it.
   */
  public void reloadOrganization() {
    organization.reload();
  }

  /**
   * Callers resolved against the IAM snapshot, this feature's organization tree and its sessions:
   * what AssumeRole weighs on the caller's side, and what the server's enforcement of every other
   * call uses (one cache of resolved callers for both).
   */
  public CallerPolicies callerPolicies() {
    return callerPolicies;
  }
}
