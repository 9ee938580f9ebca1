/**
 * Authentication of AWS SigV4-signed requests.
 *
 * <p>The request path: {@link io.gatehouse.server.auth.SigV4Authenticator} parses the signature's
 * claims ({@link io.gatehouse.server.auth.SigV4Verifier#parse}), asks its
 * {@link io.gatehouse.server.auth.CredentialResolver}s for the key's secret and principal, verifies
 * the signature ({@link io.gatehouse.server.auth.SigV4Verifier#verify}) and returns the
 * {@link io.gatehouse.server.core.Caller}. Everything on that path reads memory only.
 *
 * <p>Kinds of credentials, one resolver each:
 * <ul>
 *   <li>long-term keys ({@code AKIA...}) of account roots and IAM users:
 *       {@link io.gatehouse.server.auth.AccessKeys}, backed by the {@code access_keys} table with
 *       secrets sealed by the {@link io.gatehouse.server.crypto.Keyring}, served from an immutable
 *       map swapped by {@code reload()} when the change log's {@code credentials} topic advances;</li>
 *   <li>temporary credentials ({@code ASIA...}): {@link io.gatehouse.server.auth.SessionTokens}, whose
 *       session token is a record sealed by the keyring (key id, secret, principal, issue time,
 *       expiry, and the issuer's opaque context such as session policies and tags); any server with
 *       the keyring verifies it without a database read, and it stops working at expiry
 *       ({@code EXPIRED_TOKEN}). STS (issue 3) issues with {@code issue(...)} and reads a session back
 *       with {@code open(...)}; the runtime then authenticates with
 *       {@code accessKeys.authenticatorWith(List.of(sessionTokens))}.</li>
 * </ul>
 */
package io.gatehouse.server.auth;
