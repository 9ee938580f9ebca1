package io.gatehouse.server.permissionsets;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Permission sets' session durations: ISO-8601 durations from one to twelve hours, as on AWS. */
final class SessionDurations {
  static final Duration DEFAULT = Duration.ofHours(1);
  private static final Duration MIN = Duration.ofHours(1);
  private static final Duration MAX = Duration.ofHours(12);

  private SessionDurations() {}

  /** @throws PermissionSetErrors.ValidationException for anything but a whole number of seconds in [PT1H, PT12H] */
  static Duration parse(String iso) {
    Duration d;
    try {
      d = Duration.parse(iso);
    } catch (DateTimeParseException e) {
      throw invalid(iso);
    }
    if (d.getNano() != 0 || d.compareTo(MIN) < 0 || d.compareTo(MAX) > 0) throw invalid(iso);
    return d;
  }

  /** As AWS writes them: {@code PT1H}, {@code PT1H30M}. */
  static String format(Duration d) {
    return d.toString();
  }

  private static PermissionSetErrors.ValidationException invalid(String iso) {
    return new PermissionSetErrors.ValidationException("SessionDuration `" + iso
        + "` is invalid: it must be an ISO-8601 duration between PT1H and PT12H.");
  }
}
