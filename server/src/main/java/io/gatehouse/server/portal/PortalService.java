package io.gatehouse.server.portal;

import java.util.Optional;

/**
 * The portal's parts as its faces (web pages, sso, sso-oidc) use them: sign-in, OAuth, access,
 * and the portal's address.
 */
final class PortalService {
  private final SignIn signIn;
  private final Oidc oidc;
  private final PortalAccess access;
  private final PortalSettings settings;

  PortalService(SignIn signIn, Oidc oidc, PortalAccess access, PortalSettings settings) {
    this.signIn = signIn;
    this.oidc = oidc;
    this.access = access;
    this.settings = settings;
  }

  SignIn signIn() {
    return signIn;
  }

  Oidc oidc() {
    return oidc;
  }

  PortalAccess access() {
    return access;
  }

  PortalSettings settings() {
    return settings;
  }

  /** The user an access token was issued to, while the token lives and the user exists and is enabled. */
  Optional<PortalUser> userOfToken(String accessToken) {
    return oidc.accessToken(accessToken).flatMap(t -> signIn.user(t.userId())).filter(PortalUser::enabled);
  }

  /** Logout: ends the token's grant. An unknown or expired token is UnauthorizedException, as in AWS. */
  void logout(String accessToken) {
    IssuedToken token = oidc.accessToken(accessToken).orElseThrow(PortalErrors.UnauthorizedException::new);
    oidc.logout(token);
  }

  /**
   * The portal's address: the configured one, else {@code http://<Host header>} (the address this
   * request reached), else the loopback default.
   */
  String portalUrl(String host) {
    if (settings.publicUrl() != null) return settings.publicUrl();
    if (host != null && host.matches("[A-Za-z0-9.\\-\\[\\]:]{1,300}")) return "http://" + host;
    return "http://127.0.0.1:8080";
  }
}
