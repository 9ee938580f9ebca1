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
