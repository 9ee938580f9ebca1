package io.gatehouse.server.portal;

import java.time.Instant;

/** A registered authenticator app: its sealed TOTP secret and the last step it was accepted for. */
record MfaDevice(String deviceId, String userId, String sealedSecret, long lastStep, Instant registeredAt) {}
