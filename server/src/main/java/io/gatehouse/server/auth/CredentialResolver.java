package io.gatehouse.server.auth;

/**
 * Finds the secret and the principal behind an access key id. The authenticator asks its resolvers
 * in order; each kind of credential is one resolver: long-term keys from the database
 * ({@link AccessKeys#resolver()}), and later temporary credentials whose sealed session token
 * carries everything, verified without the database.
 *
 * <p>Called on every request: implementations read memory only.
 */
@FunctionalInterface
public interface CredentialResolver {
  /**
   * @param accessKeyId the key id from the request's credential scope
   * @param sessionToken {@code X-Amz-Security-Token}, or null when the request has none
   * @return the credential, or null when this resolver does not know the key (the next one is asked)
   * @throws AuthenticationException when it knows the key but refuses the request, e.g. a session
   *     token that does not belong to the key ({@code UNKNOWN_ACCESS_KEY}) or has expired ({@code EXPIRED_TOKEN})
   */
  SigningCredential resolve(String accessKeyId, String sessionToken);
}
