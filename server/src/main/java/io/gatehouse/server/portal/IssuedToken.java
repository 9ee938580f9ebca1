package io.gatehouse.server.portal;

import java.time.Instant;
import java.util.List;

/**
 * An access or refresh token as stored: by its SHA-256, with the grant (one sign-in of one client)
 * it belongs to, its user and client.
 *
 * @param used for a refresh token: it was exchanged already
 */
record IssuedToken(String tokenHash, Kind kind, String grantId, String userId, String clientId, List<String> scopes,
    Instant createdAt, Instant expiresAt, boolean used) {

  enum Kind { ACCESS, REFRESH }
}
