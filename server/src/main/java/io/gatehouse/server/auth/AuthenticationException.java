package io.gatehouse.server.auth;

/**
 * Why a request failed authentication. The protocol layer maps each kind to the code AWS uses for
 * the service's protocol (query: {@code InvalidClientTokenId}, ...; JSON: {@code UnrecognizedClientException}, ...).
 */
public final class AuthenticationException extends RuntimeException {
  public enum Kind {
    /** No Authorization header and no presigned query: MissingAuthenticationToken(Exception). */
    MISSING_AUTHENTICATION,
    /** Authorization header present but malformed or missing parts: IncompleteSignature(Exception). */
    INCOMPLETE_SIGNATURE,
    /** The access key id is not known: InvalidClientTokenId / UnrecognizedClientException. */
    UNKNOWN_ACCESS_KEY,
    /** The signature does not match, or the request time is outside the 15-minute window: SignatureDoesNotMatch / InvalidSignatureException. */
    SIGNATURE_MISMATCH,
    /** The session token (or presigned URL) has expired: ExpiredToken / ExpiredTokenException. */
    EXPIRED_TOKEN
  }

  private final Kind kind;

  public AuthenticationException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
