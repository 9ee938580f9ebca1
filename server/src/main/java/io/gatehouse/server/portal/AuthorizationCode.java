package io.gatehouse.server.portal;

import java.time.Instant;

/** An authorization code (RFC 6749 4.1) with its PKCE challenge, stored by its SHA-256. */
record AuthorizationCode(String codeHash, String clientId, String userId, String redirectUri, String codeChallenge,
    Instant expiresAt, boolean used) {}
