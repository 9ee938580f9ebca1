package io.gatehouse.server.portal;

import java.time.Instant;

/**
 * A browser's sign-in, found by the SHA-256 of its cookie.
 *
 * @param pendingSecret the sealed secret of an authenticator being registered (stage MFA_SETUP), else null
 * @param csrfToken what every form of this session must send back
 */
record BrowserSession(String sessionHash, String userId, Stage stage, String pendingSecret, String csrfToken,
    Instant expiresAt) {}
