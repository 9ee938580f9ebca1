package io.gatehouse.server.portal;

import io.gatehouse.server.awsprotocol.ServiceApi;
import io.gatehouse.server.crypto.Keyring;
import io.gatehouse.server.iam.IamSnapshot;
import io.gatehouse.server.identitycenter.Instance;
import io.gatehouse.server.storage.Database;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The access portal, wired: its web pages ({@link #web()}), AWS's {@code sso} and {@code sso-oidc}
 * APIs and Gatehouse's administration of sign-in ({@link #apis()}).
 *
 * @see io.gatehouse.server.portal
 */
public final class PortalFeature {
  private final PortalService service;
  private final SignInAdministration administration;
  private final PortalWeb web;

  /**
   * @param instance the organization's Identity Center instance (known once bootstrap ran): its
   *     identity store holds the users who sign in, its assignments say what they reach
   * @param iam the current IAM snapshot, where the reserved roles are found
   * @param roleSessions issues the role sessions handed out ({@code StsFeature::issueRoleSession})
   */
  public PortalFeature(Database db, Clock clock, Keyring keyring, PortalSettings settings, Supplier<Instance> instance,
      Supplier<IamSnapshot> iam, RoleSessions roleSessions) {
    Objects.requireNonNull(instance, "instance");
    MfaSecrets mfaSecrets = new MfaSecrets(keyring);
    SignIn signIn = new SignIn(db, clock, settings, mfaSecrets, () -> instance.get().identityStoreId());
    Oidc oidc = new Oidc(db, clock, settings);
    PortalAccess access = new PortalAccess(db, clock, () -> instance.get().instanceArn(), iam, roleSessions);
    this.service = new PortalService(signIn, oidc, access, settings);
    this.administration = new SignInAdministration(db, clock, instance);
    this.web = new PortalWeb(service);
  }

  /** sso, sso-oidc, and the sign-in operations of Gatehouse's own API. */
  public List<ServiceApi> apis() {
    return List.of(new SsoPortalApi(service), new SsoOidcApi(service), new SignInAdminApi(administration));
  }

  public PortalWeb web() {
    return web;
  }
}
