package io.gatehouse.server.auth;

import io.gatehouse.server.core.Caller;
import java.time.Instant;
import java.util.Arrays;

/**
 * A temporary-credential session recovered from its sealed token: who it is, when it was issued
 * and when it ends, and what STS chose to carry with it.
 *
 * @param caller the session's principal (an assumed role, a federated user, or the caller of GetSessionToken)
 * @param context opaque bytes the issuer sealed in (session policies, tags, source identity, ...)
 */
public record Session(Caller caller, Instant issuedAt, Instant expiration, byte[] context) {
  public Session {
    context = context.clone();
  }

  @Override
  public byte[] context() {
    return context.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Session s && caller.equals(s.caller) && issuedAt.equals(s.issuedAt)
        && expiration.equals(s.expiration) && Arrays.equals(context, s.context);
  }

  @Override
  public int hashCode() {
    return 31 * caller.hashCode() + Arrays.hashCode(context);
  }

  @Override
  public String toString() {
    return "Session[caller=" + caller + ", issuedAt=" + issuedAt + ", expiration=" + expiration
        + ", context=" + context.length + " bytes]";
  }
}
