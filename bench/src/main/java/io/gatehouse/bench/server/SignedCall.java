package io.gatehouse.bench.server;

import java.nio.charset.StandardCharsets;

/** One AWS request as it goes on the wire, before signing: always {@code POST /}. */
sealed interface SignedCall {

  /** The SigV4 signing name (credential scope service), e.g. {@code identitystore}, {@code sso}, {@code sts}. */
  String signingName();

  String contentType();

  byte[] body();

  /** AWS JSON 1.1: the operation is named by {@code X-Amz-Target}. */
  record Json(String signingName, String target, byte[] body) implements SignedCall {
    @Override
    public String contentType() {
      return "application/x-amz-json-1.1";
    }
  }

  /**
   * A call signed with other credentials than the driver's (e.g. an IAM user's key or a role
   * session's, with its session token) — what IAM/STS workloads need to act as a principal that is
   * neither the root nor unauthorized.
   */
  record As(SignedCall call, Credentials credentials) implements SignedCall {
    public As {
      if (call instanceof As) throw new IllegalArgumentException("a call is signed by one principal");
    }

    @Override
    public String signingName() {
      return call.signingName();
    }

    @Override
    public String contentType() {
      return call.contentType();
    }

    @Override
    public byte[] body() {
      return call.body();
    }
  }

  /** Credentials to sign with; {@code sessionToken} is null for a long-term key. */
  record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    @Override
    public String toString() {
      return "Credentials[" + accessKeyId + "]"; // never the secret
    }
  }

  /** AWS query protocol (iam, sts): the operation is the form's {@code Action}. */
  record Query(String signingName, byte[] body) implements SignedCall {
    static Query of(String signingName, String form) {
      return new Query(signingName, form.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String contentType() {
      return "application/x-www-form-urlencoded; charset=utf-8";
    }
  }
}
