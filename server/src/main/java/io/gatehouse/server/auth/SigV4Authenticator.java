package io.gatehouse.server.auth;

import io.gatehouse.server.auth.AuthenticationException.Kind;
import io.gatehouse.server.awsprotocol.HttpRequestData;
import io.gatehouse.server.core.Caller;
import java.util.List;

/**
 * The request path's authenticator: parse the SigV4 claims, resolve the access key through the
 * {@link CredentialResolver}s in order, verify the signature with the key's secret, and return the
 * key's principal. Reads memory only.
 */
public final class SigV4Authenticator implements Authenticator {
  static final String INVALID_TOKEN = "The security token included in the request is invalid.";

  /** Told of every accepted request, e.g. to record when a key was last used. Must be cheap and never throw. */
  @FunctionalInterface
  public interface Observer {
    void authenticated(SigningCredential credential, SignedRequest request);
  }

  private final SigV4Verifier verifier;
  private final List<CredentialResolver> resolvers;
  private final Observer observer;

  public SigV4Authenticator(SigV4Verifier verifier, List<CredentialResolver> resolvers) {
    this(verifier, resolvers, (credential, request) -> {});
  }

  public SigV4Authenticator(SigV4Verifier verifier, List<CredentialResolver> resolvers, Observer observer) {
    this.verifier = verifier;
    this.resolvers = List.copyOf(resolvers);
    this.observer = observer;
  }

  @Override
  public Caller authenticate(HttpRequestData request, String signingName) {
    SignedRequest signed = verifier.parse(request);
    SigningCredential credential = resolve(signed.accessKeyId(), signed.securityToken());
    verifier.verify(request, signed, signingName, credential.secretAccessKey());
    observer.authenticated(credential, signed);
    return credential.caller();
  }

  private SigningCredential resolve(String accessKeyId, String sessionToken) {
    for (CredentialResolver resolver : resolvers) {
      SigningCredential credential = resolver.resolve(accessKeyId, sessionToken);
      if (credential != null) return credential;
    }
    throw new AuthenticationException(Kind.UNKNOWN_ACCESS_KEY, INVALID_TOKEN);
  }
}
