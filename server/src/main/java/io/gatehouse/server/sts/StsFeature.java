package io.gatehouse.server.sts;

import io.gatehouse.server.auth.CredentialResolver;
import io.gatehouse.server.auth.SessionTokens;
import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.iam.IamSnapshot;
import io.gatehouse.server.organizations.OrganizationTree;
import java.time.Clock;
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
  private final Supplier<OrganizationTree> loadOrganization;
  private volatile OrganizationTree organization = OrganizationTree.empty();

  /**
   * @param iam the current IAM snapshot (e.g. {@code IamFeature::snapshot})
   * @param loadOrganization reads the organization tree (e.g. {@code OrganizationsFeature::tree});
   *     called at {@link #reloadOrganization()} only, never per request
   */
  public StsFeature(Clock clock, Keyring keyring, Supplier<IamSnapshot> iam, Supplier<OrganizationTree> loadOrganization) {
    this.sessions = new StsSessions(new SessionTokens(keyring, clock), clock);
    this.loadOrganization = loadOrganization;
    this.api = new StsApi(sessions, new RoleAssumption(sessions, iam, () -> organization, new CompiledPolicies()));
  }

  public ServiceApi api() {
    return api;
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
  public synchronized void reloadOrganization() {
    organization = loadOrganization.get();
  }
}
