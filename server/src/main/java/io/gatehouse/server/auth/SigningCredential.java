package io.gatehouse.server.auth;

import io.gatehouse.server.core.Caller;
import java.util.Objects;

/**
 * A resolved credential: the secret that must have signed the request and the principal it stands for.
 *
 * @param accessKeyId the key id
 * @param secretAccessKey the plain secret (kept in memory only; never logged, see {@link #toString})
 * @param caller who the request is from when the signature checks out
 */
public record SigningCredential(String accessKeyId, String secretAccessKey, Caller caller) {
  public SigningCredential {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(caller, "caller");
  }

  @Override
  public String toString() {
    return "SigningCredential[accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>, caller=" + caller + "]";
  }
}
