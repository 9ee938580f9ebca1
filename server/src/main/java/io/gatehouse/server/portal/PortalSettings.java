package io.gatehouse.server.portal;

import io.gatehouse.server.config.ServerConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How the portal signs users in.
 *
 * @param mfaRequired whether a code from an authenticator app follows the password
 * @param sessionDuration how long a browser sign-in, and a token from the device flow, last
 * @param publicUrl the portal's address as browsers reach it; null to take it from each request's Host header
 * @param maxFailedAttempts wrong passwords or codes in a row before the user is locked out
 * @param lockout how long a lockout lasts
 */
public record PortalSettings(boolean mfaRequired, Duration sessionDuration, String publicUrl, int maxFailedAttempts,
    Duration lockout) {
  /** RFC 8628's default; the AWS CLI polls at the interval the server gives. */
  static final int POLL_INTERVAL_SECONDS = 1;
  static final Duration DEVICE_CODE_LIFETIME = Duration.ofMinutes(10);
  /** Access tokens that come with a refresh token are short; the refresh token lasts the session. */
  static final Duration REFRESHABLE_ACCESS_TOKEN_LIFETIME = Duration.ofHours(1);
  /** AWS's registrations of public clients last 90 days. */
  static final Duration CLIENT_REGISTRATION_LIFETIME = Duration.ofDays(90);

  public PortalSettings {
    Objects.requireNonNull(sessionDuration, "sessionDuration");
    Objects.requireNonNull(lockout, "lockout");
  }

  public static PortalSettings of(ServerConfig config) {
    return new PortalSettings("required".equals(config.portalMfa()), config.portalSessionDuration(), config.portalUrl(), 5,
        Duration.ofMinutes(15));
  }
}
