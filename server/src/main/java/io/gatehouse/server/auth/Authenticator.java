package io.gatehouse.server.auth;

import io.gatehouse.server.awsprotocol.HttpRequestData;
import io.gatehouse.server.core.Caller;

/** Verifies a request's SigV4 signature (header or presigned query form) and resolves its caller. */
public interface Authenticator {
  /**
   * @param request the raw request
   * @param signingName the service's SigV4 signing name from its model (iam, sts, sso, identitystore, organizations)
   * @return the principal that signed it
   * @throws AuthenticationException when it is unsigned, signed badly, by an unknown key, or too old
   */
  Caller authenticate(HttpRequestData request, String signingName);
}
