package io.gatehouse.server.portal;

/** How far a browser has got in signing in. */
enum Stage {
  /** The password was right but is a one-time password: a new one must be chosen. */
  PASSWORD,
  /** MFA is required and the user has no authenticator yet: registering one. */
  MFA_SETUP,
  /** The password was right; the authenticator's code is due. */
  MFA,
  SIGNED_IN
}
