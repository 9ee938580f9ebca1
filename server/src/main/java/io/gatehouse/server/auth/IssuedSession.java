package io.gatehouse.server.auth;

import java.time.Instant;

/** Temporary credentials as STS hands them out: an {@code ASIA...} key, its secret, the session token. */
public record IssuedSession(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {
  @Override
  public String toString() {
    return "IssuedSession[accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>, sessionToken=<redacted>, expiration="
        + expiration + "]";
  }
}
