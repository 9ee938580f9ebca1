package io.gatehouse.server.auth;

import java.time.Instant;

/**
 * A key just created, with its secret: the only time the secret is shown (CreateAccessKey's answer).
 */
public record IssuedAccessKey(String accessKeyId, String secretAccessKey, AccessKeyStatus status, Instant createDate) {
  @Override
  public String toString() {
    return "IssuedAccessKey[accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>, status=" + status
        + ", createDate=" + createDate + "]";
  }
}
