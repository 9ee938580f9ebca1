package io.gatehouse.server.identitystore;

import java.util.Map;

/** {@code ConflictException}: a uniqueness claim would be broken, or a concurrent change got there first. */
public final class Conflict extends IdentityStoreException {
  public enum Reason { UNIQUENESS_CONSTRAINT_VIOLATION, CONCURRENT_MODIFICATION }

  private final Reason reason;

  public Conflict(Reason reason, String message) {
    super("ConflictException", message, Map.of("Reason", reason.name()));
    this.reason = reason;
  }

  public static Conflict uniqueness(String message) {
    return new Conflict(Reason.UNIQUENESS_CONSTRAINT_VIOLATION, message);
  }

  public Reason reason() {
    return reason;
  }
}
