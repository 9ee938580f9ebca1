/**
 * The access portal: identity-store users sign in once (password and an authenticator app), see
 * every account and role their account assignments give them, and get short-lived credentials for
 * them, in a browser or through the AWS CLI's {@code aws sso login} device flow.
 *
 * <p>Three faces over one service: the portal's web pages ({@link io.gatehouse.server.portal.PortalWeb}),
 * AWS's {@code sso-oidc} API (client registration, device authorization, tokens) and AWS's
 * {@code sso} API (accounts, roles, role credentials), plus Gatehouse's own administration of
 * sign-in (one-time passwords, MFA devices, signing a user out).
 *
 * <p>Access is read at use: every {@code sso} call and every page reads the user's memberships and
 * assignments as committed, so a member removed from a group, or an assignment deleted, loses
 * that access on the next call through any server. See docs/portal.md.
 */
package io.gatehouse.server.portal;
