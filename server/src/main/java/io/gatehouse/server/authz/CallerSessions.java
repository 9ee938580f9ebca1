package io.gatehouse.server.authz;

import io.gatehouse.server.core.Caller;
import java.util.Optional;

/** Finds the session behind a caller that signed with temporary credentials (STS implements it). */
@FunctionalInterface
public interface CallerSessions {
  /** A server without temporary credentials. */
  CallerSessions NONE = caller -> Optional.empty();

  /** The caller's session; empty for long-term credentials (or a session that cannot be read). */
  Optional<CallerSession> of(Caller caller);
}
