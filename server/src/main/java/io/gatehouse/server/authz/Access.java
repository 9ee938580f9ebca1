package io.gatehouse.server.authz;

/** How a request for an operation is authorized. */
public enum Access {
  /** The caller's policies (identity, boundary, session, SCPs, resource policy) must allow the action. */
  CHECKED,
  /** A signed call that needs no permission and that no policy can deny (sts:GetCallerIdentity, sts:GetSessionToken). */
  NO_PERMISSION_REQUIRED,
  /** Unsigned; the action is evaluated against the role's trust policy only (sts:AssumeRoleWithSAML, ...WithWebIdentity). */
  TRUST_POLICY_ONLY,
  /** Unsigned and not authorized by IAM policies (the SSO portal's bearer token, the OIDC device flow). */
  UNSIGNED
}
