package io.gatehouse.server.portal;

import java.time.Instant;

/** A user's sign-in password: its hash, whether it must be changed, and the lockout counter. */
record StoredPassword(String hash, boolean mustChange, int failedAttempts, Instant lockedUntil) {
  boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }
}
