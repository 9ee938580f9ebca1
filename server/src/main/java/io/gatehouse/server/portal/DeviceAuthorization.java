package io.gatehouse.server.portal;

import java.time.Instant;

/** One device authorization (RFC 8628) as StartDeviceAuthorization made it, and how far it has got. */
record DeviceAuthorization(String deviceCodeHash, String userCode, String clientId, String startUrl, Status status,
    String userId, Instant expiresAt, Instant lastPollAt) {

  enum Status { PENDING, APPROVED, DENIED, REDEEMED }

  boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
