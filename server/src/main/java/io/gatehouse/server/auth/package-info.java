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
 *   <li>temporary credentials ({@code ASIA...}, issue 3): a resolver that opens the sealed session
 *       token with the keyring, checks that it names the request's key id and has not expired
 *       ({@code EXPIRED_TOKEN}), and returns the session's secret and principal, with no database
 *       read. The runtime then builds {@code new SigV4Authenticator(verifier, List.of(accessKeys.resolver(), sessions))}.</li>
 * </ul>
 */
package io.gatehouse.server.auth;
