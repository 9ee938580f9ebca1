package io.gatehouse.server.iam;

import io.gatehouse.server.crypto.PasswordHash;
import java.time.Instant;

/** A user's console password, as a hash (see {@link PasswordHash}). */
record LoginProfile(String userId, String passwordHash, boolean passwordResetRequired, Instant createdAt) {}
